import { targetColour } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import { badField, badUserInput, notFound } from '../../common/errors.js';
import { QuestionType } from '../reporting/enums.js';
import { checkShape, indicatorValue, isAnswered } from '../reporting/values.js';

/**
 * What the public sees of a report: the rules of publication in one place, used by the preview,
 * by publishReport, by corrections and by the demo seed.
 *
 * - Never published: ATTACHMENT answers; TEXT answers unless the question is marked public;
 *   answers whose latest confidentiality decision granted the request. Every confidentiality
 *   request needs a decision before the report can be published.
 * - Suppressed (shown as such, with the reason, never as a number): INDICATOR_VALUE answers with a
 *   numerator under 5, and INTEGER answers on questions linked to an indicator under 5.
 * - The number is the indicator reading (percent, per 1,000, …) for indicator questions, the
 *   number itself for numeric ones; the target is the indicator's target for the period's year.
 */

/** Counts under this are never published as numbers. */
export const SMALL_COUNT_LIMIT = 5;
export const SMALL_COUNT = 'SMALL_COUNT';

export type WithheldReason = 'CONFIDENTIAL' | 'TEXT_NOT_PUBLIC' | 'ATTACHMENT';
export type Colour = 'GREEN' | 'AMBER' | 'RED';

/** The question facts publication depends on. */
export interface PublishableQuestion {
  type: string;
  indicatorId: string | null;
  /** The indicator's unit (PERCENT, RATE_PER_1000, …), when linked. */
  indicatorUnit: string | null;
  direction: string | null;
}

