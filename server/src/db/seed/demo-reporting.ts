import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AttachmentStore } from '../../modules/reporting/storage.js';
import { dentalTemplate, primaryCareTemplate } from './demo-templates.js';

type Template = typeof primaryCareTemplate | typeof dentalTemplate;

async function insertTemplate(em: EntityManager, t: Template): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO report_template (family_id, name, name_en, service_area, template_version) VALUES (gen_random_uuid(), $1, $2, $3, 1) RETURNING id`,
    [t.name, t.nameEn, t.serviceArea],
  );
  for (const [si, s] of t.sections.entries()) {
    const [section] = await em.query(
      'INSERT INTO template_section (template_id, position, title, title_en) VALUES ($1, $2, $3, $4) RETURNING id',
      [row.id, si, s.title, s.titleEn],
    );
    for (const [qi, q] of s.questions.entries()) {
      await em.query(
        `INSERT INTO question (template_id, section_id, position, code, text, text_en, help, help_en, type, required, options, min_value, max_value, unit_label,
                               goal_id, guideline_id, indicator_id, public_answer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                 (SELECT g.id FROM goal g JOIN program p ON p.id = g.program_id WHERE p.status = 'ADOPTED' AND g.code = $15),
                 (SELECT r.id FROM guideline r JOIN program p ON p.id = r.program_id WHERE p.status = 'ADOPTED' AND r.code = $16),
                 (SELECT id FROM indicator WHERE code = $17), $18)`,
        [
          row.id, section.id, qi, q.code, q.text, q.textEn, q.help ?? null, q.helpEn ?? null, q.type, q.required ?? false,
          q.options ? JSON.stringify(q.options) : null, q.min ?? null, q.max ?? null, q.unitLabel ?? null,
          q.goal ?? null, q.guideline ?? null, q.indicator ?? null, q.publicAnswer ?? false,
        ],
      );
    }
  }
  await em.query(`UPDATE report_template SET status = 'PUBLISHED', published_at = now() - interval '60 days' WHERE id = $1`, [row.id]);
  return row.id;
}

/** A tiny valid PDF, used as the demo patient safety report. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

interface QuestionRow {
  id: string;
  code: string;
  type: string;
  options: { key: string }[] | null;
  min: number | null;
  max: number | null;
  indicator_code: string | null;
}

/** Illustrative answers: plausible, different per report, deterministic. */
function demoValue(q: QuestionRow, n: number, attachmentId: string | null): unknown {
  const wobble = (base: number, spread: number) => Math.round((base + (((n * 37 + q.code.length * 11) % 100) / 100 - 0.5) * spread) * 10) / 10;
  switch (q.type) {
    case 'BOOLEAN':
      return n % 5 !== 3;
    case 'INTEGER':
      return Math.max(0, Math.round(wobble(q.code === '5.3' ? 4 : 2, 4)));
    case 'DECIMAL':
      return Math.min(q.max ?? 1000, Math.max(q.min ?? 0, wobble(q.code === '1.3' ? 30 : q.code === '4.2' ? 6 : 350, q.code === '5.2' ? 150 : 8)));
    case 'PERCENT':
      return Math.min(100, Math.max(0, wobble(q.code === '4.3' ? 12 : 45, 20)));
    case 'TEXT':
      return 'Exempeltext: vi följer regionens riktlinjer och redovisar arbetet i verksamhetsberättelsen.';
    case 'SINGLE_CHOICE':
      return q.options![n % Math.min(2, q.options!.length)].key;
    case 'MULTI_CHOICE':
      return q.options!.slice(0, 2 + (n % 3)).map((o) => o.key);
    case 'DATE':
      return `2025-0${1 + (n % 9)}-15`;
    case 'ATTACHMENT':
      return attachmentId;
    case 'INDICATOR_VALUE': {
      const rates: Record<string, [number, number]> = {
        'TEL-SAMEDAY': [0.88, 3200],
        'MED-ASSESS-3D': [0.9, 1400],
        'FIXED-GP': [0.42, 9000],
        'NPE-OVERALL': [0.84, 180],
        'LICENSE-CHECK': [0.97, 40],
        'CARIES-FREE-6': [0.78, 120],
        'DENTAL-RECALL': [0.9, 2500],
      };
      if (q.indicator_code === 'ANTIBIOTICS-1000') {
        const listed = 4000 + ((n * 733) % 6000);
        return { numerator: Math.round(listed * wobble(0.24, 0.08) * 1000) / 1000, denominator: listed };
      }
      const [share, size] = rates[q.indicator_code ?? ''] ?? [0.8, 100];
      const denominator = Math.round(size * (0.6 + ((n * 17) % 80) / 100));
      return { numerator: Math.min(denominator, Math.round(denominator * wobble(share, 0.12))), denominator };
    }
    default:
      return null;
  }
}

type DemoState = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'PUBLISHED';

/** Which demo reports are in which state; the rest stay NOT_STARTED. */
const HALSOVAL_STATES: Record<string, DemoState> = {
  'UB-HV-2024-02': 'DRAFT',
  'UB-HV-2024-03': 'SUBMITTED',
  'UB-HV-2024-04': 'CHANGES_REQUESTED',
  'UB-HV-2024-05': 'APPROVED',
  'UB-HV-2024-06': 'PUBLISHED',
  'UB-HV-2024-13': 'PUBLISHED',
  'UB-HV-2024-14': 'APPROVED',
  'LOV-HV-2012-004': 'DRAFT',
  'LOV-HV-2017-011': 'SUBMITTED',
  'LOV-HV-2010-002': 'CHANGES_REQUESTED',
  'LOV-HV-2019-007': 'APPROVED',
  'LOV-HV-2016-009': 'PUBLISHED',
};

async function openRound(
  em: EntityManager,
  r: { name: string; period: string; templateId: string; choiceSystem: string; opensDaysAgo: number; dueInDays: number },
): Promise<string> {
  const [round] = await em.query(
    `INSERT INTO follow_up_round (name, period, template_id, choice_system_id, opens_at, due_at, status, opened_at)
     VALUES ($1, $2, $3, (SELECT id FROM choice_system WHERE code = $4), now() - make_interval(days => $5), date_trunc('day', now()) + make_interval(days => $6, hours => 23, mins => 59),
             'OPEN', now() - make_interval(days => $5)) RETURNING id, due_at`,
    [r.name, r.period, r.templateId, r.choiceSystem, r.opensDaysAgo, r.dueInDays],
  );
  await em.query(
    `INSERT INTO report (reference, round_id, agreement_id, provider_id, template_id, due_at, created_at)
     SELECT 'RAP-' || $2::text || '-' || lpad(nextval('report_reference_seq')::text, 5, '0'), $1, a.id, a.provider_id, $3, $4, now() - make_interval(days => $6)
     FROM agreement a WHERE a.in_program_scope AND a.choice_system_id = (SELECT id FROM choice_system WHERE code = $5)
     ORDER BY a.reference`,
    [round.id, r.period.slice(0, 4), r.templateId, round.due_at, r.choiceSystem, r.opensDaysAgo],
  );
  return round.id;
}

/**
 * Demo templates (published), the 2025 Hälsoval round with reports in every state for in-house and
 * private providers, and an overdue dental round.
 */
export async function insertDemoReporting(em: EntityManager, store: AttachmentStore): Promise<Record<string, number>> {
  const primaryId = await insertTemplate(em, primaryCareTemplate);
  const dentalId = await insertTemplate(em, dentalTemplate);
  const hv = await openRound(em, { name: 'Uppföljning Hälsoval 2025', period: '2025', templateId: primaryId, choiceSystem: 'HALSOVAL', opensDaysAgo: 30, dueInDays: 21 });
  await openRound(em, { name: 'Uppföljning tandvård barn och unga vuxna 2025', period: '2025', templateId: dentalId, choiceSystem: 'TANDVARD_BUV', opensDaysAgo: 75, dueInDays: -5 });

  const questions: QuestionRow[] = await em.query(
    `SELECT q.id, q.code, q.type, q.options, q.min_value AS min, q.max_value AS max, i.code AS indicator_code
     FROM question q JOIN template_section s ON s.id = q.section_id LEFT JOIN indicator i ON i.id = q.indicator_id
     WHERE q.template_id = $1 ORDER BY s.position, q.position`,
    [primaryId],
  );
  const reports: { id: string; reference: string; agreement: string; provider_id: string }[] = await em.query(
    `SELECT r.id, r.reference, a.reference AS agreement, r.provider_id FROM report r JOIN agreement a ON a.id = r.agreement_id WHERE r.round_id = $1`,
    [hv],
  );
  const [author] = await em.query(`SELECT id FROM app_user WHERE email = 'provider.private@insyn.example'`);
  const [inhouse] = await em.query(`SELECT id FROM app_user WHERE email = 'provider.inhouse@insyn.example'`);
  const [reviewer] = await em.query(`SELECT id FROM app_user WHERE email = 'reviewer@insyn.example'`);
  let counted = 0;
  for (const [n, report] of reports.entries()) {
    const state = HALSOVAL_STATES[report.agreement];
    if (!state) continue;
    counted++;
    const [owner] = await em.query(`SELECT ownership FROM provider WHERE id = $1`, [report.provider_id]);
    const userId = owner.ownership === 'IN_HOUSE' ? inhouse.id : author.id;
    // A provider user of the report's own provider when there is one; the demo users cover two providers.
    const [providerUser] = await em.query(`SELECT id FROM app_user WHERE provider_id = $1 LIMIT 1`, [report.provider_id]);
    const by = providerUser?.id ?? userId;
    let attachmentId: string | null = null;
    const attachmentQuestion = questions.find((q) => q.type === 'ATTACHMENT')!;
    if (state !== 'DRAFT') {
      const key = await store.put(DEMO_PDF);
      const [att] = await em.query(
        `INSERT INTO attachment (report_id, question_id, file_name, media_type, size, sha256, storage_key, created_by)
         VALUES ($1, $2, 'patientsakerhetsberattelse-2025.pdf', 'application/pdf', $3, $4, $5, $6) RETURNING id`,
        [report.id, attachmentQuestion.id, DEMO_PDF.length, createHash('sha256').update(DEMO_PDF).digest('hex'), key, by],
      );
      attachmentId = att.id;
    }
    // A draft is half done; everything else is complete.
    const answered = state === 'DRAFT' ? questions.slice(0, Math.ceil(questions.length / 2)) : questions;
    const snapshot = [];
    for (const q of answered) {
      if (q.type === 'ATTACHMENT' && !attachmentId) continue;
      const value = demoValue(q, n, attachmentId);
      const confidential = q.code === '5.5' && n % 2 === 0;
      // The submission holds the answer exactly as saved, the provider's note included.
      const note = q.code === '1.3' ? 'Utökad telefontid under influensasäsongen.' : null;
      await em.query(
        `INSERT INTO answer (report_id, question_id, template_id, value, note, confidentiality_requested, confidentiality_reason, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [report.id, q.id, primaryId, JSON.stringify(value), note, confidential,
         confidential ? 'Innehåller uppgifter om affärsförhållanden (OSL 31 kap. 16 §).' : null, by],
      );
      snapshot.push({ questionId: q.id, code: q.code, value, note, confidentialityRequested: confidential,
        confidentialityReason: confidential ? 'Innehåller uppgifter om affärsförhållanden (OSL 31 kap. 16 §).' : null });
    }
    if (state === 'DRAFT') {
      await em.query(`UPDATE report SET status = 'DRAFT', version = 2 WHERE id = $1`, [report.id]);
      continue;
    }
    const [sub] = await em.query(
      `INSERT INTO submission (report_id, reference, received_at, report_version, submitted_by, answers)
       VALUES ($1, 'UPP-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('submission_reference_seq')::text, 6, '0'), now() - make_interval(days => $2), 2, $3, $4)
       RETURNING id, received_at`,
      [report.id, 20 - (n % 10), by, JSON.stringify(snapshot)],
    );
    await em.query(
      `UPDATE report SET status = $2::text, version = 3, submitted_at = $3::timestamptz,
              approved_at = CASE WHEN $2::text IN ('APPROVED', 'PUBLISHED') THEN $3::timestamptz + interval '5 days' END,
              published_at = CASE WHEN $2::text = 'PUBLISHED' THEN $3::timestamptz + interval '6 days' END
       WHERE id = $1`,
      [report.id, state, sub.received_at],
    );
    if (state === 'CHANGES_REQUESTED') {
      await em.query(
        `INSERT INTO report_decision (report_id, template_id, kind, reason, submission_id, decided_by, decided_at)
         VALUES ($1, $2, 'CHANGES_REQUESTED', $3, $4, $5, $6::timestamptz + interval '3 days')`,
        [report.id, primaryId, 'Patientsäkerhetsberättelsen gäller fel år. Bifoga berättelsen för 2025 och kontrollera antalet lex Maria-anmälningar.', sub.id, reviewer.id, sub.received_at],
      );
      const question = questions.find((q) => q.code === '2.3')!;
      const [thread] = await em.query(
        `INSERT INTO comment_thread (report_id, template_id, question_id, created_by, created_at, answer_at_start)
         SELECT $1, $2, $3, $4, $5::timestamptz + interval '3 days', value FROM answer WHERE report_id = $1 AND question_id = $3 RETURNING id`,
        [report.id, primaryId, question.id, reviewer.id, sub.received_at],
      );
      await em.query(
        `INSERT INTO comment (thread_id, author_id, author_role, body, created_at) VALUES ($1, $2, 'REVIEWER', $3, $4::timestamptz + interval '3 days')`,
        [thread.id, reviewer.id, 'Stämmer antalet? Regionens avvikelsesystem visar en anmälan till under året.', sub.received_at],
      );
    }
    if (state === 'APPROVED' || state === 'PUBLISHED') {
      const [decision] = await em.query(
        `INSERT INTO report_decision (report_id, template_id, kind, submission_id, decided_by, decided_at)
         VALUES ($1, $2, 'APPROVED', $3, $4, $5::timestamptz + interval '5 days') RETURNING id`,
        [report.id, primaryId, sub.id, reviewer.id, sub.received_at],
      );
      const ratings = ['MET', 'MET', 'PARTLY_MET', 'MET', 'NOT_MET', 'MET', 'PARTLY_MET'];
      const goals: { goal_id: string }[] = await em.query(
        `SELECT DISTINCT q.goal_id, g.position FROM question q JOIN goal g ON g.id = q.goal_id WHERE q.template_id = $1 ORDER BY g.position`,
        [primaryId],
      );
      for (const [i, g] of goals.entries()) {
        const rating = ratings[(i + n) % ratings.length];
        await em.query('INSERT INTO goal_assessment (decision_id, report_id, goal_id, rating, motivation) VALUES ($1, $2, $3, $4, $5)', [
          decision.id,
          report.id,
          g.goal_id,
          rating,
          rating === 'MET' ? null : 'Utfallet ligger under målvärdet; följs upp i nästa omgång.',
        ]);
      }
    }
  }
  return { templates: 2, rounds: 2, demoReportStates: counted };
}
