import type { DataSource } from 'typeorm';
import { publishedTemplate, type TestTemplate } from './reporting.js';

/**
 * Published values written in SQL, following the rules of publication (ATTACHMENT never, TEXT only
 * when the question is public, granted confidentiality never; numerators and INTEGER counts
 * linked to an indicator under 5 suppressed): fixtures for the read side (public pages, BI facts,
 * downloads) that do not depend on the publishing mutations.
 *
 * Test indicators RES-PCT (percent, higher is better, target 80 / amber 70 for 2030–2031) and
 * RES-CNT (count, lower is better, no target); template questions P (INDICATOR_VALUE → RES-PCT,
 * goal M1), N (INTEGER → RES-CNT), T (TEXT, public), S (TEXT, not public).
 */
export interface ResultsFixture {
  template: TestTemplate;
  indicators: Record<'PCT' | 'CNT', string>;
  rounds: Map<string, string>;
  adminId: string;
  reviewerId: string;
}

const one = async (ds: DataSource, sql: string, params: unknown[] = []) => (await ds.query(sql, params))[0];

export async function resultsFixture(ds: DataSource, suffix = ''): Promise<ResultsFixture> {
  const indicator = async (code: string, unit: string, direction: string) =>
    (
      await one(
        ds,
        `INSERT INTO indicator (code, name, definition, unit, direction, service_area)
         VALUES ($1, $2, 'Andel patienter som fick det de behövde.', $3, $4, 'PRIMARY_CARE') RETURNING id`,
        [code, `Testindikator ${code}`, unit, direction],
      )
    ).id as string;
  const pct = await indicator(`RES-PCT${suffix}`, 'PERCENT', 'HIGHER_IS_BETTER');
  const cnt = await indicator(`RES-CNT${suffix}`, 'COUNT', 'LOWER_IS_BETTER');
  await ds.query(`INSERT INTO target (indicator_id, year, value, amber_threshold) VALUES ($1, 2030, 80, 70), ($1, 2031, 80, 70)`, [pct]);
  const template = await publishedTemplate(ds, `Resultatmall${suffix}`, [
    { code: 'P', type: 'INDICATOR_VALUE', indicator: `RES-PCT${suffix}`, goal: 'M1' },
    { code: 'N', type: 'INTEGER', indicator: `RES-CNT${suffix}` },
    { code: 'T', type: 'TEXT' },
    { code: 'S', type: 'TEXT' },
  ], 'DRAFT');
  await ds.query(`UPDATE question SET public_answer = true WHERE id = $1`, [template.q.T]);
  await ds.query(`UPDATE report_template SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [template.id]);
  const users = await ds.query(`SELECT email, id FROM app_user WHERE email IN ('admin@insyn.example', 'reviewer@insyn.example')`);
  const id = (email: string) => users.find((u: { email: string }) => u.email === email).id as string;
  return { template, indicators: { PCT: pct, CNT: cnt }, rounds: new Map(), adminId: id('admin@insyn.example'), reviewerId: id('reviewer@insyn.example') };
}

async function roundOf(ds: DataSource, f: ResultsFixture, period: string): Promise<string> {
  let id = f.rounds.get(period);
  if (!id) {
    id = (
      await one(
        ds,
        `INSERT INTO follow_up_round (name, period, template_id, opens_at, due_at, status, opened_at)
         VALUES ($1, $2, $3, now() - interval '90 days', now() - interval '30 days', 'CLOSED', now() - interval '90 days') RETURNING id`,
        [`Resultatomgång ${period} ${f.template.id.slice(0, 8)}`, period, f.template.id],
      )
    ).id as string;
    f.rounds.set(period, id);
  }
  return id;
}

export interface AnswerSpec {
  value: unknown;
  /** Confidentiality requested; `granted` is the region's decision (absent: none yet). */
  confidential?: { granted?: boolean };
}

/** A report of the agreement in the period, in the status, with answers by question code. */
export async function reportWith(
  ds: DataSource,
  f: ResultsFixture,
  agreementReference: string,
  period: string,
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED',
  answers: Record<string, unknown | AnswerSpec>,
): Promise<string> {
  const round = await roundOf(ds, f, period);
  const report = await one(
    ds,
    `INSERT INTO report (reference, round_id, agreement_id, provider_id, template_id, due_at, status, submitted_at, approved_at)
     SELECT 'RAP-RES-' || lpad(nextval('report_reference_seq')::text, 6, '0'), $1, a.id, a.provider_id, $2, now() - interval '30 days', $3,
            CASE WHEN $3 <> 'DRAFT' THEN now() - interval '20 days' END, CASE WHEN $3 = 'APPROVED' THEN now() - interval '10 days' END
     FROM agreement a WHERE a.reference = $4 RETURNING id, template_id`,
    [round, f.template.id, status, agreementReference],
  );
  if (!report) throw new Error(`no agreement ${agreementReference}`);
  for (const [code, raw] of Object.entries(answers)) {
    const spec: AnswerSpec = raw !== null && typeof raw === 'object' && 'value' in (raw as object) ? (raw as AnswerSpec) : { value: raw };
    await ds.query(
      `INSERT INTO answer (report_id, question_id, template_id, value, confidentiality_requested, confidentiality_reason)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [report.id, f.template.q[code], f.template.id, JSON.stringify(spec.value), !!spec.confidential, spec.confidential ? 'Affärshemlighet' : null],
    );
    if (spec.confidential && spec.confidential.granted !== undefined) {
      await ds.query(
        `INSERT INTO confidentiality_decision (report_id, template_id, question_id, granted, reason, decided_by)
         VALUES ($1, $2, $3, $4, 'Prövat enligt OSL', $5)`,
        [report.id, f.template.id, f.template.q[code], spec.confidential.granted, f.reviewerId],
      );
    }
  }
  return report.id as string;
}

