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

  it('says in the audit trail that names and figures are illustrative', async () => {
    const [event] = await db.ds.query(`SELECT actor_label, after FROM audit_event WHERE action = 'DEMO_REGION_LOADED'`);
    expect(event.actor_label).toBe('system:demo-seed');
    expect(event.after.notice).toMatch(/påhittade/);
  });
});
