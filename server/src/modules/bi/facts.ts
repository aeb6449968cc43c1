import { z } from 'zod';
import { badUserInput } from '../../common/errors.js';
import type { FieldError } from '@insyn/shared';

/**
 * The facts of the BI read model as one SQL statement, shared by the GraphQL connection, the
 * aggregates and the CSV/JSON downloads, so that they can never disagree.
 *
 * A fact is one indicator value of one report, identified by (report, question):
 * - published: the current published version (`published_value_current`) of a question linked to
 *   an indicator, with the dimensions frozen at publication;
 * - not yet published (only with publishedOnly: false): the INDICATOR_VALUE and numeric answers
 *   linked to an indicator of reports without a publication, with their report status and the
 *   dimensions of the report, its agreement and units as they are now.
 *
 * Callers that are not the region's ADMIN, REVIEWER or AUDITOR get suppression: values from a
 * count or numerator under 5 come out without numbers, and answers whose confidentiality was
 * granted (or is still undecided) never appear.
 */

export interface FactFilterInput {
  indicatorCodes?: string[] | null;
  periods?: string[] | null;
  municipalityCodes?: string[] | null;
  ownership?: string[] | null;
  providerIds?: string[] | null;
  publishedOnly?: boolean | null;
  updatedAfter?: Date | null;
}

export interface CheckedFilter {
  indicatorCodes: string[] | null;
  periods: string[] | null;
  municipalityCodes: string[] | null;
  ownership: string[] | null;
  providerIds: string[] | null;
  publishedOnly: boolean;
  updatedAfter: Date | null;
}

const PERIOD = /^[0-9]{4}(-(T[1-3]|H[1-2]|Q[1-4]|M(0[1-9]|1[0-2])))?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const OWNERSHIPS = ['IN_HOUSE', 'PRIVATE', 'PUBLIC_COMPANY', 'NON_PROFIT'] as const;
const MAX_LIST = 500;

const list = (item: z.ZodType<string>) => z.array(item).max(MAX_LIST, `At most ${MAX_LIST} values`).nullish();
const filterSchema = z.object({
  indicatorCodes: list(z.string().min(1, 'An indicator code cannot be empty').max(100, 'Indicator codes are at most 100 characters')),
  periods: list(z.string().regex(PERIOD, 'Give periods as 2025, 2025-T1, 2025-H1, 2025-Q1 or 2025-M01')),
  municipalityCodes: list(z.string().regex(/^[0-9]{4}$/, 'A municipality code has four digits, e.g. 2380')),
  ownership: list(z.enum(OWNERSHIPS, { message: `Ownership is one of ${OWNERSHIPS.join(', ')}` })),
  providerIds: list(z.string().regex(UUID, 'Not a provider id')),
  publishedOnly: z.boolean().nullish(),
  updatedAfter: z.date({ message: 'Give a time as ISO 8601, e.g. 2025-01-31T12:00:00Z' }).nullish(),
});

/** Checks a filter; every problem is reported at its field (`filter.periods`). */
export function checkFilter(input: FactFilterInput | null | undefined, prefix = 'filter'): CheckedFilter {
  const result = filterSchema.safeParse(input ?? {});
  if (!result.success) {
    const fields: FieldError[] = result.error.issues.map((issue) => ({
      path: [prefix, issue.path[0]].filter((p) => p !== undefined && p !== '').map(String).join('.'),
      message: issue.message,
    }));
    throw badUserInput(fields, fields[0]?.message ?? 'Invalid filter');
  }
  const f = result.data;
  const nonEmpty = (l: string[] | null | undefined) => (l && l.length ? [...new Set(l)] : null);
  return {
    indicatorCodes: nonEmpty(f.indicatorCodes),
    periods: nonEmpty(f.periods),
    municipalityCodes: nonEmpty(f.municipalityCodes),
    ownership: nonEmpty(f.ownership),
    providerIds: nonEmpty(f.providerIds?.map((id) => id.toLowerCase())),
    publishedOnly: f.publishedOnly ?? true,
    updatedAfter: f.updatedAfter ?? null,
  };
}

