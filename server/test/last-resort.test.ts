import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';

/**
 * The last-resort register: obligations (constraints, versions, audit), listed persons (hand
 * entry and CSV import, all or nothing) and the coverage view with its flags, on hand-made
 * municipalities next to the demo region.
 */
let app: TestApp;
let admin: Client;
let reviewer: Client;
let auditor: Client;

// Hand-made municipalities: SOLE has one unit (the holder), TWO has the holder and a private
// unit, NONE has a private unit and no obligation.
const SOLE = '2401';
const TWO = '2403';
const NONE = '2404';
const u = {} as Record<'sole' | 'twoHolder' | 'twoPrivate' | 'none' | 'demoOther', string>;
let halsoval: string;

async function unitIn(municipality: string, name: string, ownership: 'IN_HOUSE' | 'PRIVATE', n: number): Promise<string> {
  const [p] = await app.ds.query(`INSERT INTO provider (name, org_number, ownership) VALUES ($1, $2, $3) RETURNING id`, [
    `Testutförare ${name}`,
    `55${String(9000 + n)}-0000`,
    ownership,
  ]);
  const [unit] = await app.ds.query(
    `INSERT INTO unit (provider_id, municipality_code, name, kind) VALUES ($1, $2, $3, 'HEALTH_CENTRE') RETURNING id`,
    [p.id, municipality, name],
  );
  const [a] = await app.ds.query(
    `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, in_program_scope)
     VALUES ($1, $2, $3, $4, '2020-01-01', true) RETURNING id`,
    [p.id, halsoval, ownership === 'IN_HOUSE' ? 'IN_HOUSE' : 'LOV', `TEST-LR-${n}`],
  );
  await app.ds.query(`INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)`, [a.id, unit.id, p.id]);
  return unit.id;
}

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  admin = await app.login('admin@insyn.example');
  reviewer = await app.login('reviewer@insyn.example');
  auditor = await app.login('auditor@insyn.example');
  await app.ds.query(`INSERT INTO municipality (code, name, county_code, county_name) VALUES
    ('${SOLE}', 'Ensam', '24', 'Testlän'), ('${TWO}', 'Tvåsam', '24', 'Testlän'), ('${NONE}', 'Ingen', '24', 'Testlän')`);
  halsoval = (await app.one(`SELECT id FROM choice_system WHERE code = 'HALSOVAL'`)).id;
  u.sole = await unitIn(SOLE, 'Ensams hälsocentral', 'IN_HOUSE', 1);
  u.twoHolder = await unitIn(TWO, 'Tvåsams hälsocentral', 'IN_HOUSE', 2);
  u.twoPrivate = await unitIn(TWO, 'Privata Tvåsam', 'PRIVATE', 3);
  u.none = await unitIn(NONE, 'Ingens privata', 'PRIVATE', 4);
  u.demoOther = (await app.one(`SELECT id FROM unit WHERE name = 'Odenhälsan'`)).id;
});
afterAll(() => app?.close());

const CREATE = `mutation($input: LastResortObligationInput!) { createLastResortObligation(input: $input) {
  id version unitId: unit { id } municipality { code } choiceSystem { code } minimumService openingDaysPerWeek validFrom validTo } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: LastResortObligationInput!) { updateLastResortObligation(id: $id, expectedVersion: $v, input: $input) { version minimumService } }`;
const END = `mutation($id: ID!, $v: Int!, $to: LocalDate!) { endLastResortObligation(id: $id, expectedVersion: $v, validTo: $to) { version validTo } }`;
const base = (municipalityCode: string, unitId: string, extra: Record<string, unknown> = {}) => ({
  input: {
    municipalityCode,
    choiceSystemId: halsoval,
    unitId,
    minimumService: 'Öppet fem dagar i veckan',
    openingDaysPerWeek: 5,
    decisionReference: 'RS/1/2024',
    validFrom: '2024-01-01',
    ...extra,
  },
});
const fieldsOf = (res: { errors?: { extensions: Record<string, unknown> }[] }) => {
  expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  return res.errors![0].extensions.fields as { path: string; message: string }[];
};

