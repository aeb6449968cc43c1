import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
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
    expect(first.audit).toBe(3); // region, users and reporting, each recorded once
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
      SELECT r.status, r.due_at < now() AS overdue FROM report r JOIN follow_up_round f ON f.id = r.round_id WHERE f.name LIKE 'Uppföljning tandvård%'`);
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

  it('says in the audit trail that names and figures are illustrative', async () => {
    const [event] = await db.ds.query(`SELECT actor_label, after FROM audit_event WHERE action = 'DEMO_REGION_LOADED'`);
    expect(event.actor_label).toBe('system:demo-seed');
    expect(event.after.notice).toMatch(/påhittade/);
  });
});
