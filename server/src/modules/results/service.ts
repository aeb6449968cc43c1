import DataLoader from 'dataloader';
import { targetColour } from '@insyn/shared';
import type { Context } from '../../app/context.js';
import { badField, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import type { Ownership } from '../masterdata/enums.js';
import type { Indicator } from '../program/entities.js';
import { TargetColour } from '../program/enums.js';
import type { AssessmentRating } from '../review/entities.js';
import {
  type Comparison,
  type OwnershipAggregate,
  type PublicAssessment,
  type PublicCorrection,
  type PublicResponseText,
  type PublicSeries,
  type PublicUnit,
  type PublicUnitDetail,
  type PublicValue,
  Trend,
} from './types.js';

/**
 * The public read side. It reads nothing but what is public: the current published values
 * (`published_value_current`), publications, accepted public responses, goal assessments of
 * published reports, and master data. Never answers, drafts or confidentiality requests.
 */

export const PERIOD = /^[0-9]{4}(-(T[1-3]|H[1-2]|Q[1-4]|M(0[1-9]|1[0-2])))?$/;
const MUNICIPALITY = /^[0-9]{4}$/;
const OWNERSHIP_ORDER = ['IN_HOUSE', 'PRIVATE', 'PUBLIC_COMPANY', 'NON_PROFIT'];
/** One indicator and ownership over the published values of a year. */
export interface YearOwnershipAggregate {
  indicatorCode: string;
  indicatorName: string;
  unit: string;
  direction: string;
  ownership: Ownership;
  count: number;
  mean: number | null;
  median: number | null;
  target: number | null;
  meetingTarget: number;
}
/** How many key indicators a unit card shows. */
const KEY_INDICATORS = 3;

interface ValueRow {
  for_unit: string;
  id: string;
  report_id: string;
  question_id: string;
  version: number;
  period: string;
  indicator_id: string | null;
  value: unknown;
  value_number: number | null;
  target: number | null;
  suppressed: boolean;
  suppression_reason: string | null;
  published_at: Date;
  question_code: string;
  question_text: string;
  question_text_en: string | null;
  question_type: string;
  options: { key: string; label: string; labelEn?: string | null }[] | null;
  direction: string | null;
  amber_threshold: string | null;
  section_position: number;
  question_position: number;
}

/** The SELECT list and joins of a public value (`v` is a row of published_value or its current view). */
const VALUE_COLUMNS = `
  v.id, v.report_id, v.question_id, v.version, v.period, v.indicator_id, v.value, v.value_number, v.target,
  v.suppressed, v.suppression_reason, v.published_at,
  q.code AS question_code, q.text AS question_text, q.text_en AS question_text_en, q.type AS question_type, q.options,
  i.direction, t.amber_threshold, s.position AS section_position, q.position AS question_position`;
const VALUE_JOINS = `
  JOIN question q ON q.id = v.question_id
  JOIN template_section s ON s.id = q.section_id
  LEFT JOIN indicator i ON i.id = v.indicator_id
  LEFT JOIN target t ON t.indicator_id = v.indicator_id AND t.year = left(v.period, 4)::int`;

/**
 * Current published values of units: those published for the unit itself, and those of joint
 * reports (unit NULL) of agreements that cover it. `$1` is the array of unit ids.
 */
const UNIT_VALUES = `
  WITH wanted AS (SELECT unnest($1::uuid[]) AS unit_id),
  vals AS (
    SELECT w.unit_id AS for_unit, v.* FROM wanted w JOIN published_value_current v ON v.unit_id = w.unit_id
    UNION ALL
    SELECT w.unit_id, v.* FROM wanted w
      JOIN agreement_unit au ON au.unit_id = w.unit_id
      JOIN published_value_current v ON v.agreement_id = au.agreement_id AND v.unit_id IS NULL
  )`;

/**
 * Count, mean and median of the current published values `v` of a group (suppressed values keep
 * no number, so they count for nothing): the per-ownership figures of the public comparison.
 */
export const OWNERSHIP_AGGREGATE = `count(v.value_number)::int AS count, avg(v.value_number) AS mean,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY v.value_number) AS median`;

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

function colourOf(value: number | null, target: number | null, amber: number | null, direction: string | null): TargetColour | null {
  if (value === null || target === null || amber === null || !direction) return null;
  return targetColour(value, { value: target, amberThreshold: amber }, direction as 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER') as TargetColour;
}

/** A published jsonb value as text, for texts, dates and choices (Swedish and English labels). */
function textsOf(type: string, value: unknown, options: ValueRow['options']): { text: string | null; textEn: string | null; flag: boolean | null } {
  if (value === null || value === undefined) return { text: null, textEn: null, flag: null };
  if (type === 'BOOLEAN' && typeof value === 'boolean') return { text: null, textEn: null, flag: value };
  if ((type === 'SINGLE_CHOICE' || type === 'MULTI_CHOICE') && options) {
    const keys = Array.isArray(value) ? value : [value];
    const chosen = keys.map((k) => options.find((o) => o.key === k)).filter((o) => o !== undefined);
    return { text: chosen.map((o) => o.label).join(', '), textEn: chosen.map((o) => o.labelEn ?? o.label).join(', '), flag: null };
  }
  if (typeof value === 'string') return { text: value, textEn: null, flag: null };
  return { text: null, textEn: null, flag: null };
}

export function toPublicValue(r: ValueRow): PublicValue {
  const value = r.suppressed ? null : num(r.value_number);
  const target = num(r.target);
  const texts = r.suppressed ? { text: null, textEn: null, flag: null } : textsOf(r.question_type, r.value, r.options);
  return {
    id: r.id,
    reportId: r.report_id,
    questionId: r.question_id,
    indicatorId: r.indicator_id,
    questionCode: r.question_code,
    question: r.question_text,
    questionEn: r.question_text_en,
    period: r.period,
    value,
    ...texts,
    target,
    colour: colourOf(value, target, num(r.amber_threshold), r.direction),
    suppressed: r.suppressed,
    suppressionReason: r.suppression_reason,
    corrected: r.version > 1,
    publishedAt: r.published_at,
    sectionPosition: r.section_position,
    questionPosition: r.question_position,
  };
}

/** Newest period first, then template order. */
function byPeriodThenTemplate(a: PublicValue, b: PublicValue): number {
  if (a.period !== b.period) return a.period < b.period ? 1 : -1;
  return a.sectionPosition - b.sectionPosition || a.questionPosition - b.questionPosition || a.id.localeCompare(b.id);
}

interface UnitRow {
  id: string;
  name: string;
  kind: string;
  city: string | null;
  municipality_code: string;
  provider_id: string;
  provider_name: string;
  ownership: string;
}

const UNIT_SELECT = `
  SELECT u.id, u.name, u.kind, u.city, u.municipality_code, p.id AS provider_id, p.name AS provider_name, p.ownership
  FROM unit u JOIN provider p ON p.id = u.provider_id`;

function toPublicUnit(r: UnitRow): PublicUnit {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as PublicUnit['kind'],
    city: r.city,
    municipalityCode: r.municipality_code,
    providerId: r.provider_id,
    providerName: r.provider_name,
    ownership: r.ownership as Ownership,
  };
}

/** Per-request loaders of the public pages (kept beside the context, not in it). */
interface ResultsLoaders {
  keyIndicatorsByUnit: DataLoader<string, PublicValue[]>;
}
const perRequest = new WeakMap<Context, ResultsLoaders>();

function loaders(ctx: Context): ResultsLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    l = {
      keyIndicatorsByUnit: new DataLoader<string, PublicValue[]>(async (unitIds) => {
        const rows: ValueRow[] = await ctx.em.query(
          `${UNIT_VALUES},
           latest AS (SELECT for_unit, max(period) AS period FROM vals WHERE indicator_id IS NOT NULL GROUP BY for_unit),
           ranked AS (
             SELECT v.for_unit, ${VALUE_COLUMNS},
                    row_number() OVER (PARTITION BY v.for_unit ORDER BY s.position, q.position, v.id) AS n
             FROM vals v JOIN latest l ON l.for_unit = v.for_unit AND l.period = v.period ${VALUE_JOINS}
             WHERE v.indicator_id IS NOT NULL
           )
           SELECT * FROM ranked WHERE n <= ${KEY_INDICATORS} ORDER BY for_unit, n`,
          [[...unitIds]],
        );
        const map = new Map<string, PublicValue[]>();
        for (const r of rows) {
          const list = map.get(r.for_unit) ?? [];
          list.push(toPublicValue(r));
          map.set(r.for_unit, list);
        }
        return unitIds.map((id) => map.get(id) ?? []);
      }),
    };
    perRequest.set(ctx, l);
  }
  return l;
}