/** A fact row as SQL returns it (column names are the GraphQL field names). */
export interface FactRow {
  id: string;
  reportId: string;
  questionId: string;
  indicatorCode: string;
  indicatorName: string;
  period: string;
  providerId: string;
  providerName: string;
  ownership: string;
  unitId: string | null;
  unitName: string | null;
  municipalityCode: string;
  municipalityName: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  suppressed: boolean;
  status: string;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** The columns of a fact, in the order of the CSV, with what they mean (open data documents them). */
export const FACT_COLUMNS: { name: keyof FactRow; type: string; beskrivning: string; description: string }[] = [
  { name: 'id', type: 'string', beskrivning: 'Faktaraden: ett indikatorvärde i en rapport. Samma id även när värdet rättas.', description: 'The fact: one indicator value of one report. Stays the same when the value is corrected.' },
  { name: 'indicatorCode', type: 'string', beskrivning: 'Indikatorns kod.', description: 'Code of the indicator.' },
  { name: 'indicatorName', type: 'string', beskrivning: 'Indikatorns namn.', description: 'Name of the indicator (Swedish).' },
  { name: 'period', type: 'string', beskrivning: 'Uppföljningsperiod: 2025, 2025-T1, 2025-H1, 2025-Q1 eller 2025-M01.', description: 'Follow-up period: 2025, 2025-T1, 2025-H1, 2025-Q1 or 2025-M01.' },
  { name: 'providerId', type: 'string', beskrivning: 'Utföraren.', description: 'The provider (utförare).' },
  { name: 'providerName', type: 'string', beskrivning: 'Utförarens namn.', description: 'Name of the provider.' },
  { name: 'ownership', type: 'string', beskrivning: 'Driftsform: IN_HOUSE (egen regi), PRIVATE (privat), PUBLIC_COMPANY (kommunalt bolag) eller NON_PROFIT (idéburen).', description: 'IN_HOUSE (egen regi), PRIVATE, PUBLIC_COMPANY or NON_PROFIT (idéburen).' },
  { name: 'unitId', type: 'string', beskrivning: 'Enheten; tom när flera enheter rapporterat gemensamt.', description: 'The unit; empty when several units reported jointly.' },
  { name: 'unitName', type: 'string', beskrivning: 'Enhetens namn; tomt när flera enheter rapporterat gemensamt.', description: 'Name of the unit; empty when reported jointly.' },
  { name: 'municipalityCode', type: 'string', beskrivning: 'Kommunens SCB-kod (för en gemensam rapport: kommunen där flest av enheterna ligger).', description: 'SCB code of the municipality (for a joint report: where most of its units are).' },
  { name: 'municipalityName', type: 'string', beskrivning: 'Kommunens namn.', description: 'Name of the municipality.' },
  { name: 'value', type: 'number', beskrivning: 'Indikatorvärdet: procent för procentindikatorer, per 1 000 för RATE_PER_1000, annars talet. Tomt när värdet inte visas.', description: 'The indicator value: percent for PERCENT indicators, per 1,000 for RATE_PER_1000, else the number. Empty when suppressed.' },
  { name: 'numerator', type: 'number', beskrivning: 'Täljare för en kvotindikator. Tom när värdet inte visas eller inte är en kvot.', description: 'Täljare of a ratio indicator. Empty when suppressed or not a ratio.' },
  { name: 'denominator', type: 'number', beskrivning: 'Nämnare för en kvotindikator. Tom när värdet inte visas eller inte är en kvot.', description: 'Nämnare of a ratio indicator. Empty when suppressed or not a ratio.' },
  { name: 'target', type: 'number', beskrivning: 'Regionens målvärde för periodens år.', description: 'The region\'s target for the period\'s year.' },
  { name: 'suppressed', type: 'boolean', beskrivning: 'true när värdet inte visas eftersom det bygger på färre än 5 fall.', description: 'true when the value is withheld because it rests on fewer than 5 cases.' },
  { name: 'status', type: 'string', beskrivning: 'Rapportens status: PUBLISHED för publicerade värden.', description: 'Status of the report: PUBLISHED for published values.' },
  { name: 'publishedAt', type: 'datetime', beskrivning: 'När den gällande versionen publicerades (ISO 8601, UTC).', description: 'When the current version was published (ISO 8601, UTC).' },
  { name: 'updatedAt', type: 'datetime', beskrivning: 'När faktaraden senast ändrades (ISO 8601, UTC); för inkrementell inläsning.', description: 'When the fact last changed (ISO 8601, UTC); use for incremental loads.' },
];

export interface FactQueryOptions {
  /** The region's ADMIN, REVIEWER or AUDITOR in a session: no suppression, confidential answers included. */
  privileged: boolean;
}

/** Counts and numerators under this are suppressed for everyone else. */
const SMALL = 5;

/** The number an indicator answer stands for (as `indicatorValue()` of reporting). */
const ANSWER_VALUE = `CASE
    WHEN q.type = 'INDICATOR_VALUE' AND jsonb_typeof(a.value) = 'object' THEN
      round(((a.value->>'numerator')::float8 / nullif((a.value->>'denominator')::float8, 0)
             * CASE i.unit WHEN 'PERCENT' THEN 100 WHEN 'RATE_PER_1000' THEN 1000 ELSE 1 END)::numeric, 1)::float8
    WHEN q.type <> 'INDICATOR_VALUE' AND jsonb_typeof(a.value) = 'number' THEN (a.value #>> '{}')::float8
  END`;
const ANSWER_NUMERATOR = `CASE WHEN q.type = 'INDICATOR_VALUE' AND jsonb_typeof(a.value) = 'object' THEN (a.value->>'numerator')::float8 END`;
const ANSWER_DENOMINATOR = `CASE WHEN q.type = 'INDICATOR_VALUE' AND jsonb_typeof(a.value) = 'object' THEN (a.value->>'denominator')::float8 END`;
/** Small counts: a numerator, or an INTEGER count, under 5. */
const ANSWER_SMALL = `coalesce(CASE
    WHEN q.type = 'INDICATOR_VALUE' AND jsonb_typeof(a.value) = 'object' THEN (a.value->>'numerator')::float8 < ${SMALL}
    WHEN q.type = 'INTEGER' AND jsonb_typeof(a.value) = 'number' THEN (a.value #>> '{}')::float8 < ${SMALL}
  END, false)`;

/** Published facts: the current published versions of indicator questions. */
function publishedFacts(o: FactQueryOptions): string {
  // The region's reviewers see what a suppressed value hides: the answer behind it.
  const privileged = o.privileged;
  const hidden = (published: string, answer: string) => (privileged ? `CASE WHEN v.suppressed THEN ${answer} ELSE ${published} END` : published);
  return `
    SELECT v.report_id::text || ':' || v.question_id::text AS "id", v.report_id AS "reportId", v.question_id AS "questionId",
           i.code AS "indicatorCode", i.name AS "indicatorName", v.period,
           v.provider_id AS "providerId", pr.name AS "providerName", v.ownership,
           v.unit_id AS "unitId", u.name AS "unitName", v.municipality_code::text AS "municipalityCode", m.name AS "municipalityName",
           ${hidden('v.value_number', ANSWER_VALUE)} AS "value",
           ${hidden('v.numerator', ANSWER_NUMERATOR)} AS "numerator",
           ${hidden('v.denominator', ANSWER_DENOMINATOR)} AS "denominator",
           v.target, ${privileged ? 'false' : 'v.suppressed'} AS "suppressed",
           'PUBLISHED'::text AS "status", v.published_at AS "publishedAt", v.published_at AS "updatedAt"
    FROM published_value_current v
    JOIN indicator i ON i.id = v.indicator_id
    JOIN provider pr ON pr.id = v.provider_id
    JOIN municipality m ON m.code = v.municipality_code
    LEFT JOIN unit u ON u.id = v.unit_id
    ${privileged ? `LEFT JOIN answer a ON a.report_id = v.report_id AND a.question_id = v.question_id LEFT JOIN question q ON q.id = v.question_id` : ''}
    WHERE v.indicator_id IS NOT NULL`;
}

/** Facts not yet published: indicator answers of reports without a publication. */
function answerFacts(o: FactQueryOptions): string {
  const value = o.privileged ? ANSWER_VALUE : `CASE WHEN ${ANSWER_SMALL} THEN NULL ELSE ${ANSWER_VALUE} END`;
  const numerator = o.privileged ? ANSWER_NUMERATOR : `CASE WHEN ${ANSWER_SMALL} THEN NULL ELSE ${ANSWER_NUMERATOR} END`;
  const denominator = o.privileged ? ANSWER_DENOMINATOR : `CASE WHEN ${ANSWER_SMALL} THEN NULL ELSE ${ANSWER_DENOMINATOR} END`;
  return `
    SELECT r.id::text || ':' || q.id::text, r.id, q.id,
           i.code, i.name, fr.period,
           r.provider_id, pr.name, pr.ownership,
           d.unit_id, u.name, d.municipality_code::text, m.name,
           ${value}, ${numerator}, ${denominator},
           t.value::float8, ${o.privileged ? 'false' : ANSWER_SMALL},
           r.status, NULL::timestamptz, a.updated_at
    FROM answer a
    JOIN report r ON r.id = a.report_id
    JOIN question q ON q.id = a.question_id
    JOIN indicator i ON i.id = q.indicator_id
    JOIN follow_up_round fr ON fr.id = r.round_id
    JOIN provider pr ON pr.id = r.provider_id
    CROSS JOIN LATERAL (
      -- The agreement's one unit; a joint report has none, and the municipality of most of its units.
      SELECT CASE WHEN count(*) = 1 THEN (array_agg(au.unit_id))[1] END AS unit_id,
             (SELECT u2.municipality_code FROM agreement_unit au2 JOIN unit u2 ON u2.id = au2.unit_id
               WHERE au2.agreement_id = r.agreement_id
               GROUP BY u2.municipality_code ORDER BY count(*) DESC, u2.municipality_code LIMIT 1) AS municipality_code
      FROM agreement_unit au WHERE au.agreement_id = r.agreement_id
    ) d
    JOIN municipality m ON m.code = d.municipality_code
    LEFT JOIN unit u ON u.id = d.unit_id
    LEFT JOIN target t ON t.indicator_id = i.id AND t.year = left(fr.period, 4)::int
    WHERE q.type IN ('INDICATOR_VALUE', 'INTEGER', 'DECIMAL', 'PERCENT')
      AND a.value IS NOT NULL AND jsonb_typeof(a.value) IN ('object', 'number')
      AND NOT EXISTS (SELECT 1 FROM publication pb WHERE pb.report_id = r.id)
      ${
        o.privileged
          ? ''
          : `-- Confidentiality: only answers that asked for none, or whose request the region refused.
      AND (NOT a.confidentiality_requested OR (
        SELECT NOT cd.granted FROM confidentiality_decision cd
        WHERE cd.report_id = a.report_id AND cd.question_id = a.question_id
        ORDER BY cd.decided_at DESC, cd.id DESC LIMIT 1) IS TRUE)`
      }`;
}

export interface Sql {
  text: string;
  params: unknown[];
}

/** The facts matching the filter as a subquery `f` and its WHERE clause (no order, no limit): more conditions go after `AND`. */
export function factsSource(filter: CheckedFilter, o: FactQueryOptions): Sql {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (filter.indicatorCodes) where.push(`f."indicatorCode" = ANY(${p(filter.indicatorCodes)}::text[])`);
  if (filter.periods) where.push(`f.period = ANY(${p(filter.periods)}::text[])`);
  if (filter.municipalityCodes) where.push(`f."municipalityCode" = ANY(${p(filter.municipalityCodes)}::text[])`);
  if (filter.ownership) where.push(`f.ownership = ANY(${p(filter.ownership)}::text[])`);
  if (filter.providerIds) where.push(`f."providerId" = ANY(${p(filter.providerIds)}::uuid[])`);
  if (filter.updatedAfter) where.push(`f."updatedAt" > ${p(filter.updatedAfter.toISOString())}::timestamptz`);
  const union = filter.publishedOnly ? publishedFacts(o) : `${publishedFacts(o)} UNION ALL ${answerFacts(o)}`;
  return {
    text: `(${union}) f WHERE ${where.length ? where.join(' AND ') : 'true'}`,
    params,
  };
}

/** The stable order of facts: by report, then question (the fact's identity). */
export const FACT_ORDER = `f."reportId", f."questionId"`;

/** All facts matching the filter, in the stable order: for the downloads. */
export function factsQuery(filter: CheckedFilter, o: FactQueryOptions): Sql {
  const source = factsSource(filter, o);
  return { text: `SELECT f.* FROM ${source.text} ORDER BY ${FACT_ORDER}`, params: source.params };
}
