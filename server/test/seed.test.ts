import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { DEMO_CANARY, DEMO_CORRECTIONS, DEMO_PUBLISHED_PERIODS } from '../src/db/seed/demo-history.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

async function counts() {
  const [row] = await db.ds.query(`SELECT
    (SELECT count(*) FROM municipality) AS municipalities,
    (SELECT count(*) FROM provider) AS providers,
    (SELECT count(*) FROM unit) AS units,
    (SELECT count(*) FROM agreement) AS agreements,
    (SELECT count(*) FROM indicator) AS indicators,
    (SELECT count(*) FROM audit_event) AS audit`);
  return row;
}

describe('demo region', () => {
  it('loads once; a second load (or a concurrent one) changes nothing', async () => {
    const results = await Promise.all([loadDemoRegion(db.ds), loadDemoRegion(db.ds)]);
    expect(results.sort()).toEqual(['loaded', 'present']);
    const first = await counts();
    expect(await loadDemoRegion(db.ds)).toBe('present');
    expect(await counts()).toEqual(first);
    expect(first.audit).toBe(8); // region, users, reporting, the published history, the last-resort register, the conditions, compensation and the follow-up reports, each once
  });

  it('covers all eight municipalities with health centres, mostly in-house', async () => {
    const perMunicipality = await db.ds.query(`
      SELECT m.code,
             count(*) FILTER (WHERE u.kind = 'HEALTH_CENTRE') AS health_centres,
             count(*) FILTER (WHERE u.kind = 'HEALTH_CENTRE' AND p.ownership = 'IN_HOUSE') AS in_house,
             count(*) FILTER (WHERE u.kind = 'DENTAL_CLINIC') AS dental
      FROM municipality m
      LEFT JOIN unit u ON u.municipality_code = m.code
      LEFT JOIN provider p ON p.id = u.provider_id
      GROUP BY m.code ORDER BY m.code`);
    expect(perMunicipality).toHaveLength(8);
    for (const m of perMunicipality) {
      expect(m.health_centres, m.code).toBeGreaterThan(0);
      expect(m.in_house, m.code).toBeGreaterThan(0); // sistahandsansvar: egen regi everywhere
      expect(m.dental, m.code).toBeGreaterThan(0);
    }
    const [totals] = await db.ds.query(`
      SELECT count(*) FILTER (WHERE u.kind = 'HEALTH_CENTRE') AS hc,
             count(*) FILTER (WHERE u.kind = 'HEALTH_CENTRE' AND p.ownership = 'IN_HOUSE') AS hc_in_house,
             count(*) FILTER (WHERE u.kind = 'DENTAL_CLINIC') AS dental
      FROM unit u JOIN provider p ON p.id = u.provider_id`);
    expect(totals.hc).toBeGreaterThanOrEqual(20);
    expect(totals.hc_in_house * 2).toBeGreaterThan(totals.hc);
    expect(totals.dental).toBeGreaterThanOrEqual(6);
  });

  it('has private providers (one with several units), a non-profit and an out-of-scope LOF agreement', async () => {
    const [p] = await db.ds.query(`SELECT
      (SELECT count(*) FROM provider WHERE ownership = 'PRIVATE') AS private,
      (SELECT count(*) FROM provider WHERE ownership = 'NON_PROFIT') AS non_profit,
      (SELECT max(n) FROM (SELECT count(*) AS n FROM unit u JOIN provider p ON p.id = u.provider_id
         WHERE p.ownership = 'PRIVATE' GROUP BY p.id) x) AS max_private_units,
      (SELECT count(*) FROM agreement WHERE form = 'LOF' AND NOT in_program_scope AND out_of_scope_reason <> '') AS lof,
      (SELECT count(*) FROM agreement a JOIN provider p ON p.id = a.provider_id WHERE p.ownership = 'IN_HOUSE' AND a.form = 'IN_HOUSE') AS commissions,
      (SELECT count(*) FROM agreement a JOIN provider p ON p.id = a.provider_id WHERE p.ownership <> 'IN_HOUSE' AND a.form = 'LOV') AS lov`);
    expect(p.private).toBeGreaterThanOrEqual(5);
    expect(p.non_profit).toBe(1);
    expect(p.max_private_units).toBeGreaterThan(1);
    expect(p.lof).toBe(1);
    expect(p.commissions).toBe(19); // one per in-house health centre, one for in-house dental care
    expect(p.lov).toBeGreaterThanOrEqual(5);
  });

  it('has published demo templates: Hälsoval with 25 questions over 5 sections using every question type, and a dental one', async () => {
    const templates = await db.ds.query(`
      SELECT t.name, t.status, t.service_area, count(DISTINCT s.id)::int AS sections, count(q.id)::int AS questions,
             array_agg(DISTINCT q.type ORDER BY q.type) AS types
      FROM report_template t JOIN template_section s ON s.template_id = t.id JOIN question q ON q.section_id = s.id
      GROUP BY t.id ORDER BY t.name`);
    expect(templates).toEqual([
      {
        name: 'Självdeklaration Hälsoval 2025', status: 'PUBLISHED', service_area: 'PRIMARY_CARE', sections: 5, questions: 25,
        types: ['ATTACHMENT', 'BOOLEAN', 'DATE', 'DECIMAL', 'INDICATOR_VALUE', 'INTEGER', 'MULTI_CHOICE', 'PERCENT', 'SINGLE_CHOICE', 'TEXT'],
      },
      expect.objectContaining({ name: 'Självdeklaration tandvård barn och unga vuxna 2025', status: 'PUBLISHED', service_area: 'DENTAL_CARE' }),
    ]);
  });

  it('has a 2025 Hälsoval round with reports in every state for in-house and private providers, and an overdue dental round', async () => {
    const states = await db.ds.query(`
      SELECT p.ownership = 'IN_HOUSE' AS in_house, array_agg(DISTINCT r.status ORDER BY r.status) AS states
      FROM report r JOIN provider p ON p.id = r.provider_id JOIN follow_up_round f ON f.id = r.round_id
      WHERE f.name = 'Uppföljning Hälsoval 2025' GROUP BY 1 ORDER BY 1`);
    const all = ['APPROVED', 'CHANGES_REQUESTED', 'DRAFT', 'NOT_STARTED', 'PUBLISHED', 'SUBMITTED'];
    expect(states).toEqual([
      { in_house: false, states: all },
      { in_house: true, states: all },
    ]);
    // One in-house report per health centre commission UB-HV-2024-01..18, for the in-house demo user's provider.
    const inhouse = await db.ds.query(`
      SELECT a.reference FROM report r JOIN agreement a ON a.id = r.agreement_id JOIN follow_up_round f ON f.id = r.round_id
      JOIN app_user u ON u.provider_id = r.provider_id
      WHERE f.name = 'Uppföljning Hälsoval 2025' AND u.email = 'provider.inhouse@insyn.example' ORDER BY a.reference`);
    expect(inhouse.map((r: { reference: string }) => r.reference)).toEqual(Array.from({ length: 18 }, (_, i) => `UB-HV-2024-${String(i + 1).padStart(2, '0')}`));
    const [jamtvard] = await db.ds.query(`
      SELECT r.status FROM report r JOIN app_user u ON u.provider_id = r.provider_id JOIN follow_up_round f ON f.id = r.round_id
      WHERE f.name = 'Uppföljning Hälsoval 2025' AND u.email = 'provider.private@insyn.example'`);
    expect(jamtvard.status).toBe('DRAFT');
    const dental = await db.ds.query(`
      SELECT r.status, r.due_at < now() AS overdue FROM report r JOIN follow_up_round f ON f.id = r.round_id
      WHERE f.name LIKE 'Uppföljning tandvård%' AND f.status = 'OPEN'`);
    expect(dental).toEqual([
      { status: 'NOT_STARTED', overdue: true },
      { status: 'NOT_STARTED', overdue: true },
    ]);
  });

  it('gives every submitted demo report a submission equal to its answers, and a receipt', async () => {
    const reports = await db.ds.query(`
      SELECT r.id, r.status, r.version, r.submitted_at, s.reference, s.received_at, s.report_version, s.answers AS snapshot,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('questionId', a.question_id, 'value', a.value, 'note', a.note,
                       'confidentialityRequested', a.confidentiality_requested, 'confidentialityReason', a.confidentiality_reason)
                       ORDER BY a.question_id), '[]') FROM answer a WHERE a.report_id = r.id) AS answers
      FROM report r LEFT JOIN submission s ON s.report_id = r.id
      WHERE r.status NOT IN ('NOT_STARTED', 'DRAFT')`);
    expect(reports.length).toBeGreaterThanOrEqual(10);
    for (const r of reports) {
      expect(r.reference, r.id).toMatch(/^UPP-\d{4}-\d{6}$/);
      expect(r.submitted_at, r.id).toEqual(r.received_at);
      expect(r.report_version, r.id).toBeLessThan(r.version);
      const snapshot = r.snapshot
        .map(({ code: _code, ...a }: { code: string; questionId: string }) => a)
        .sort((a: { questionId: string }, b: { questionId: string }) => a.questionId.localeCompare(b.questionId));
      expect(snapshot, r.id).toEqual(r.answers);
    }
  });

  it('has closed half-year rounds 2023–2025 for Hälsoval and dental care, every report answered in full, approved with assessments', async () => {
    const rounds = await db.ds.query(`
      SELECT f.period, f.status, f.due_at < now() AS past, c.code AS choice_system, count(r.id)::int AS reports,
             count(r.id) FILTER (WHERE r.status = 'PUBLISHED')::int AS published
      FROM follow_up_round f JOIN choice_system c ON c.id = f.choice_system_id LEFT JOIN report r ON r.round_id = f.id
      WHERE f.period LIKE '%-H_' GROUP BY f.id, c.code ORDER BY f.period, c.code`);
    const expected: Record<string, unknown>[] = DEMO_PUBLISHED_PERIODS.flatMap((period) => [
      { period, status: 'CLOSED', past: true, choice_system: 'HALSOVAL', reports: 24, published: 24 },
      { period, status: 'CLOSED', past: true, choice_system: 'TANDVARD_BUV', reports: 2, published: 2 },
    ]);
    // One dental half year is reviewed but not yet published.
    expected.push({ period: '2026-H1', status: 'CLOSED', past: true, choice_system: 'TANDVARD_BUV', reports: 2, published: 0 });
    expect(rounds).toEqual(expected);

    const reports = await db.ds.query(`
      SELECT r.id, r.status,
             (SELECT count(*)::int FROM question q WHERE q.template_id = r.template_id) AS questions,
             (SELECT count(*)::int FROM answer a WHERE a.report_id = r.id AND a.value IS NOT NULL AND a.value <> 'null') AS answers,
             (SELECT count(DISTINCT q.goal_id)::int FROM question q WHERE q.template_id = r.template_id) AS goals,
             (SELECT count(*)::int FROM report_decision d JOIN goal_assessment g ON g.decision_id = d.id
               WHERE d.report_id = r.id AND d.kind = 'APPROVED' AND btrim(coalesce(g.motivation, '')) <> '') AS assessed,
             (SELECT count(*)::int FROM submission s WHERE s.report_id = r.id) AS submissions
      FROM report r JOIN follow_up_round f ON f.id = r.round_id WHERE f.period LIKE '%-H_'`);
    expect(reports).toHaveLength(12 * 13 + 2);
    for (const r of reports) {
      expect(r, r.id).toMatchObject({ answers: r.questions, assessed: r.goals, submissions: 1 });
      expect(['APPROVED', 'PUBLISHED'], r.id).toContain(r.status);
    }
    const ratings = await db.ds.query(`
      SELECT g.rating, count(*)::int AS n FROM goal_assessment g JOIN report r ON r.id = g.report_id JOIN follow_up_round f ON f.id = r.round_id
      WHERE f.period LIKE '%-H_' GROUP BY 1 ORDER BY 1`);
    expect(ratings.map((r: { rating: string }) => r.rating)).toEqual(['MET', 'NOT_MET', 'PARTLY_MET']);
    for (const r of ratings) expect(r.n, r.rating).toBeGreaterThan(20);
  });

  it('gives every unit (or its joint report) published values for six half years over three years', async () => {
    const units = await db.ds.query(`
      SELECT u.name, count(DISTINCT v.period)::int AS periods, count(DISTINCT left(v.period, 4))::int AS years,
             array_agg(DISTINCT v.period ORDER BY v.period) FILTER (WHERE v.period LIKE '%-H_') AS half_years
      FROM unit u
      JOIN agreement_unit au ON au.unit_id = u.id JOIN agreement a ON a.id = au.agreement_id AND a.in_program_scope
      LEFT JOIN published_value_current v ON v.agreement_id = a.id AND (v.unit_id = u.id OR v.unit_id IS NULL)
      GROUP BY u.id ORDER BY u.name`);
    expect(units.length).toBe(36); // every unit but the physiotherapy clinic under LOF
    for (const u of units) {
      expect(u.periods, u.name).toBeGreaterThanOrEqual(6);
      expect(u.years, u.name).toBeGreaterThanOrEqual(3);
      expect(u.half_years, u.name).toEqual([...DEMO_PUBLISHED_PERIODS]);
    }
    // Joint reports publish no unit; single-unit agreements publish theirs.
    const [joint] = await db.ds.query(`
      SELECT count(*) FILTER (WHERE v.unit_id IS NULL)::int AS joint, count(*) FILTER (WHERE v.unit_id IS NOT NULL)::int AS single
      FROM published_value_current v JOIN agreement a ON a.id = v.agreement_id WHERE a.reference IN ('LOV-HV-2012-004', 'UB-TV-2024')`);
    expect(joint.single).toBe(0);
    expect(joint.joint).toBeGreaterThan(0);
  });

  it('has values that differ between units and over time: in-house and private both above and below target', async () => {
    const rows = await db.ds.query(`
      SELECT v.ownership, count(*) FILTER (WHERE v.value_number >= t.value)::int AS met,
             count(*) FILTER (WHERE v.value_number < t.amber_threshold)::int AS red
      FROM published_value_current v JOIN indicator i ON i.id = v.indicator_id
      JOIN target t ON t.indicator_id = i.id AND t.year = left(v.period, 4)::int
      WHERE i.direction = 'HIGHER_IS_BETTER' AND v.ownership IN ('IN_HOUSE', 'PRIVATE') AND NOT v.suppressed
      GROUP BY 1 ORDER BY 1`);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.met, r.ownership).toBeGreaterThan(5);
      expect(r.red, r.ownership).toBeGreaterThan(5);
    }
    // Some units improve and some get worse between the first and the last half year.
    const trends = await db.ds.query(`
      SELECT a.reference, sign(max(v.value_number) FILTER (WHERE v.period = '2025-H2') - max(v.value_number) FILTER (WHERE v.period = '2023-H1'))::int AS trend
      FROM published_value_current v JOIN agreement a ON a.id = v.agreement_id JOIN indicator i ON i.id = v.indicator_id
      WHERE i.code = 'MED-ASSESS-3D' GROUP BY 1`);
    const count = (s: number) => trends.filter((t: { trend: number }) => t.trend === s).length;
    expect(count(1)).toBeGreaterThan(3);
    expect(count(-1)).toBeGreaterThan(3);
    // 2023 values have targets, so they get colours too.
    const [y2023] = await db.ds.query(`SELECT count(*)::int AS n, count(target)::int AS with_target FROM published_value_current WHERE period LIKE '2023-%' AND indicator_id IS NOT NULL`);
    expect(y2023.n).toBeGreaterThan(0);
    expect(y2023.with_target).toBe(y2023.n);
  });

  it('plants a canary where it belongs and never in a published value', async () => {
    const { confidential, hiddenText, unpublished } = DEMO_CANARY;
    const answerOf = (c: { agreement: string; period: string; question: string }) =>
      db.ds.query(
        `SELECT r.id AS report_id, r.status, a.value, a.confidentiality_requested, q.public_answer, q.type,
                (SELECT d.granted FROM confidentiality_decision d WHERE d.report_id = r.id AND d.question_id = q.id ORDER BY d.decided_at DESC LIMIT 1) AS granted,
                (SELECT d.reason FROM confidentiality_decision d WHERE d.report_id = r.id AND d.question_id = q.id ORDER BY d.decided_at DESC LIMIT 1) AS reason,
                EXISTS (SELECT 1 FROM publication p WHERE p.report_id = r.id) AS published
         FROM report r JOIN agreement g ON g.id = r.agreement_id JOIN follow_up_round f ON f.id = r.round_id
         JOIN answer a ON a.report_id = r.id JOIN question q ON q.id = a.question_id
         WHERE g.reference = $1 AND f.period = $2 AND q.code = $3`,
        [c.agreement, c.period, c.question],
      );
    // (a) a number whose confidentiality request the region granted, in a published report
    const [a] = await answerOf(confidential);
    expect(a).toMatchObject({
      status: 'PUBLISHED',
      published: true,
      confidentiality_requested: true,
      granted: true,
      value: { numerator: confidential.numerator, denominator: confidential.denominator },
    });
    expect(a.reason.trim()).not.toBe('');
    // (b) a text on a question that is not public, in the same published report
    const [b] = await answerOf(hiddenText);
    expect(b).toMatchObject({ status: 'PUBLISHED', published: true, type: 'TEXT', public_answer: false, confidentiality_requested: false });
    expect(b.value).toContain(hiddenText.text);
    // (c) a numerator in an approved report that is not published
    const [c] = await answerOf(unpublished);
    expect(c).toMatchObject({ status: 'APPROVED', published: false, value: { numerator: unpublished.numerator, denominator: unpublished.denominator } });

    // None of them in any published version, publication or public response.
    const [dump] = await db.ds.query(`SELECT
      (SELECT coalesce(string_agg(concat_ws('|', value::text, value_number, numerator, denominator), E'\n'), '') FROM published_value) AS values,
      (SELECT coalesce(string_agg(coalesce(reason, ''), E'\n'), '') FROM publication) AS reasons,
      (SELECT coalesce(string_agg(body, E'\n'), '') FROM public_response) AS responses`);
    for (const text of DEMO_CANARY.strings) {
      expect(dump.values).not.toContain(text);
      expect(dump.reasons).not.toContain(text);
      expect(dump.responses).not.toContain(text);
    }
    const [none] = await db.ds.query(
      `SELECT count(*)::int AS n FROM published_value WHERE report_id = ANY($1) AND question_id IN
         (SELECT question_id FROM answer WHERE report_id = ANY($1) AND (value::text LIKE '%987654%' OR value::text LIKE '%KANARIE%'))`,
      [[a.report_id, c.report_id]],
    );
    expect(none.n).toBe(0);
    expect(await db.ds.query('SELECT 1 FROM published_value WHERE report_id = $1', [c.report_id])).toEqual([]);
  });

  it('suppresses small counts: published as suppressed, with the reason and no number', async () => {
    const rows = await db.ds.query(`
      SELECT v.value, v.value_number, v.numerator, v.suppression_reason, (a.value->>'numerator')::int AS answered
      FROM published_value_current v JOIN answer a ON a.report_id = v.report_id AND a.question_id = v.question_id
      WHERE v.suppressed`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      expect(r).toMatchObject({ value: null, value_number: null, numerator: null, suppression_reason: 'SMALL_COUNT' });
      expect(r.answered).toBeLessThan(5);
    }
    const [shown] = await db.ds.query(`SELECT min(numerator)::int AS min FROM published_value WHERE NOT suppressed AND numerator IS NOT NULL`);
    expect(shown.min).toBeGreaterThanOrEqual(5);
  });

  it('keeps corrected values: a new version with the reason supersedes the old one, which stays', async () => {
    const rows = await db.ds.query(`
      SELECT g.reference AS agreement, v.period, q.code AS question, p.reason, old.version AS old_version, new.version AS new_version,
             old.value_number AS old_value, new.value_number AS new_value,
             EXISTS (SELECT 1 FROM published_value_current c WHERE c.id = old.id) AS old_current,
             EXISTS (SELECT 1 FROM published_value_current c WHERE c.id = new.id) AS new_current
      FROM published_value new JOIN published_value old ON old.id = new.supersedes_id JOIN publication p ON p.id = new.publication_id
      JOIN published_value v ON v.id = new.id JOIN question q ON q.id = new.question_id JOIN agreement g ON g.id = new.agreement_id
      ORDER BY p.published_at`);
    expect(rows).toHaveLength(DEMO_CORRECTIONS.length);
    for (const r of rows) {
      const c = DEMO_CORRECTIONS.find((x) => x.agreement === r.agreement && x.period === r.period && x.question === r.question);
      expect(c, r.agreement).toBeDefined();
      expect(r).toMatchObject({ reason: c!.reason, old_version: 1, new_version: 2, old_current: false, new_current: true });
      expect(r.new_value).toBeGreaterThan(r.old_value);
    }
    const kinds = await db.ds.query(`SELECT kind, count(*)::int AS n FROM publication GROUP BY 1 ORDER BY 1`);
    expect(kinds).toEqual([
      { kind: 'CORRECTED', n: DEMO_CORRECTIONS.length },
      { kind: 'PUBLISHED', n: 12 * 13 + 3 }, // the history and the three 2025 reports shown as published
    ]);
  });

  it('has a public response shown (accepted) and one waiting for the reviewer, on published reports of a private provider', async () => {
    const rows = await db.ds.query(`
      SELECT pr.status, p.ownership, r.status AS report_status, pr.decided_by IS NOT NULL AS decided
      FROM public_response pr JOIN provider p ON p.id = pr.provider_id JOIN report r ON r.id = pr.report_id ORDER BY pr.status`);
    expect(rows).toEqual([
      { status: 'ACCEPTED', ownership: 'PRIVATE', report_status: 'PUBLISHED', decided: true },
      { status: 'PENDING', ownership: 'PRIVATE', report_status: 'PUBLISHED', decided: false },
    ]);
  });

  it('every published report is published from its answers, at a time in the past, by a reviewer', async () => {
    const [r] = await db.ds.query(`
      SELECT count(*) FILTER (WHERE r.status = 'PUBLISHED')::int AS published_reports,
             count(*) FILTER (WHERE r.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM publication p WHERE p.report_id = r.id AND p.kind = 'PUBLISHED'))::int AS without,
             (SELECT count(*)::int FROM publication WHERE published_at > now()) AS future
      FROM report r`);
    expect(r).toEqual({ published_reports: 12 * 13 + 3, without: 0, future: 0 });
  });

  it('is the same on every load (seeded pseudo-random values)', async () => {
    const other = await createTestDatabase();
    try {
      await loadDemoRegion(other.ds);
      const digest = `SELECT md5(string_agg(concat_ws('|', g.reference, f.period, q.code, a.value::text), ',' ORDER BY g.reference, f.period, q.code)) AS d
        FROM answer a JOIN report r ON r.id = a.report_id JOIN agreement g ON g.id = r.agreement_id JOIN follow_up_round f ON f.id = r.round_id
        JOIN question q ON q.id = a.question_id WHERE f.period LIKE '%-H_' AND q.type <> 'ATTACHMENT'`;
      expect(await other.ds.query(digest)).toEqual(await db.ds.query(digest));
    } finally {
      await other.drop();
    }
  });

  it('says in the audit trail that names and figures are illustrative', async () => {
    const [event] = await db.ds.query(`SELECT actor_label, after FROM audit_event WHERE action = 'DEMO_REGION_LOADED'`);
    expect(event.actor_label).toBe('system:demo-seed');
    expect(event.after.notice).toMatch(/påhittade/);
  });
});