interface Numbers {
  value: unknown;
  valueNumber: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

function numbersOf(type: string, unit: string | null, linked: boolean, value: unknown): Numbers {
  if (type === 'INDICATOR_VALUE') {
    const { numerator, denominator } = value as { numerator: number; denominator: number };
    if (numerator < 5) return { value: null, valueNumber: null, numerator: null, denominator: null, suppressed: true };
    const scaled = (numerator / denominator) * (unit === 'PERCENT' ? 100 : unit === 'RATE_PER_1000' ? 1000 : 1);
    return { value, valueNumber: Math.round(scaled * 10) / 10, numerator, denominator, suppressed: false };
  }
  if (type === 'INTEGER' && linked && (value as number) < 5) return { value: null, valueNumber: null, numerator: null, denominator: null, suppressed: true };
  return { value, valueNumber: typeof value === 'number' ? value : null, numerator: null, denominator: null, suppressed: false };
}

/** Publishes an APPROVED report: one publication and one published value per publishable answer. */
export async function publish(ds: DataSource, f: ResultsFixture, reportId: string, publishedAt = new Date()): Promise<void> {
  const dims = await one(
    ds,
    `SELECT r.template_id, r.agreement_id, r.provider_id, p.ownership, fr.period,
            (SELECT CASE WHEN count(*) = 1 THEN (array_agg(unit_id))[1] END FROM agreement_unit WHERE agreement_id = r.agreement_id) AS unit_id,
            (SELECT u.municipality_code FROM agreement_unit au JOIN unit u ON u.id = au.unit_id WHERE au.agreement_id = r.agreement_id
              GROUP BY u.municipality_code ORDER BY count(*) DESC, u.municipality_code LIMIT 1) AS municipality_code
     FROM report r JOIN provider p ON p.id = r.provider_id JOIN follow_up_round fr ON fr.id = r.round_id WHERE r.id = $1`,
    [reportId],
  );
  const pub = await one(ds, `INSERT INTO publication (report_id, kind, published_by, published_at) VALUES ($1, 'PUBLISHED', $2, $3) RETURNING id`, [
    reportId,
    f.reviewerId,
    publishedAt,
  ]);
  const answers = await ds.query(
    `SELECT a.question_id, a.value, q.type, q.public_answer, q.indicator_id, i.unit, t.value::float8 AS target,
            (SELECT cd.granted FROM confidentiality_decision cd WHERE cd.report_id = a.report_id AND cd.question_id = a.question_id
              ORDER BY cd.decided_at DESC LIMIT 1) AS granted
     FROM answer a JOIN question q ON q.id = a.question_id
     LEFT JOIN indicator i ON i.id = q.indicator_id
     LEFT JOIN target t ON t.indicator_id = q.indicator_id AND t.year = left($2, 4)::int
     WHERE a.report_id = $1 AND a.value IS NOT NULL`,
    [reportId, dims.period],
  );
  for (const a of answers) {
    if (a.type === 'ATTACHMENT' || (a.type === 'TEXT' && !a.public_answer) || a.granted === true) continue;
    const n = numbersOf(a.type, a.unit, a.indicator_id !== null, a.value);
    await ds.query(
      `INSERT INTO published_value (publication_id, report_id, template_id, question_id, version, period, provider_id, ownership, agreement_id,
         unit_id, municipality_code, indicator_id, value, value_number, numerator, denominator, target, suppressed, suppression_reason, published_at)
       VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [
        pub.id, reportId, dims.template_id, a.question_id, dims.period, dims.provider_id, dims.ownership, dims.agreement_id, dims.unit_id,
        dims.municipality_code, a.indicator_id, n.value === null ? null : JSON.stringify(n.value), n.valueNumber, n.numerator, n.denominator,
        a.target, n.suppressed, n.suppressed ? 'SMALL_COUNT' : null, publishedAt,
      ],
    );
  }
  await ds.query(`UPDATE report SET status = 'PUBLISHED', published_at = $2 WHERE id = $1`, [reportId, publishedAt]);
}

/** A correction: a CORRECTED publication and a new version of the value that supersedes the current one. */
export async function correct(ds: DataSource, f: ResultsFixture, reportId: string, code: string, value: unknown, reason: string, at = new Date()): Promise<void> {
  const current = await one(ds, `SELECT * FROM published_value_current WHERE report_id = $1 AND question_id = $2`, [reportId, f.template.q[code]]);
  const q = await one(ds, `SELECT q.type, i.unit FROM question q LEFT JOIN indicator i ON i.id = q.indicator_id WHERE q.id = $1`, [current.question_id]);
  const pub = await one(ds, `INSERT INTO publication (report_id, kind, reason, published_by, published_at) VALUES ($1, 'CORRECTED', $2, $3, $4) RETURNING id`, [
    reportId,
    reason,
    f.reviewerId,
    at,
  ]);
  const n = numbersOf(q.type, q.unit, current.indicator_id !== null, value);
  await ds.query(
    `INSERT INTO published_value (publication_id, report_id, template_id, question_id, version, supersedes_id, period, provider_id, ownership,
       agreement_id, unit_id, municipality_code, indicator_id, value, value_number, numerator, denominator, target, suppressed, suppression_reason, published_at)
     SELECT $1, report_id, template_id, question_id, version + 1, id, period, provider_id, ownership, agreement_id, unit_id, municipality_code,
            indicator_id, $3, $4, $5, $6, target, $7, $8, $9
     FROM published_value WHERE id = $2`,
    [pub.id, current.id, n.value === null ? null : JSON.stringify(n.value), n.valueNumber, n.numerator, n.denominator, n.suppressed, n.suppressed ? 'SMALL_COUNT' : null, at],
  );
}

/** Numbers that must never reach the public or a caller without the region's reading rights. */
export const CANARY = {
  /** The numerator of an answer whose confidentiality the region granted (published report). */
  confidential: 987654.321,
  /** The numerator of an approved report that is not published. */
  unpublished: 876543.219,
  /** The denominator behind a published numerator of 3. */
  small: 765432.123,
  /** The denominator behind a numerator of 3 in a report not yet published. */
  smallUnpublished: 654321.987,
} as const;

export const P1 = '2031-H1';
export const P0 = '2030-H2';

export interface Scenario {
  f: ResultsFixture;
  reports: Record<'in1' | 'in2' | 'in3' | 'hede' | 'storsjo' | 'lits' | 'joint' | 'funas' | 'stugun' | 'approved' | 'submitted' | 'in1old' | 'jointOld', string>;
}

/**
 * RES-PCT in 2031-H1, published (after one correction): in-house 75, 88 (corrected from 90) and one
 * suppressed (numerator 3); private 80, 70, 95 and 60 (a joint report of three units); non-profit
 * 90. Stugun's RES-PCT is confidential (granted), its RES-CNT 20 published. Not published: an
 * approved and a submitted report. 2030-H2: in-house 01 had 70, the joint report 55.
 */
export async function scenario(ds: DataSource, suffix = ''): Promise<Scenario> {
  const f = await resultsFixture(ds, suffix);
  const r = {} as Scenario['reports'];
  const pct = (numerator: number, denominator: number) => ({ numerator, denominator });
  const day = (n: number) => new Date(Date.UTC(2031, 6, n, 8));
  r.in1old = await reportWith(ds, f, 'UB-HV-2024-01', P0, 'APPROVED', { P: pct(28, 40), N: 14 });
  r.jointOld = await reportWith(ds, f, 'LOV-HV-2012-004', P0, 'APPROVED', { P: pct(55, 100) });
  r.in1 = await reportWith(ds, f, 'UB-HV-2024-01', P1, 'APPROVED', { P: pct(30, 40), N: 12, T: 'Vi har öppnat en kvällsmottagning.', S: 'Intern text som inte publiceras' });
  r.in2 = await reportWith(ds, f, 'UB-HV-2024-02', P1, 'APPROVED', { P: pct(45, 50), N: 7 });
  r.in3 = await reportWith(ds, f, 'UB-HV-2024-03', P1, 'APPROVED', { P: pct(3, CANARY.small), N: 3 });
  r.hede = await reportWith(ds, f, 'LOV-HV-2017-011', P1, 'APPROVED', { P: pct(16, 20) });
  r.storsjo = await reportWith(ds, f, 'LOV-HV-2010-002', P1, 'APPROVED', { P: pct(35, 50) });
  r.lits = await reportWith(ds, f, 'LOV-HV-2016-009', P1, 'APPROVED', { P: pct(19, 20) });
  r.joint = await reportWith(ds, f, 'LOV-HV-2012-004', P1, 'APPROVED', { P: pct(60, 100) });
  r.funas = await reportWith(ds, f, 'LOV-HV-2019-007', P1, 'APPROVED', { P: pct(9, 10) });
  r.stugun = await reportWith(ds, f, 'LOV-HV-2021-015', P1, 'APPROVED', {
    P: { value: pct(CANARY.confidential, 10_000_000), confidential: { granted: true } },
    N: 20,
  });
  r.approved = await reportWith(ds, f, 'UB-HV-2024-04', P1, 'APPROVED', { P: pct(CANARY.unpublished, 10_000_000), N: 4 });
  r.submitted = await reportWith(ds, f, 'UB-HV-2024-05', P1, 'SUBMITTED', { P: pct(3, CANARY.smallUnpublished) });
  let n = 1;
  for (const key of ['in1old', 'jointOld', 'in1', 'in2', 'in3', 'hede', 'storsjo', 'lits', 'joint', 'funas', 'stugun'] as const) {
    await publish(ds, f, r[key], day(n++));
  }
  await correct(ds, f, r.in2, 'P', pct(44, 50), 'Nämnaren var felräknad', day(20));
  return { f, reports: r };
}