describe('obligations', () => {
  let soleObligation: string;

  it('creates obligations with one audit row each (ADMIN and REVIEWER)', async () => {
    const a = await admin.gql(CREATE, base(SOLE, u.sole));
    expect(a.errors).toBeUndefined();
    expect(a.data!.createLastResortObligation).toMatchObject({ version: 1, municipality: { code: SOLE }, choiceSystem: { code: 'HALSOVAL' }, openingDaysPerWeek: 5, validTo: null });
    soleObligation = a.data!.createLastResortObligation.id;
    const b = await reviewer.gql(CREATE, base(TWO, u.twoHolder));
    expect(b.errors).toBeUndefined();
    const audit = await app.ds.query(`SELECT action, entity_id FROM audit_event WHERE entity_type = 'LastResortObligation' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'LAST_RESORT_OBLIGATION_CREATED', entity_id: soleObligation },
      { action: 'LAST_RESORT_OBLIGATION_CREATED', entity_id: b.data!.createLastResortObligation.id },
    ]);
  });

  it('refuses a holder outside the municipality, by the database too', async () => {
    const before = await app.count('last_resort_obligation');
    const res = await admin.gql(CREATE, base(SOLE, u.twoPrivate, { validFrom: '2030-01-01' }));
    expect(fieldsOf(res)).toEqual([{ path: 'input.unitId', message: 'Choose a unit in the municipality' }]);
    await expect(
      app.ds.query(
        `INSERT INTO last_resort_obligation (municipality_code, choice_system_id, unit_id, minimum_service, decision_reference, valid_from)
         VALUES ($1, $2, $3, 'x', 'y', '2031-01-01')`,
        [NONE, halsoval, u.demoOther],
      ),
    ).rejects.toThrow(/last_resort_obligation_holder_fkey/);
    expect(await app.count('last_resort_obligation')).toBe(before);
  });

  it('refuses overlapping validity and an end before the start', async () => {
    const before = await app.count('last_resort_obligation');
    const overlap = await admin.gql(CREATE, base(SOLE, u.sole, { validFrom: '2025-06-01', validTo: '2026-01-01' }));
    expect(fieldsOf(overlap)[0].path).toBe('input.validFrom');
    const backwards = await admin.gql(CREATE, base(NONE, u.none, { validFrom: '2025-06-01', validTo: '2025-01-01' }));
    expect(fieldsOf(backwards)[0].path).toBe('input.validTo');
    const days = await admin.gql(CREATE, base(NONE, u.none, { openingDaysPerWeek: 8 }));
    expect(fieldsOf(days)[0].path).toBe('input.openingDaysPerWeek');
    expect(await app.count('last_resort_obligation')).toBe(before);
  });

  it('saves with the version, CONFLICT with an old one; ending is audited', async () => {
    const ok = await admin.gql(UPDATE, { id: soleObligation, v: 1, input: { minimumService: 'Öppet alla vardagar' } });
    expect(ok.data!.updateLastResortObligation).toEqual({ version: 2, minimumService: 'Öppet alla vardagar' });
    const stale = await reviewer.gql(UPDATE, { id: soleObligation, v: 1, input: { minimumService: 'Gammalt' } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const ended = await reviewer.gql(END, { id: soleObligation, v: 2, to: '2099-12-31' });
    expect(ended.data!.endLastResortObligation).toEqual({ version: 3, validTo: '2099-12-31' });
    const actions = await app.ds.query(`SELECT action, after FROM audit_event WHERE entity_id = $1 ORDER BY id`, [soleObligation]);
    expect(actions.map((r: { action: string }) => r.action)).toEqual([
      'LAST_RESORT_OBLIGATION_CREATED',
      'LAST_RESORT_OBLIGATION_UPDATED',
      'LAST_RESORT_OBLIGATION_ENDED',
    ]);
    expect(actions[2].after).toEqual({ validTo: '2099-12-31' });
    expect((await app.one('SELECT minimum_service FROM last_resort_obligation WHERE id = $1', [soleObligation])).minimum_service).toBe('Öppet alla vardagar');
  });

  it('lists the register publicly, filtered by year and municipality', async () => {
    const res = await app.gql(`{ lastResortObligations(filter: { municipalityCode: "${SOLE}", year: 2025 }) { totalCount edges { node { unit { name } } } } }`);
    expect(res.data!.lastResortObligations).toEqual({ totalCount: 1, edges: [{ node: { unit: { name: 'Ensams hälsocentral' } } }] });
  });
});

describe('coverage', () => {
  const COVERAGE = `query($y: Int!) { lastResortCoverage(year: $y) { municipality { code } soleProvider listedPersons
    units { id } obligations { id } singlePointsOfFailure { id }
    unitCoverage { unit { id } ownership listedPersons }
    choiceSystems { choiceSystemCode unitCount soleProvider singlePointOfFailure { id } } } }`;

  it('flags the sole provider, two providers and none', async () => {
    await admin.gql('mutation($u: ID!) { setListedPersons(unitId: $u, year: 2025, listedPersons: 1200) { listedPersons } }', { u: u.twoPrivate });
    const res = await auditor.gql(COVERAGE, { y: 2025 });
    expect(res.errors).toBeUndefined();
    const by = new Map(res.data!.lastResortCoverage.map((c: any) => [c.municipality.code, c]));
    expect(res.data!.lastResortCoverage).toHaveLength(11);
    expect(by.get(SOLE)).toMatchObject({
      soleProvider: true,
      units: [{ id: u.sole }],
      singlePointsOfFailure: [{ id: u.sole }],
      listedPersons: null,
      choiceSystems: [{ choiceSystemCode: 'HALSOVAL', unitCount: 1, soleProvider: true, singlePointOfFailure: { id: u.sole } }],
    });
    expect(by.get(TWO)).toMatchObject({
      soleProvider: false,
      singlePointsOfFailure: [],
      listedPersons: 1200,
      choiceSystems: [{ choiceSystemCode: 'HALSOVAL', unitCount: 2, soleProvider: false, singlePointOfFailure: null }],
    });
    expect(by.get(NONE)).toMatchObject({
      soleProvider: false,
      obligations: [],
      singlePointsOfFailure: [{ id: u.none }],
      choiceSystems: [{ choiceSystemCode: 'HALSOVAL', unitCount: 1, soleProvider: false }],
    });
    // The demo region: every municipality has obligations for both choice systems.
    const ostersund: any = by.get('2380');
    expect(ostersund.obligations).toHaveLength(2);
    expect(ostersund.listedPersons).toBeGreaterThan(0);
  });

  it('runs the same number of SQL statements whatever the number of units', async () => {
    const before = await app.countSql(() => auditor.gql(COVERAGE, { y: 2025 }));
    for (let i = 0; i < 5; i++) await unitIn(NONE, `Extra ${i}`, 'PRIVATE', 10 + i);
    const after = await app.countSql(() => auditor.gql(COVERAGE, { y: 2025 }));
    expect(after).toBe(before);
    expect(after).toBeLessThanOrEqual(12);
  });

  it('is for the region\'s reading roles', async () => {
    const provider = await app.login('provider.private@insyn.example');
    const anonymous = await app.gql(COVERAGE, { y: 2025 });
    expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await provider.gql(COVERAGE, { y: 2025 })).errors![0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('listing import', () => {
  const IMPORT = 'mutation($csv: String!) { importListings(csv: $csv) { rows units years } }';

  it('refuses a file with one bad row, listing it, and stores nothing', async () => {
    const before = await app.ds.query('SELECT unit_id, year, month, listed_persons FROM unit_listing ORDER BY unit_id, year, month');
    const auditBefore = await app.count('audit_event');
    const csv = `unit_id;year;month;listed_persons\n${u.sole};2027;;1500\n${u.twoHolder};2027;13;900\n${u.twoPrivate};2027;;800\n`;
    const res = await admin.gql(IMPORT, { csv });
    expect(fieldsOf(res)).toEqual([{ path: 'csv.3.month', message: 'A month 1–12, or empty for the whole year' }]);
    const unknown = await admin.gql(IMPORT, { csv: `unit_id,year,listed_persons\n${u.sole},2027,1\n00000000-0000-4000-8000-000000000000,2027,2\n` });
    expect(fieldsOf(unknown)).toEqual([{ path: 'csv.3.unit_id', message: 'No such unit' }]);
    expect(await app.ds.query('SELECT unit_id, year, month, listed_persons FROM unit_listing ORDER BY unit_id, year, month')).toEqual(before);
    expect(await app.count('audit_event')).toBe(auditBefore);
  });

  it('stores a good file (BOM, `;`) in one go with one audit event, and upserts', async () => {
    const csv = `\uFEFFunit_id;year;month;listed_persons\r\n${u.sole};2027;;1500\r\n${u.sole};2027;1;1490\r\n${u.twoHolder};2027;;2 100\r\n`;
    const res = await reviewer.gql(IMPORT, { csv });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importListings).toEqual({ rows: 3, units: 2, years: [2027] });
    const again = await reviewer.gql(IMPORT, { csv: `unit_id,year,listed_persons\n${u.sole},2027,1600\n` });
    expect(again.data!.importListings.rows).toBe(1);
    const stored = await app.ds.query('SELECT month, listed_persons, source FROM unit_listing WHERE unit_id = $1 AND year = 2027 ORDER BY month NULLS FIRST', [u.sole]);
    expect(stored).toEqual([
      { month: null, listed_persons: 1600, source: 'IMPORT' },
      { month: 1, listed_persons: 1490, source: 'IMPORT' },
    ]);
    const audit = await app.ds.query(`SELECT after FROM audit_event WHERE action = 'UNIT_LISTINGS_IMPORTED' ORDER BY id`);
    expect(audit).toHaveLength(2);
    expect(audit[0].after).toMatchObject({ rows: 3, units: 2, years: [2027], listedPersons: 1500 + 1490 + 2100 });
  });
});