function checkPeriod(period: string, path = 'period'): void {
  if (!PERIOD.test(period)) throw badField(path, 'Give the period as 2025, 2025-T1, 2025-H1, 2025-Q1 or 2025-M01');
}

function checkMunicipality(code: string | null | undefined, path = 'municipalityCode'): void {
  if (code !== null && code !== undefined && !MUNICIPALITY.test(code)) throw badField(path, 'A municipality code has four digits, e.g. 2380');
}

export const resultsService = {
  async publicUnits(ctx: Context, municipalityCode: string | null, ownership: Ownership[] | null): Promise<PublicUnit[]> {
    checkMunicipality(municipalityCode);
    const rows: UnitRow[] = await ctx.em.query(
      `${UNIT_SELECT}
       WHERE ($1::text IS NULL OR u.municipality_code = $1) AND ($2::text[] IS NULL OR p.ownership = ANY($2::text[]))
       ORDER BY u.name, u.id`,
      [municipalityCode ?? null, ownership && ownership.length ? ownership : null],
    );
    return rows.map(toPublicUnit);
  },

  keyIndicators(ctx: Context, unitId: string): Promise<PublicValue[]> {
    return loaders(ctx).keyIndicatorsByUnit.load(unitId);
  },

  async publicUnit(ctx: Context, id: string): Promise<PublicUnitDetail> {
    const [unitRow]: UnitRow[] = isId(id) ? await ctx.em.query(`${UNIT_SELECT} WHERE u.id = $1`, [id]) : [];
    if (!unitRow) throw notFound('Unit');
    const unit = toPublicUnit(unitRow);

    const rows: ValueRow[] = await ctx.em.query(`${UNIT_VALUES} SELECT v.for_unit, ${VALUE_COLUMNS} FROM vals v ${VALUE_JOINS}`, [[id]]);
    const results = rows.map(toPublicValue).sort(byPeriodThenTemplate);
    const reportIds = [...new Set(results.map((r) => r.reportId))];

    const [assessments, responses, corrections, joint] = reportIds.length
      ? await Promise.all([
          resultsService.assessments(ctx, reportIds),
          resultsService.responses(ctx, reportIds),
          resultsService.corrections(ctx, reportIds),
          ctx.em.query(
            `SELECT DISTINCT u.name FROM agreement_unit au JOIN unit u ON u.id = au.unit_id
             WHERE au.agreement_id IN (SELECT v.agreement_id FROM published_value_current v WHERE v.report_id = ANY($1::uuid[]) AND v.unit_id IS NULL)
             ORDER BY u.name`,
            [reportIds],
          ) as Promise<{ name: string }[]>,
        ])
      : [[], [], [], []];

    const periods = [...new Set(results.map((r) => r.period))].sort().reverse();
    const indicatorIds = [...new Set(results.map((r) => r.indicatorId).filter((i): i is string => i !== null))];
    const indicators = (await Promise.all(indicatorIds.map((i) => ctx.loaders.indicatorById.load(i))))
      .filter((i): i is Indicator => i !== null)
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const series: PublicSeries[] = indicators.map((indicator) => {
      const values = results.filter((r) => r.indicatorId === indicator.id).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
      return { indicatorId: indicator.id, indicator, values, trend: trendOf(values, indicator.direction) };
    });
    return {
      unit,
      periods,
      results,
      series,
      assessments,
      response: responses[0] ?? null,
      responses,
      corrections,
      jointUnits: (joint as { name: string }[]).map((j) => j.name),
      indicators,
    };
  },

  /** The goal assessments of the latest approval of each published report. */
  async assessments(ctx: Context, reportIds: string[]): Promise<PublicAssessment[]> {
    const rows: { goal_id: string; rating: string; motivation: string | null; decided_at: Date; period: string }[] = await ctx.em.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (ga.report_id, ga.goal_id) ga.goal_id, ga.rating, ga.motivation, d.decided_at, fr.period, g.position
         FROM report_decision d
         JOIN goal_assessment ga ON ga.decision_id = d.id
         JOIN goal g ON g.id = ga.goal_id
         JOIN report r ON r.id = d.report_id
         JOIN follow_up_round fr ON fr.id = r.round_id
         WHERE d.kind = 'APPROVED' AND d.report_id = ANY($1::uuid[])
           AND EXISTS (SELECT 1 FROM publication pb WHERE pb.report_id = d.report_id AND pb.kind = 'PUBLISHED')
         ORDER BY ga.report_id, ga.goal_id, d.decided_at DESC
       ) a ORDER BY a.period DESC, a.position, a.goal_id`,
      [reportIds],
    );
    return rows.map((r) => ({ goalId: r.goal_id, rating: r.rating as AssessmentRating, motivation: r.motivation, period: r.period, assessedAt: r.decided_at }));
  },

  async responses(ctx: Context, reportIds: string[]): Promise<PublicResponseText[]> {
    const rows: { period: string; body: string; provider_name: string; decided_at: Date }[] = await ctx.em.query(
      `SELECT fr.period, pr.body, p.name AS provider_name, pr.decided_at
       FROM public_response pr
       JOIN report r ON r.id = pr.report_id
       JOIN follow_up_round fr ON fr.id = r.round_id
       JOIN provider p ON p.id = pr.provider_id
       WHERE pr.status = 'ACCEPTED' AND pr.report_id = ANY($1::uuid[])
         AND EXISTS (SELECT 1 FROM publication pb WHERE pb.report_id = pr.report_id)
       ORDER BY fr.period DESC, pr.decided_at DESC`,
      [reportIds],
    );
    return rows.map((r) => ({ period: r.period, body: r.body, providerName: r.provider_name, acceptedAt: r.decided_at }));
  },

  async corrections(ctx: Context, reportIds: string[]): Promise<PublicCorrection[]> {
    const rows: (ValueRow & { old_value: unknown; old_value_number: number | null; old_suppressed: boolean; reason: string | null })[] =
      await ctx.em.query(
        `SELECT ${VALUE_COLUMNS}, o.value AS old_value, o.value_number AS old_value_number, o.suppressed AS old_suppressed, pb.reason
         FROM published_value v
         JOIN published_value o ON o.id = v.supersedes_id
         JOIN publication pb ON pb.id = v.publication_id
         ${VALUE_JOINS}
         WHERE v.report_id = ANY($1::uuid[])
         ORDER BY v.published_at DESC, v.id`,
        [reportIds],
      );
    return rows.map((r) => {
      const now = toPublicValue(r);
      const old = textsOf(r.question_type, r.old_suppressed ? null : r.old_value, r.options);
      return {
        indicatorId: r.indicator_id,
        questionCode: r.question_code,
        question: r.question_text,
        period: r.period,
        oldValue: r.old_suppressed ? null : num(r.old_value_number),
        newValue: now.value,
        oldText: old.text ?? (old.flag === null ? null : String(old.flag)),
        newText: now.text ?? (now.flag === null ? null : String(now.flag)),
        oldSuppressed: r.old_suppressed,
        newSuppressed: r.suppressed,
        version: r.version,
        date: r.published_at,
        reason: r.reason ?? '',
      };
    });
  },

  async publicComparison(ctx: Context, indicatorCode: string, period: string, municipalityCode: string | null): Promise<Comparison> {
    checkPeriod(period);
    checkMunicipality(municipalityCode);
    const indicator = (await ctx.em.query(`SELECT id FROM indicator WHERE code = $1`, [indicatorCode]))[0] as { id: string } | undefined;
    if (!indicator) throw notFound('Indicator');
    const params = [indicator.id, period, municipalityCode ?? null];
    const where = `v.indicator_id = $1 AND v.period = $2 AND ($3::text IS NULL OR v.municipality_code = $3)`;
    const [rows, aggregates, full] = await Promise.all([
      ctx.em.query(
        `SELECT v.id, v.unit_id, v.provider_id, p.name AS provider_name, v.ownership, v.municipality_code, v.value_number, v.target,
                v.suppressed, t.amber_threshold, i.direction, u.name AS unit_name, j.first_unit_id, j.unit_names
         FROM published_value_current v
         JOIN provider p ON p.id = v.provider_id
         JOIN indicator i ON i.id = v.indicator_id
         LEFT JOIN unit u ON u.id = v.unit_id
         LEFT JOIN target t ON t.indicator_id = v.indicator_id AND t.year = left(v.period, 4)::int
         LEFT JOIN LATERAL (
           SELECT (array_agg(u2.id ORDER BY u2.name, u2.id))[1] AS first_unit_id, string_agg(u2.name, ', ' ORDER BY u2.name, u2.id) AS unit_names
           FROM agreement_unit au JOIN unit u2 ON u2.id = au.unit_id
           WHERE v.unit_id IS NULL AND au.agreement_id = v.agreement_id
         ) j ON true
         WHERE ${where}
         ORDER BY coalesce(u.name, j.unit_names), v.id`,
        params,
      ) as Promise<
        {
          id: string;
          unit_id: string | null;
          provider_id: string;
          provider_name: string;
          ownership: string;
          municipality_code: string;
          value_number: number | null;
          target: number | null;
          suppressed: boolean;
          amber_threshold: string | null;
          direction: string;
          unit_name: string | null;
          first_unit_id: string | null;
          unit_names: string | null;
        }[]
      >,
      ctx.em.query(
        // Suppressed values keep no number (a CHECK of published_value), so they count for nothing here.
        `SELECT v.ownership, ${OWNERSHIP_AGGREGATE}
         FROM published_value_current v WHERE ${where} GROUP BY v.ownership`,
        params,
      ) as Promise<{ ownership: string; count: number; mean: number | null; median: number | null }[]>,
      ctx.loaders.indicatorById.load(indicator.id),
    ]);
    const byOwnership: OwnershipAggregate[] = aggregates.map((a) => ({
      ownership: a.ownership as Ownership,
      count: a.count,
      mean: num(a.mean),
      median: num(a.median),
    }));
    return {
      indicator: full!,
      period,
      rows: rows
        .filter((r) => r.unit_id ?? r.first_unit_id)
        .map((r) => {
          const value = r.suppressed ? null : num(r.value_number);
          const target = num(r.target);
          return {
            unitId: (r.unit_id ?? r.first_unit_id)!,
            unitName: r.unit_id ? r.unit_name! : r.unit_names!,
            jointly: r.unit_id === null,
            providerId: r.provider_id,
            providerName: r.provider_name,
            ownership: r.ownership as Ownership,
            municipalityCode: r.municipality_code,
            value,
            target,
            colour: colourOf(value, target, num(r.amber_threshold), r.direction),
            suppressed: r.suppressed,
          };
        }),
      byOwnership: byOwnership.sort((a, b) => OWNERSHIP_ORDER.indexOf(a.ownership) - OWNERSHIP_ORDER.indexOf(b.ownership)),
    };
  },

  /**
   * Every indicator's current published values of a year (all its periods), per ownership: the
   * comparison's count, mean and median, the target the values were published with, and how many
   * values meet their own target.
   */
  async ownershipAggregatesOfYear(ctx: Context, year: number): Promise<YearOwnershipAggregate[]> {
    const rows: Record<string, unknown>[] = await ctx.em.query(
      `SELECT i.code, i.name, i.unit, i.direction, v.ownership, ${OWNERSHIP_AGGREGATE}, max(v.target) AS target,
              count(*) FILTER (WHERE v.target IS NOT NULL AND CASE i.direction WHEN 'HIGHER_IS_BETTER' THEN v.value_number >= v.target
                                                                               ELSE v.value_number <= v.target END)::int AS meeting_target
         FROM published_value_current v
         JOIN indicator i ON i.id = v.indicator_id
        WHERE left(v.period, 4)::int = $1
        GROUP BY i.code, i.name, i.unit, i.direction, v.ownership
        ORDER BY i.name, i.code`,
      [year],
    );
    return rows
      .map((r) => ({
        indicatorCode: r.code as string,
        indicatorName: r.name as string,
        unit: r.unit as string,
        direction: r.direction as string,
        ownership: r.ownership as Ownership,
        count: r.count as number,
        mean: num(r.mean),
        median: num(r.median),
        target: num(r.target),
        meetingTarget: r.meeting_target as number,
      }))
      .sort((a, b) => a.indicatorName.localeCompare(b.indicatorName, 'sv') || OWNERSHIP_ORDER.indexOf(a.ownership) - OWNERSHIP_ORDER.indexOf(b.ownership));
  },

  async publicPeriods(ctx: Context): Promise<string[]> {
    const rows: { period: string }[] = await ctx.em.query(`SELECT DISTINCT period FROM published_value_current ORDER BY period DESC`);
    return rows.map((r) => r.period);
  },

  async publicIndicators(ctx: Context, period: string | null): Promise<Indicator[]> {
    if (period !== null) checkPeriod(period);
    const rows: { id: string }[] = await ctx.em.query(
      `SELECT i.id FROM indicator i
       WHERE EXISTS (SELECT 1 FROM published_value_current v WHERE v.indicator_id = i.id AND ($1::text IS NULL OR v.period = $1))
       ORDER BY i.name, i.id`,
      [period],
    );
    const loaded = await Promise.all(rows.map((r) => ctx.loaders.indicatorById.load(r.id)));
    return loaded.filter((i): i is Indicator => i !== null);
  },
};

function trendOf(values: PublicValue[], direction: string): Trend | null {
  const numbers = values.filter((v) => v.value !== null);
  if (numbers.length < 2) return null;
  const [prev, last] = numbers.slice(-2).map((v) => v.value!);
  if (Math.abs(last - prev) < 1e-9) return Trend.UNCHANGED;
  const up = last > prev;
  return up === (direction === 'HIGHER_IS_BETTER') ? Trend.IMPROVING : Trend.WORSENING;
}
