import type { DataSource } from 'typeorm';
import { openReport, publishedTemplate, type QuestionSpec, type TestTemplate } from './reporting.js';
import { OWN_AGREEMENT } from './review.js';

/**
 * A published template with one question of every kind publication treats differently, and an
 * indicator counted in whole numbers (PUB-COUNT, unit COUNT) for INTEGER answers linked to one.
 */
export const PUBLICATION_QUESTIONS: (QuestionSpec & { publicAnswer?: boolean })[] = [
  { code: 'IV', type: 'INDICATOR_VALUE', indicator: 'TEL-SAMEDAY' }, // 43/50 → 86 % (target 2025: 100, amber 90 → RED)
  { code: 'IV4', type: 'INDICATOR_VALUE', indicator: 'MED-ASSESS-3D' }, // numerator 4: suppressed
  { code: 'IV5', type: 'INDICATOR_VALUE', indicator: 'FIXED-GP' }, // numerator 5: shown
  { code: 'INTI', type: 'INTEGER', indicator: 'PUB-COUNT' }, // 3, linked to an indicator: suppressed
  { code: 'INT', type: 'INTEGER' }, // 2, no indicator: shown
  { code: 'TXT', type: 'TEXT' }, // never
  { code: 'PTXT', type: 'TEXT', publicAnswer: true }, // shown
  { code: 'ATT', type: 'ATTACHMENT' }, // never
  { code: 'CONF', type: 'DECIMAL' }, // confidentiality requested and granted: never
  { code: 'REF', type: 'BOOLEAN' }, // confidentiality requested and refused: shown
  { code: 'NONE', type: 'BOOLEAN' }, // not answered: nothing
];

export async function publicationTemplate(ds: DataSource, name: string): Promise<TestTemplate> {
  await ds.query(
    `INSERT INTO indicator (code, name, definition, unit, direction, service_area)
     VALUES ('PUB-COUNT', 'Antal händelser', 'Antal händelser under året.', 'COUNT', 'LOWER_IS_BETTER', 'ALL') ON CONFLICT (code) DO NOTHING`,
  );
  const t = await publishedTemplate(ds, name, PUBLICATION_QUESTIONS, 'DRAFT');
  const publicCodes = PUBLICATION_QUESTIONS.filter((q) => q.publicAnswer).map((q) => q.code);
  await ds.query('UPDATE question SET public_answer = true WHERE template_id = $1 AND code = ANY($2)', [t.id, publicCodes]);
  await ds.query(`UPDATE report_template SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [t.id]);
  return t;
}

/** The answers of a report of the publication template, written in SQL. */
export function publicationAnswers(t: TestTemplate, attachmentId: string): { questionId: string; value: unknown; confidential?: boolean }[] {
  return [
    { questionId: t.q.IV, value: { numerator: 43, denominator: 50 } },
    { questionId: t.q.IV4, value: { numerator: 4, denominator: 40 } },
    { questionId: t.q.IV5, value: { numerator: 5, denominator: 20 } },
    { questionId: t.q.INTI, value: 3 },
    { questionId: t.q.INT, value: 2 },
    { questionId: t.q.TXT, value: 'Internt: personalfrågor' },
    { questionId: t.q.PTXT, value: 'Vi har utökat telefontiden.' },
    { questionId: t.q.ATT, value: attachmentId },
    { questionId: t.q.CONF, value: 1234.5, confidential: true },
    { questionId: t.q.REF, value: true, confidential: true },
  ];
}

/**
 * An APPROVED report of the template for the agreement (Jämtvård's by default), its answers
 * written in SQL with a submission, as the review flow leaves it.
 */
export async function approvedPublicationReport(ds: DataSource, t: TestTemplate, agreement = OWN_AGREEMENT): Promise<string> {
  const { reportId } = await openReport(ds, t.id, agreement);
  const [by] = await ds.query('SELECT u.id FROM app_user u JOIN report r ON r.provider_id = u.provider_id WHERE r.id = $1 LIMIT 1', [reportId]);
  const [fallback] = await ds.query(`SELECT id FROM app_user WHERE email = 'reviewer@insyn.example'`);
  const author = by?.id ?? fallback.id;
  const [att] = await ds.query(
    `INSERT INTO attachment (report_id, question_id, file_name, media_type, size, sha256, storage_key, created_by)
     VALUES ($1, $2, 'berattelse.pdf', 'application/pdf', 10, repeat('b', 64), gen_random_uuid()::text, $3) RETURNING id`,
    [reportId, t.q.ATT, author],
  );
  for (const a of publicationAnswers(t, att.id)) {
    await ds.query(
      `INSERT INTO answer (report_id, question_id, template_id, value, confidentiality_requested, confidentiality_reason, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [reportId, a.questionId, t.id, JSON.stringify(a.value), !!a.confidential, a.confidential ? 'Affärshemlighet (OSL 31 kap. 16 §).' : null, author],
    );
  }
  await ds.query(
    `INSERT INTO submission (report_id, reference, report_version, submitted_by, answers)
     VALUES ($1, 'UPP-2025-' || lpad(nextval('submission_reference_seq')::text, 6, '0'), 2, $2, '[]')`,
    [reportId, author],
  );
  await ds.query(`UPDATE report SET status = 'APPROVED', submitted_at = now(), approved_at = now(), version = 3 WHERE id = $1`, [reportId]);
  return reportId;
}

/** A confidentiality decision written in SQL. */
export async function decide(ds: DataSource, reportId: string, questionId: string, granted: boolean): Promise<void> {
  await ds.query(
    `INSERT INTO confidentiality_decision (report_id, template_id, question_id, granted, reason, decided_by)
     SELECT r.id, r.template_id, $2, $3, 'Prövat enligt OSL.', (SELECT id FROM app_user WHERE email = 'reviewer@insyn.example') FROM report r WHERE r.id = $1`,
    [reportId, questionId, granted],
  );
}