export interface PublicNumbers {
  /** The answer as the public sees it (null when suppressed). */
  value: unknown;
  valueNumber: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

export interface DerivedValue extends PublicNumbers {
  questionId: string;
  questionCode: string;
  indicatorId: string | null;
  target: number | null;
  amberThreshold: number | null;
  colour: Colour | null;
}

export interface Dimensions {
  templateId: string;
  period: string;
  providerId: string;
  ownership: string;
  agreementId: string;
  /** The agreement's unit when it covers exactly one; null when reported jointly. */
  unitId: string | null;
  municipalityCode: string | null;
}

export interface Derivation {
  reportId: string;
  status: string;
  dimensions: Dimensions;
  /** Whether the report already has its PUBLISHED publication. */
  published: boolean;
  values: DerivedValue[];
  withheld: { questionId: string; questionCode: string; reason: WithheldReason }[];
  /** Questions whose confidentiality request has no decision yet. */
  pending: { questionId: string; questionCode: string }[];
}

const NUMERIC: readonly string[] = [QuestionType.INTEGER, QuestionType.DECIMAL, QuestionType.PERCENT];

/** The public form of one answer value: suppression applied, the number read. */
export function publicNumbers(q: PublishableQuestion, value: unknown): PublicNumbers {
  const suppressed: PublicNumbers = { value: null, valueNumber: null, numerator: null, denominator: null, suppressed: true, suppressionReason: SMALL_COUNT };
  if (q.type === QuestionType.INDICATOR_VALUE && value && typeof value === 'object' && 'numerator' in value) {
    const { numerator, denominator } = value as { numerator: number; denominator: number };
    if (numerator < SMALL_COUNT_LIMIT) return suppressed;
    return { value, valueNumber: indicatorValue(value, q.indicatorUnit ?? ''), numerator, denominator, suppressed: false, suppressionReason: null };
  }
  if (NUMERIC.includes(q.type) && typeof value === 'number') {
    if (q.type === QuestionType.INTEGER && q.indicatorId && value < SMALL_COUNT_LIMIT) return suppressed;
    const valueNumber = q.indicatorId ? indicatorValue(value, q.indicatorUnit ?? '') : value;
    return { value, valueNumber, numerator: null, denominator: null, suppressed: false, suppressionReason: null };
  }
  return { value, valueNumber: null, numerator: null, denominator: null, suppressed: false, suppressionReason: null };
}

export function colourOf(valueNumber: number | null, target: { value: number; amberThreshold: number } | null, direction: string | null): Colour | null {
  if (valueNumber === null || !target || !direction) return null;
  return targetColour(valueNumber, target, direction as 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER') as Colour;
}

interface ReportRow {
  id: string;
  status: string;
  template_id: string;
  provider_id: string;
  agreement_id: string;
  period: string;
  ownership: string;
  unit_count: number;
  single_unit: string | null;
  municipality_code: string | null;
  published: boolean;
}

interface AnswerRow {
  question_id: string;
  code: string;
  type: string;
  public_answer: boolean;
  indicator_id: string | null;
  indicator_unit: string | null;
  direction: string | null;
  value: unknown;
  confidentiality_requested: boolean;
  granted: boolean | null;
  target: number | null;
  amber_threshold: number | null;
}

/** Derives what publishing the report would publish (two statements). NOT_FOUND when there is no report. */
export async function deriveReport(em: EntityManager, reportId: string): Promise<Derivation> {
  const [report]: ReportRow[] = await em.query(
    `SELECT r.id, r.status, r.template_id, r.provider_id, r.agreement_id, fr.period, p.ownership,
            units.n AS unit_count, units.one AS single_unit, muni.code AS municipality_code,
            EXISTS (SELECT 1 FROM publication pb WHERE pb.report_id = r.id AND pb.kind = 'PUBLISHED') AS published
     FROM report r
     JOIN follow_up_round fr ON fr.id = r.round_id
     JOIN provider p ON p.id = r.provider_id
     CROSS JOIN LATERAL (SELECT count(*)::int AS n, min(au.unit_id::text)::uuid AS one FROM agreement_unit au WHERE au.agreement_id = r.agreement_id) units
     LEFT JOIN LATERAL (
       SELECT u.municipality_code AS code FROM agreement_unit au JOIN unit u ON u.id = au.unit_id
       WHERE au.agreement_id = r.agreement_id GROUP BY u.municipality_code ORDER BY count(*) DESC, u.municipality_code LIMIT 1
     ) muni ON true
     WHERE r.id = $1`,
    [reportId],
  );
  if (!report) throw notFound('Report');
  const year = Number(report.period.slice(0, 4));
  const answers: AnswerRow[] = await em.query(
    `SELECT q.id AS question_id, q.code, q.type, q.public_answer, q.indicator_id, i.unit AS indicator_unit, i.direction,
            a.value, a.confidentiality_requested, d.granted, t.value AS target, t.amber_threshold
     FROM answer a
     JOIN question q ON q.id = a.question_id
     JOIN template_section s ON s.id = q.section_id
     LEFT JOIN indicator i ON i.id = q.indicator_id
     LEFT JOIN target t ON t.indicator_id = q.indicator_id AND t.year = $2
     LEFT JOIN LATERAL (
       SELECT cd.granted FROM confidentiality_decision cd
       WHERE cd.report_id = a.report_id AND cd.question_id = a.question_id ORDER BY cd.decided_at DESC, cd.id DESC LIMIT 1
     ) d ON a.confidentiality_requested
     WHERE a.report_id = $1
     ORDER BY s.position, q.position`,
    [reportId, year],
  );
  const derivation: Derivation = {
    reportId,
    status: report.status,
    published: report.published,
    dimensions: {
      templateId: report.template_id,
      period: report.period,
      providerId: report.provider_id,
      ownership: report.ownership,
      agreementId: report.agreement_id,
      unitId: report.unit_count === 1 ? report.single_unit : null,
      municipalityCode: report.municipality_code,
    },
    values: [],
    withheld: [],
    pending: [],
  };
  for (const a of answers) {
    if (!isAnswered(a.value)) continue;
    const question = { questionId: a.question_id, questionCode: a.code };
    if (a.confidentiality_requested && a.granted === null) {
      derivation.pending.push(question);
      continue;
    }
    if (a.confidentiality_requested && a.granted) derivation.withheld.push({ ...question, reason: 'CONFIDENTIAL' });
    else if (a.type === QuestionType.ATTACHMENT) derivation.withheld.push({ ...question, reason: 'ATTACHMENT' });
    else if (a.type === QuestionType.TEXT && !a.public_answer) derivation.withheld.push({ ...question, reason: 'TEXT_NOT_PUBLIC' });
    else {
      const numbers = publicNumbers({ type: a.type, indicatorId: a.indicator_id, indicatorUnit: a.indicator_unit, direction: a.direction }, a.value);
      const target = a.target === null ? null : { value: Number(a.target), amberThreshold: Number(a.amber_threshold) };
      derivation.values.push({
        ...question,
        ...numbers,
        indicatorId: a.indicator_id,
        target: target?.value ?? null,
        amberThreshold: target?.amberThreshold ?? null,
        colour: numbers.suppressed ? null : colourOf(numbers.valueNumber, target, a.direction),
      });
    }
  }
  return derivation;
}

/** Runs fn in the caller's transaction, or in a new one when the manager has none. */
async function inTransaction<T>(em: EntityManager, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.queryRunner?.isTransactionActive ? fn(em) : em.transaction(fn);
}

/** Why a derivation cannot be published (already published, undecided requests, no municipality); null when it can. */
export function publishBlocker(d: Derivation): { path: string; message: string } | null {
  if (d.published) return { path: 'reportId', message: 'The report is already published; correct a published value instead' };
  if (d.pending.length) {
    return {
      path: 'reportId',
      message: `Decide every confidentiality request first (question ${d.pending.map((p) => p.questionCode).join(', ')})`,
    };
  }
  if (!d.dimensions.municipalityCode) return { path: 'reportId', message: 'The agreement covers no unit, so the report has no municipality' };
  return null;
}

const VALUE_COLUMNS = `v(question_id uuid, indicator_id uuid, value jsonb, value_number double precision, numerator double precision,
  denominator double precision, target double precision, suppressed boolean, suppression_reason text)`;

const jsonValue = (v: unknown): unknown => (v === undefined ? null : v);

/**
 * Publishes a report's values: one `publication` (PUBLISHED) and one `published_value` per
 * publishable answer, with its dimensions frozen; marks the report PUBLISHED. Does not check the
 * workflow status (publishReport does) but refuses a report with undecided confidentiality
 * requests or one already published (BAD_USER_INPUT at reportId). Runs in the caller's
 * transaction when there is one. Five statements whatever the number of answers.
 */
export async function publishReportValues(
  em: EntityManager,
  opts: { reportId: string; publishedBy: string; publishedAt?: Date; kind?: 'PUBLISHED' },
): Promise<{ publicationId: string; values: number; derivation: Derivation }> {
  return inTransaction(em, async (tx) => {
    const [locked] = await tx.query('SELECT id FROM report WHERE id = $1 FOR UPDATE', [opts.reportId]);
    if (!locked) throw notFound('Report');
    const d = await deriveReport(tx, opts.reportId);
    const blocker = publishBlocker(d);
    if (blocker) throw badUserInput([blocker], blocker.message);
    const at = opts.publishedAt ?? null;
    const [publication] = await tx.query(
      `INSERT INTO publication (report_id, kind, published_by, published_at) VALUES ($1, 'PUBLISHED', $2, coalesce($3::timestamptz, now()))
       RETURNING id, published_at`,
      [opts.reportId, opts.publishedBy, at],
    );
    if (d.values.length) {
      const rows = d.values.map((v) => ({
        question_id: v.questionId,
        indicator_id: v.indicatorId,
        value: jsonValue(v.value),
        value_number: v.valueNumber,
        numerator: v.numerator,
        denominator: v.denominator,
        target: v.target,
        suppressed: v.suppressed,
        suppression_reason: v.suppressionReason,
      }));
      const dim = d.dimensions;
      await tx.query(
        `INSERT INTO published_value (publication_id, report_id, template_id, question_id, version, period, provider_id, ownership,
                                      agreement_id, unit_id, municipality_code, indicator_id, value, value_number, numerator, denominator,
                                      target, suppressed, suppression_reason, published_at)
         SELECT $1, $2, $3, v.question_id, 1, $4, $5, $6, $7, $8, $9, v.indicator_id, v.value, v.value_number, v.numerator, v.denominator,
                v.target, v.suppressed, v.suppression_reason, $10
         FROM jsonb_to_recordset($11::jsonb) AS ${VALUE_COLUMNS}`,
        [
          publication.id,
          opts.reportId,
          dim.templateId,
          dim.period,
          dim.providerId,
          dim.ownership,
          dim.agreementId,
          dim.unitId,
          dim.municipalityCode,
          publication.published_at,
          JSON.stringify(rows),
        ],
      );
    }
    await tx.query(`UPDATE report SET status = 'PUBLISHED', published_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      opts.reportId,
      publication.published_at,
    ]);
    return { publicationId: publication.id as string, values: d.values.length, derivation: d };
  });
}

export interface CorrectionResult {
  publicationId: string;
  valueId: string;
  questionCode: string;
  before: { value: unknown; valueNumber: number | null; suppressed: boolean; version: number };
  after: { value: unknown; valueNumber: number | null; suppressed: boolean; version: number };
}

/**
 * Corrects one published value: a `publication` (CORRECTED, with the reason) and a new version of
 * the value that supersedes the current one, with the same dimensions and the same suppression
 * rules. The old version stays. BAD_USER_INPUT at input.questionId / input.value / input.reason.
 */
export async function correctValue(
  em: EntityManager,
  opts: { reportId: string; questionId: string; value: unknown; reason: string; correctedBy: string; correctedAt?: Date },
): Promise<CorrectionResult> {
  const reason = (opts.reason ?? '').trim();
  if (!reason) throw badField('input.reason', 'Say why the value is corrected');
  if (reason.length > 5000) throw badField('input.reason', 'The reason is too long (at most 5,000 characters)');
  return inTransaction(em, async (tx) => {
    const [locked] = await tx.query('SELECT id FROM report WHERE id = $1 FOR UPDATE', [opts.reportId]);
    if (!locked) throw notFound('Report');
    const [current] = await tx.query(
      `SELECT v.id, v.version, v.value, v.value_number, v.suppressed, v.target, q.code, q.type, q.options, q.indicator_id,
              i.unit AS indicator_unit, i.direction
       FROM published_value_current v JOIN question q ON q.id = v.question_id LEFT JOIN indicator i ON i.id = q.indicator_id
       WHERE v.report_id = $1 AND v.question_id = $2`,
      [opts.reportId, opts.questionId],
    );
    if (!current) throw badField('input.questionId', 'This question has no published value to correct');
    const shape = checkShape({ type: current.type, options: current.options }, opts.value);
    if (!shape.ok) throw badField('input.value', shape.message);
    if (shape.value === null) throw badField('input.value', 'Enter the corrected value');
    const next = publicNumbers(
      { type: current.type, indicatorId: current.indicator_id, indicatorUnit: current.indicator_unit, direction: current.direction },
      shape.value,
    );
    if (!current.suppressed && !next.suppressed && JSON.stringify(current.value) === JSON.stringify(next.value)) {
      throw badField('input.value', 'The value is the same as the published one');
    }
    const [publication] = await tx.query(
      `INSERT INTO publication (report_id, kind, reason, published_by, published_at) VALUES ($1, 'CORRECTED', $2, $3, coalesce($4::timestamptz, now()))
       RETURNING id, published_at`,
      [opts.reportId, reason, opts.correctedBy, opts.correctedAt ?? null],
    );
    const [row] = await tx.query(
      `INSERT INTO published_value (publication_id, report_id, template_id, question_id, version, supersedes_id, period, provider_id, ownership,
                                    agreement_id, unit_id, municipality_code, indicator_id, value, value_number, numerator, denominator,
                                    target, suppressed, suppression_reason, published_at)
       SELECT $1, o.report_id, o.template_id, o.question_id, o.version + 1, o.id, o.period, o.provider_id, o.ownership,
              o.agreement_id, o.unit_id, o.municipality_code, o.indicator_id, $3::jsonb, $4, $5, $6, o.target, $7, $8, $9
       FROM published_value o WHERE o.id = $2
       RETURNING id`,
      [
        publication.id,
        current.id,
        next.value === null ? null : JSON.stringify(next.value),
        next.valueNumber,
        next.numerator,
        next.denominator,
        next.suppressed,
        next.suppressionReason,
        publication.published_at,
      ],
    );
    await tx.query('UPDATE report SET version = version + 1, updated_at = now() WHERE id = $1', [opts.reportId]);
    return {
      publicationId: publication.id as string,
      valueId: row.id as string,
      questionCode: current.code as string,
      before: { value: current.value, valueNumber: current.value_number, suppressed: current.suppressed, version: current.version },
      after: { value: next.value, valueNumber: next.valueNumber, suppressed: next.suppressed, version: current.version + 1 },
    };
  });
}
