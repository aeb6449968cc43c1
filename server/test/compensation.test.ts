import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import type { CompensationMethod, UnitEconomics } from '../src/modules/compensation/entities.js';
import { computeProposal, shareOfDeficit } from '../src/modules/compensation/proposal.js';
import { lockEconomicsYears } from '../src/modules/compensation/service.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';

/**
 * Compensation for the last-resort responsibility, money in whole kronor: unit economics (hand
 * entry, CSV import all or nothing, öre refused, ownership rules), method versions, proposals with
 * every input (worked examples with hand-computed figures, the share of a deficit rounded to the
 * nearest krona), append-only decisions that replace one another, and access.
 */
let app: TestApp;
let admin: Client;
let reviewer: Client;
let auditor: Client;
let provider: Client;

// Hand-made municipalities next to the demo region: SOLE has one unit (the in-house holder),
// TWO has the in-house holder and a private unit, FIX has an in-house holder paid a fixed amount.
const SOLE = '2411';
const TWO = '2413';
const FIX = '2414';
const NOM = '2415';
const u = {} as Record<'sole' | 'twoHolder' | 'twoPrivate' | 'fix' | 'nom', string>;
const o = {} as Record<'sole' | 'two' | 'fix' | 'nom', string>;
let halsoval: string;

async function unitIn(municipality: string, name: string, ownership: 'IN_HOUSE' | 'PRIVATE', n: number): Promise<string> {
  const [p] = await app.ds.query(`INSERT INTO provider (name, org_number, ownership) VALUES ($1, $2, $3) RETURNING id`, [
    `Ersättningsutförare ${name}`,
    `55${String(8000 + n)}-0000`,
    ownership,
  ]);
  const [unit] = await app.ds.query(
    `INSERT INTO unit (provider_id, municipality_code, name, kind, hsa_id) VALUES ($1, $2, $3, 'HEALTH_CENTRE', $4) RETURNING id`,
    [p.id, municipality, name, `SE2321000214-T${n}`],
  );
  const [a] = await app.ds.query(
    `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, in_program_scope)
     VALUES ($1, $2, $3, $4, '2020-01-01', true) RETURNING id`,
    [p.id, halsoval, ownership === 'IN_HOUSE' ? 'IN_HOUSE' : 'LOV', `TEST-COMP-${n}`],
  );
  await app.ds.query(`INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3)`, [a.id, unit.id, p.id]);
  return unit.id;
}

async function obligationFor(municipality: string, unitId: string): Promise<string> {
  const [row] = await app.ds.query(
    `INSERT INTO last_resort_obligation (municipality_code, choice_system_id, unit_id, minimum_service, decision_reference, valid_from)
     VALUES ($1, $2, $3, 'Öppet fem dagar i veckan', 'RS/1/2024', '2024-01-01') RETURNING id`,
    [municipality, halsoval, unitId],
  );
  return row.id;
}

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  admin = await app.login('admin@insyn.example');
  reviewer = await app.login('reviewer@insyn.example');
  auditor = await app.login('auditor@insyn.example');
  provider = await app.login('provider.private@insyn.example');
  await app.ds.query(`INSERT INTO municipality (code, name, county_code, county_name) VALUES
    ('${SOLE}', 'Ensamby', '24', 'Testlän'), ('${TWO}', 'Tvåby', '24', 'Testlän'), ('${FIX}', 'Fastby', '24', 'Testlän'), ('${NOM}', 'Metodlös', '24', 'Testlän')`);
  halsoval = (await app.one(`SELECT id FROM choice_system WHERE code = 'HALSOVAL'`)).id;
  u.sole = await unitIn(SOLE, 'Ensamby hälsocentral', 'IN_HOUSE', 1);
  u.twoHolder = await unitIn(TWO, 'Tvåby hälsocentral', 'IN_HOUSE', 2);
  u.twoPrivate = await unitIn(TWO, 'Privata Tvåby', 'PRIVATE', 3);
  u.fix = await unitIn(FIX, 'Fastby hälsocentral', 'IN_HOUSE', 4);
  o.sole = await obligationFor(SOLE, u.sole);
  o.two = await obligationFor(TWO, u.twoHolder);
  o.fix = await obligationFor(FIX, u.fix);
  u.nom = await unitIn(NOM, 'Metodlösa hälsocentralen', 'IN_HOUSE', 5);
  o.nom = await obligationFor(NOM, u.nom);
});
afterAll(() => app?.close());

const fieldsOf = (res: { errors?: { extensions: Record<string, unknown> }[] }) => {
  expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  return res.errors![0].extensions.fields as { path: string; message: string }[];
};

const SET_ECONOMICS = `mutation($u: ID!, $y: Int!, $v: Int, $input: UnitEconomicsInput!) {
  setUnitEconomics(unitId: $u, year: $y, expectedVersion: $v, input: $input) {
    id version year capitation visitFees goalRelated vatCompensation other reimbursement fullCost source ownership unit { id } } }`;
const SET_METHOD = `mutation($o: ID!, $v: Int!, $input: CompensationMethodInput!) { setCompensationMethod(obligationId: $o, expectedVersion: $v, input: $input) {
  id version validFromYear method fixedAmount sharePercent capAmount decisionReference } }`;
const PROPOSAL = `query($o: ID!, $y: Int!) { compensationProposal(obligationId: $o, year: $y) {
  year amount fingerprint soleProvider unitCount missing reason method { version method }
  inputs { key amount number text source sourceDetail }
  decisionInForce { id amount } decisions { id } } }`;
const DECIDE = `mutation($input: DecideCompensationInput!) { decideCompensation(input: $input) {
  id year amount basis decisionReference decidedOn inForce unit { id } method { version } inputs { key amount }
  replaces { id amount inForce } replacedBy { id } obligation { id } } }`;

describe('unit economics', () => {
  it('stores hand-entered economics with an audit event, and CONFLICT on a stale version', async () => {
    const res = await reviewer.gql(SET_ECONOMICS, {
      u: u.sole,
      y: 2025,
      v: null,
      input: { capitation: 8_000_000, visitFees: 1_250_001, goalRelated: 400_000, other: 100_000, fullCost: 11_000_000 },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setUnitEconomics).toMatchObject({
      version: 1,
      year: 2025,
      capitation: 8_000_000,
      visitFees: 1_250_001,
      vatCompensation: 0,
      reimbursement: 9_750_001,
      fullCost: 11_000_000,
      source: 'MANUAL',
      ownership: 'IN_HOUSE',
      unit: { id: u.sole },
    });
    const id = res.data!.setUnitEconomics.id;
    const fixed = await reviewer.gql(SET_ECONOMICS, {
      u: u.sole,
      y: 2025,
      v: 1,
      input: { capitation: 8_000_000, visitFees: 1_250_001, goalRelated: 400_000, other: 100_000, fullCost: 12_000_000 },
    });
    expect(fixed.data!.setUnitEconomics).toMatchObject({ version: 2, fullCost: 12_000_000 });
    // The same figures again: nothing to store, no new version, no audit event.
    const same = await reviewer.gql(SET_ECONOMICS, {
      u: u.sole,
      y: 2025,
      v: 2,
      input: { capitation: 8_000_000, visitFees: 1_250_001, goalRelated: 400_000, other: 100_000, fullCost: 12_000_000 },
    });
    expect(same.errors).toBeUndefined();
    expect(same.data!.setUnitEconomics).toMatchObject({ version: 2, fullCost: 12_000_000, source: 'MANUAL' });
    const stale = await admin.gql(SET_ECONOMICS, { u: u.sole, y: 2025, v: 1, input: { capitation: 1 } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const none = await admin.gql(SET_ECONOMICS, { u: u.sole, y: 2025, v: null, input: { capitation: 1 } });
    expect(none.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const audit = await app.ds.query(`SELECT action, before, after FROM audit_event WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['UNIT_ECONOMICS_CREATED', 'UNIT_ECONOMICS_UPDATED']);
    expect(audit[1].before).toEqual({ unitId: u.sole, year: 2025, fullCost: 11_000_000 });
    expect(audit[1].after).toEqual({ unitId: u.sole, year: 2025, fullCost: 12_000_000 });
  });

  it('refuses VAT compensation for in-house units and full cost for others, by the database too', async () => {
    const before = await app.count('unit_economics');
    const vat = await admin.gql(SET_ECONOMICS, { u: u.twoHolder, y: 2025, input: { capitation: 5, vatCompensation: 10 } });
    expect(fieldsOf(vat)).toEqual([{ path: 'input.vatCompensation', message: 'In-house units get no VAT compensation' }]);
    const full = await admin.gql(SET_ECONOMICS, { u: u.twoPrivate, y: 2025, input: { capitation: 5, fullCost: 10 } });
    expect(fieldsOf(full)).toEqual([{ path: 'input.fullCost', message: 'Full cost is kept for in-house units only' }]);
    const bad = await admin.gql(SET_ECONOMICS, { u: u.twoPrivate, y: 2025, input: { capitation: -1, other: 400_000_001 } });
    expect(fieldsOf(bad)).toEqual([
      { path: 'input.capitation', message: 'The amount cannot be negative' },
      { path: 'input.other', message: 'At most 400 000 000 kronor' },
    ]);
    // Money is Int: öre never reach the service.
    const ore = await admin.gql(SET_ECONOMICS, { u: u.twoPrivate, y: 2025, input: { capitation: 1_000_000.5 } });
    expect(ore.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    await expect(
      app.ds.query(`INSERT INTO unit_economics (unit_id, year, vat_compensation, source) VALUES ($1, 2030, 5, 'MANUAL')`, [u.twoHolder]),
    ).rejects.toThrow(/VAT/);
    await expect(
      app.ds.query(`INSERT INTO unit_economics (unit_id, year, full_cost, source) VALUES ($1, 2030, 5, 'MANUAL')`, [u.twoPrivate]),
    ).rejects.toThrow(/full cost/);
    await expect(app.ds.query(`INSERT INTO unit_economics (unit_id, year, capitation, source) VALUES ($1, 2030, -5, 'MANUAL')`, [u.twoPrivate])).rejects.toThrow(
      /unit_economics_capitation_check/,
    );
    // The API's limit of 400 000 000 kronor a figure is the database's too.
    await expect(app.ds.query(`INSERT INTO unit_economics (unit_id, year, other, source) VALUES ($1, 2030, 400000001, 'MANUAL')`, [u.twoPrivate])).rejects.toThrow(
      /unit_economics_other_check/,
    );
    await expect(app.ds.query(`INSERT INTO unit_economics (unit_id, year, full_cost, source) VALUES ($1, 2030, 400000001, 'MANUAL')`, [u.twoHolder])).rejects.toThrow(
      /unit_economics_full_cost_check/,
    );
    expect(await app.count('unit_economics')).toBe(before);
    const ok = await admin.gql(SET_ECONOMICS, { u: u.twoPrivate, y: 2025, input: { capitation: 6_000_000, vatCompensation: 360_000 } });
    expect(ok.data!.setUnitEconomics).toMatchObject({ reimbursement: 6_360_000, fullCost: null, ownership: 'PRIVATE' });

    // Seen from the provider: it does not become in-house while its units have VAT compensation.
    const providerOf = (await app.one('SELECT p.id, p.version FROM provider p JOIN unit u ON u.provider_id = p.id WHERE u.id = $1', [u.twoPrivate])) as { id: string; version: number };
    const changed = await admin.gql('mutation($id: ID!, $v: Int!, $input: ProviderInput!) { updateProvider(id: $id, expectedVersion: $v, input: $input) { ownership } }', {
      id: providerOf.id,
      v: providerOf.version,
      input: { ownership: 'IN_HOUSE' },
    });
    expect(fieldsOf(changed)).toEqual([{ path: 'input.ownership', message: 'Its units have VAT compensation in their economics: correct the economics before making it in-house' }]);
    expect((await app.one('SELECT ownership FROM provider WHERE id = $1', [providerOf.id])).ownership).toBe('PRIVATE');
  });

  const IMPORT = 'mutation($csv: String!) { importUnitEconomics(csv: $csv) { rows units years } }';

  it('refuses an import with one bad row, listing every bad row, and stores nothing', async () => {
    const before = await app.ds.query('SELECT unit_id, year, capitation, version FROM unit_economics ORDER BY unit_id, year');
    const auditBefore = await app.count('audit_event');
    const csv = [
      'unit_id;year;capitation;visit_fees;goal_related;vat_compensation;other;full_cost',
      `${u.sole};2026;8 100 000,00;1 300 000;400 000;0;100 000;12 500 000`,
      `${u.twoHolder};2026;5 000 000;-3;0;0;0;`,
      `${u.twoPrivate};2026;6 000 000;900 000,000;0;360 000;0;`,
      `${u.twoPrivate};2027;400 000 001;0;0;0;0;`,
    ].join('\n');
    const res = await admin.gql(IMPORT, { csv });
    expect(fieldsOf(res)).toEqual([
      { path: 'csv.3.visit_fees', message: 'An amount in whole kronor, 0 or more (1 234 567)' },
      { path: 'csv.4.visit_fees', message: 'An amount in whole kronor, 0 or more (1 234 567)' },
      { path: 'csv.5.capitation', message: 'At most 400 000 000 kronor' },
    ]);
    // Rows that parse but break the rules of the unit are found too: VAT for in-house, full cost for private, an unknown unit.
    const rules = await admin.gql(IMPORT, {
      csv: `hsa_id,year,capitation,vat_compensation,full_cost\nSE2321000214-T1,2026,1,5,\nSE2321000214-T3,2026,1,0,7\nSE2321000214-X9,2026,1,0,\n`,
    });
    expect(fieldsOf(rules)).toEqual([
      { path: 'csv.2.vat_compensation', message: 'In-house units get no VAT compensation' },
      { path: 'csv.3.full_cost', message: 'Full cost is kept for in-house units only' },
      { path: 'csv.4.hsa_id', message: 'No such unit' },
    ]);
    const header = await admin.gql(IMPORT, { csv: 'unit_id;year;capitation;salary\n' });
    expect(fieldsOf(header)).toEqual([{ path: 'csv.1.salary', message: 'Unknown column "salary"' }]);
    expect(await app.ds.query('SELECT unit_id, year, capitation, version FROM unit_economics ORDER BY unit_id, year')).toEqual(before);
    expect(await app.count('audit_event')).toBe(auditBefore);
  });

  it('refuses a file with öre, naming the row and the column, and stores nothing', async () => {
    const before = await app.ds.query('SELECT unit_id, year, capitation, visit_fees, version FROM unit_economics ORDER BY unit_id, year');
    const auditBefore = await app.count('audit_event');
    const csv = [
      'hsa_id;year;capitation;visit_fees;goal_related;vat_compensation;other;full_cost',
      'SE2321000214-T1;2027;8 100 000;1 300 000;400 000;0;100 000;12 500 000',
      'SE2321000214-T2;2027;5 000 000;1 250 000,50;0;0;0;6 000 000',
      'SE2321000214-T3;2027;6 000 000;900 000;0;360 000.5;0;',
    ].join('\n');
    const res = await admin.gql(IMPORT, { csv });
    expect(fieldsOf(res)).toEqual([
      { path: 'csv.3.visit_fees', message: 'Whole kronor, without öre (1 234 567, not 1 234 567,50)' },
      { path: 'csv.4.vat_compensation', message: 'Whole kronor, without öre (1 234 567, not 1 234 567,50)' },
    ]);
    expect(res.errors![0].message).toBe('2 rows have errors; nothing was stored');
    expect(await app.ds.query('SELECT unit_id, year, capitation, visit_fees, version FROM unit_economics ORDER BY unit_id, year')).toEqual(before);
    expect(await app.count('unit_economics')).toBe(before.length);
    expect(await app.count('audit_event')).toBe(auditBefore);
  });

  it('stores a good file (BOM, `;`, spaces between thousands, a zero decimal part) in one go with one audit event, and leaves a stored row it repeats as it was', async () => {
    const csv = [
      '\uFEFFhsa_id;year;capitation;visit_fees;goal_related;vat_compensation;other;full_cost',
      'SE2321000214-T1;2026;8 100 000,00;1 300 000;400 000;0;100 000;12 500 000',
      'SE2321000214-T2;2026;5\u00a0000\u00a0000;700001.00;;;;6 000 000',
      'SE2321000214-T3;2026;6 000 000;900 000.0;0;360 000;0;',
      'SE2321000214-T1;2025;8 000 000;1 250 001,00;400 000;0;100 000;12 000 000',
    ].join('\r\n');
    const res = await reviewer.gql(IMPORT, { csv });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importUnitEconomics).toEqual({ rows: 4, units: 3, years: [2025, 2026] });
    const list = await auditor.gql(
      `query($f: UnitEconomicsFilter) { unitEconomics(year: 2026, filter: $f, first: 2) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { unit { name } visitFees reimbursement fullCost source version } } } }`,
      { f: { municipalityCode: null } },
    );
    expect(list.errors).toBeUndefined();
    const own = await auditor.gql(`query($u: ID!) { unitEconomics(year: 2026, filter: { unitId: $u }) { edges { node { visitFees goalRelated reimbursement fullCost source } } } }`, {
      u: u.twoHolder,
    });
    expect(own.data!.unitEconomics.edges).toEqual([{ node: { visitFees: 700_001, goalRelated: 0, reimbursement: 5_700_001, fullCost: 6_000_000, source: 'IMPORT' } }]);
    const stored = await app.one('SELECT capitation, visit_fees FROM unit_economics WHERE unit_id = $1 AND year = 2026', [u.twoHolder]);
    expect(stored).toEqual({ capitation: 5_000_000, visit_fees: 700_001 });
    const again = await auditor.gql(`query($u: ID!) { unitEconomics(year: 2025, filter: { unitId: $u }) { edges { node { version source } } } }`, { u: u.sole });
    // Ensamby 2025 had these figures already: it keeps its version and source, so a proposal
    // made on it stays the same.
    expect(again.data!.unitEconomics.edges).toEqual([{ node: { version: 2, source: 'MANUAL' } }]);
    const audit = await app.ds.query(`SELECT after FROM audit_event WHERE action = 'UNIT_ECONOMICS_IMPORTED' ORDER BY id`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ rows: 4, units: 3, years: [2025, 2026] });
    // Three rows are new; the fourth (Ensamby 2025) had these figures already.
    expect(audit[0].after.changes.map((c: any) => [c.unitId, c.year, c.before])).toEqual([
      [u.sole, 2026, null],
      [u.twoHolder, 2026, null],
      [u.twoPrivate, 2026, null],
    ]);
  });

  it('writes over stored economics only the columns the file has, and audits every changed row before and after', async () => {
    const before = await app.one('SELECT capitation, visit_fees, goal_related, other, full_cost, version FROM unit_economics WHERE unit_id = $1 AND year = 2026', [u.twoHolder]);
    expect(before).toEqual({ capitation: 5_000_000, visit_fees: 700_001, goal_related: 0, other: 0, full_cost: 6_000_000, version: 1 });
    const csv = 'hsa_id;year;visit_fees\nSE2321000214-T2;2026;800 000\nSE2321000214-T5;2028;50 000\nSE2321000214-T3;2026;900 000\n';
    const res = await admin.gql(IMPORT, { csv });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importUnitEconomics).toEqual({ rows: 3, units: 3, years: [2026, 2028] });
    // Capitation and full cost are not in the file: they stay.
    expect(await app.one('SELECT capitation, visit_fees, goal_related, other, full_cost, version FROM unit_economics WHERE unit_id = $1 AND year = 2026', [u.twoHolder])).toEqual({
      capitation: 5_000_000,
      visit_fees: 800_000,
      goal_related: 0,
      other: 0,
      full_cost: 6_000_000,
      version: 2,
    });
    // A new row gets 0 for the components left out and no full cost.
    expect(await app.one('SELECT capitation, visit_fees, full_cost FROM unit_economics WHERE unit_id = $1 AND year = 2028', [u.nom])).toEqual({ capitation: 0, visit_fees: 50_000, full_cost: null });
    const [audit] = await app.ds.query(`SELECT after FROM audit_event WHERE action = 'UNIT_ECONOMICS_IMPORTED' ORDER BY id DESC LIMIT 1`);
    expect(audit.after).toEqual({
      rows: 3,
      units: 3,
      years: [2026, 2028],
      columns: ['visitFees'],
      // Privata Tvåby 2026 had 900 000 already: not a change.
      changes: [
        { unitId: u.twoHolder, year: 2026, before: { visitFees: 700_001 }, after: { visitFees: 800_000 } },
        { unitId: u.nom, year: 2028, before: null, after: { capitation: 0, visitFees: 50_000, goalRelated: 0, vatCompensation: 0, other: 0, fullCost: null } },
      ],
    });
    expect(await app.one('SELECT version FROM unit_economics WHERE unit_id = $1 AND year = 2026', [u.twoPrivate])).toEqual({ version: 1 });
  });

  it('pages the economics of a year by unit name', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await auditor.gql(`query($a: String) { unitEconomics(year: 2026, first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id unit { name } } } } }`, {
        a: after,
      });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.unitEconomics.edges.map((e: any) => e.node.id));
      if (!page.data.unitEconomics.pageInfo.hasNextPage) {
        expect(seen).toHaveLength(page.data.unitEconomics.totalCount);
        break;
      }
      after = page.data.unitEconomics.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('methods and proposals', () => {
  it('keeps method versions append-only; the version in force is the highest valid from the year', async () => {
    const v1 = await admin.gql(SET_METHOD, { o: o.sole, v: 0, input: { validFromYear: 2024, method: 'SOLE_PROVIDER_DEFICIT', sharePercent: 80, capAmount: 2_000_000, decisionReference: 'RS/10/2024' } });
    expect(v1.errors).toBeUndefined();
    expect(v1.data!.setCompensationMethod).toMatchObject({ version: 1, method: 'SOLE_PROVIDER_DEFICIT', sharePercent: 80, capAmount: 2_000_000, fixedAmount: null });
    const v2 = await reviewer.gql(SET_METHOD, { o: o.sole, v: 1, input: { validFromYear: 2026, method: 'SOLE_PROVIDER_DEFICIT', capAmount: 1_500_000, decisionReference: 'RS/20/2025', note: 'Tak sänkt' } });
    expect(v2.data!.setCompensationMethod).toMatchObject({ version: 2, sharePercent: null, capAmount: 1_500_000 });
    await admin.gql(SET_METHOD, { o: o.two, v: 0, input: { validFromYear: 2024, method: 'SOLE_PROVIDER_DEFICIT', decisionReference: 'RS/11/2024' } });
    await admin.gql(SET_METHOD, { o: o.fix, v: 0, input: { validFromYear: 2024, method: 'FIXED_AMOUNT', fixedAmount: 750_000, decisionReference: 'RS/12/2024' } });

    const wrong = await admin.gql(SET_METHOD, { o: o.fix, v: 1, input: { validFromYear: 1999, method: 'FIXED_AMOUNT', sharePercent: 50, decisionReference: ' ' } });
    expect(fieldsOf(wrong).map((f) => f.path).sort()).toEqual(['input.decisionReference', 'input.fixedAmount', 'input.sharePercent', 'input.validFromYear']);
    const deficitWithFixed = await admin.gql(SET_METHOD, { o: o.fix, v: 1, input: { validFromYear: 2025, method: 'SOLE_PROVIDER_DEFICIT', fixedAmount: 5, decisionReference: 'x' } });
    expect(fieldsOf(deficitWithFixed)).toEqual([{ path: 'input.fixedAmount', message: 'Only for a fixed amount' }]);

    // Another editor added version 2 after this one saw version 1: CONFLICT, nothing stored.
    const methodsBefore = await app.count('compensation_method');
    const stale = await admin.gql(SET_METHOD, { o: o.sole, v: 1, input: { validFromYear: 2025, method: 'FIXED_AMOUNT', fixedAmount: 1, decisionReference: 'RS/99/2025' } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(stale.errors![0].message).toBe('Someone set a new method version since you opened it; reload');
    const fresh = await admin.gql(SET_METHOD, { o: o.nom, v: 1, input: { validFromYear: 2025, method: 'FIXED_AMOUNT', fixedAmount: 1, decisionReference: 'RS/99/2025' } });
    expect(fresh.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 0 });
    expect(await app.count('compensation_method')).toBe(methodsBefore);

    const versions = await auditor.gql(`query($o: ID!) { compensationMethods(obligationId: $o) { version validFromYear }
      lastResortObligation(id: $o) { compensationMethodForYear(year: 2025) { version } later: compensationMethodForYear(year: 2027) { version } early: compensationMethodForYear(year: 2023) { version } } }`, { o: o.sole });
    expect(versions.errors).toBeUndefined();
    expect(versions.data).toEqual({
      compensationMethods: [{ version: 1, validFromYear: 2024 }, { version: 2, validFromYear: 2026 }],
      lastResortObligation: { compensationMethodForYear: { version: 1 }, later: { version: 2 }, early: null },
    });
    await expect(app.ds.query(`UPDATE compensation_method SET cap_amount = 0 WHERE obligation_id = $1`, [o.sole])).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`DELETE FROM compensation_method WHERE obligation_id = $1`, [o.sole])).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`TRUNCATE compensation_method CASCADE`)).rejects.toThrow(/append-only/);
    await expect(
      app.ds.query(`INSERT INTO compensation_method (obligation_id, version, valid_from_year, method, decision_reference) VALUES ($1, 3, 2024, 'FIXED_AMOUNT', 'x')`, [o.sole]),
    ).rejects.toThrow(/compensation_method_shape_check/);
    for (const [column, constraint] of [['fixed_amount', 'fixed_amount'], ['cap_amount', 'cap_amount']]) {
      const method = column === 'fixed_amount' ? 'FIXED_AMOUNT' : 'SOLE_PROVIDER_DEFICIT';
      await expect(
        app.ds.query(`INSERT INTO compensation_method (obligation_id, version, valid_from_year, method, ${column}, decision_reference) VALUES ($1, 9, 2024, $2, 400000001, 'x')`, [o.sole, method]),
      ).rejects.toThrow(new RegExp(`compensation_method_${constraint}_check`));
    }
    const audit = await app.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'COMPENSATION_METHOD_CREATED'`);
    expect(audit[0].n).toBe(4);
    // The register is public, but the compensation fields are the region's.
    const anonymous = await app.gql(`query($o: ID!) { lastResortObligation(id: $o) { compensationMethods { version } } }`, { o: o.sole });
    expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('computes the sole-provider deficit on a worked example in whole kronor, showing every input', async () => {
    // Ensamby 2025: reimbursement 8 000 000 + 1 250 001 + 400 000 + 0 + 100 000 = 9 750 001 kr;
    // full cost 12 000 000 kr; deficit 2 249 999 kr; share 80 % → 1 799 999,2 kr, rounded to the
    // nearest krona: 1 799 999 kr; cap 2 000 000 kr not reached.
    const res = await auditor.gql(PROPOSAL, { o: o.sole, y: 2025 });
    expect(res.errors).toBeUndefined();
    const p = res.data!.compensationProposal;
    expect(p).toMatchObject({ year: 2025, amount: 1_799_999, soleProvider: true, unitCount: 1, missing: [], reason: null, method: { version: 1 }, decisionInForce: null });
    const value = (key: string) => p.inputs.find((i: any) => i.key === key);
    expect(p.inputs.map((i: any) => i.key)).toEqual([
      'METHOD', 'VALID_FROM_YEAR', 'SOLE_PROVIDER', 'UNIT_COUNT', 'CAPITATION', 'VISIT_FEES', 'GOAL_RELATED', 'VAT_COMPENSATION', 'OTHER',
      'REIMBURSEMENT', 'FULL_COST', 'DEFICIT', 'SHARE_PERCENT', 'DEFICIT_SHARE', 'CAP_AMOUNT', 'AMOUNT',
    ]);
    expect(value('METHOD')).toMatchObject({ text: 'SOLE_PROVIDER_DEFICIT', source: 'METHOD', sourceDetail: 'v1, RS/10/2024' });
    expect(value('SOLE_PROVIDER')).toMatchObject({ text: 'YES', source: 'COVERAGE' });
    expect(value('VISIT_FEES')).toMatchObject({ amount: 1_250_001, source: 'UNIT_ECONOMICS', sourceDetail: 'Ensamby hälsocentral 2025, v2 (MANUAL)' });
    expect(value('REIMBURSEMENT').amount).toBe(9_750_001);
    expect(value('FULL_COST').amount).toBe(12_000_000);
    expect(value('DEFICIT').amount).toBe(2_249_999);
    expect(value('SHARE_PERCENT').number).toBe(80);
    // The rounding is shown: the exact share and the whole kronor it became.
    expect(value('DEFICIT_SHARE')).toMatchObject({ amount: 1_799_999, number: 1_799_999.2, text: 'ROUNDED', source: 'CALCULATION' });
    expect(value('CAP_AMOUNT').amount).toBe(2_000_000);
    expect(value('AMOUNT').amount).toBe(1_799_999);

    // 2026 under version 2: deficit 12 500 000 − 9 900 000 = 2 600 000, share 100 %, capped at 1 500 000.
    const capped = (await auditor.gql(PROPOSAL, { o: o.sole, y: 2026 })).data!.compensationProposal;
    expect(capped).toMatchObject({ amount: 1_500_000, reason: 'CAPPED', method: { version: 2 } });
    expect(capped.inputs.find((i: any) => i.key === 'DEFICIT').amount).toBe(2_600_000);
    expect(capped.inputs.find((i: any) => i.key === 'SHARE_PERCENT')).toMatchObject({ number: 100, sourceDetail: 'v2, RS/20/2025 (100)' });
    expect(capped.inputs.find((i: any) => i.key === 'DEFICIT_SHARE')).toMatchObject({ amount: 2_600_000, number: 2_600_000, text: null });
  });

  it('rounds the share of a deficit to the nearest krona, half up, exactly', () => {
    // By hand: 2 249 999 × 50 % = 1 124 999,5 → 1 125 000 (half up); × 33,33 % = 749 924,6667 → 749 925;
    // × 12,5 % = 281 249,875 → 281 250; × 0,01 % = 224,9999 → 225; 1 × 50 % = 0,5 → 1; 3 × 0,5 % = 0,015 → 0.
    expect(shareOfDeficit(2_249_999, 50)).toEqual({ exact: 1_124_999.5, rounded: 1_125_000 });
    expect(shareOfDeficit(2_249_999, 33.33)).toEqual({ exact: 749_924.6667, rounded: 749_925 });
    expect(shareOfDeficit(2_249_999, 12.5)).toEqual({ exact: 281_249.875, rounded: 281_250 });
    expect(shareOfDeficit(2_249_999, 0.01)).toEqual({ exact: 224.9999, rounded: 225 });
    expect(shareOfDeficit(1, 50)).toEqual({ exact: 0.5, rounded: 1 });
    expect(shareOfDeficit(3, 0.5)).toEqual({ exact: 0.015, rounded: 0 });
    expect(shareOfDeficit(399_999_999, 99.99)).toEqual({ exact: 399_959_999.0001, rounded: 399_959_999 });

    // The same half-krona case through the method: 50 % of a deficit of 2 249 999 kr is 1 124 999,5 kr,
    // proposed as 1 125 000 kr, and the cap of 1 125 000 kr is not passed.
    const method = { id: 'm', obligationId: 'o', version: 1, validFromYear: 2024, method: 'SOLE_PROVIDER_DEFICIT', fixedAmount: null, sharePercent: 50, capAmount: 1_125_000, decisionReference: 'RS/1' } as CompensationMethod;
    const economics = { version: 1, source: 'MANUAL', capitation: 8_000_000, visitFees: 1_250_001, goalRelated: 400_000, vatCompensation: 0, other: 100_000, fullCost: 12_000_000 } as UnitEconomics;
    const half = computeProposal({ year: 2025, method, soleProvider: true, unitCount: 1, coverageDetail: 'Ensamby', holderName: 'Ensamby hälsocentral', economics });
    expect(half.amount).toBe(1_125_000);
    expect(half.reason).toBeNull();
    expect(half.inputs.find((i) => i.key === 'DEFICIT_SHARE')).toMatchObject({ amount: 1_125_000, number: 1_124_999.5, text: 'ROUNDED' });
    for (const i of half.inputs) if (i.amount !== null) expect(Number.isInteger(i.amount)).toBe(true);
  });

  it('gives a fixed amount, 0 when not sole provider, and names what is missing', async () => {
    const fixed = (await auditor.gql(PROPOSAL, { o: o.fix, y: 2025 })).data!.compensationProposal;
    expect(fixed).toMatchObject({ amount: 750_000, method: { method: 'FIXED_AMOUNT' }, missing: [] });
    expect(fixed.inputs.map((i: any) => i.key)).toEqual(['METHOD', 'VALID_FROM_YEAR', 'FIXED_AMOUNT', 'AMOUNT']);

    const two = (await auditor.gql(PROPOSAL, { o: o.two, y: 2025 })).data!.compensationProposal;
    expect(two).toMatchObject({ amount: 0, soleProvider: false, unitCount: 2, reason: 'NOT_SOLE_PROVIDER', missing: [] });
    expect(two.inputs.find((i: any) => i.key === 'SOLE_PROVIDER').text).toBe('NO');

    // FIX has no economics: a deficit method there misses them; Ensamby 2024 has no economics either.
    await admin.gql(SET_METHOD, { o: o.fix, v: 1, input: { validFromYear: 2026, method: 'SOLE_PROVIDER_DEFICIT', decisionReference: 'RS/13/2025' } });
    const noEconomics = (await auditor.gql(PROPOSAL, { o: o.fix, y: 2026 })).data!.compensationProposal;
    expect(noEconomics).toMatchObject({ amount: null, missing: ['ECONOMICS'], reason: 'MISSING_INPUTS' });
    await admin.gql(SET_ECONOMICS, { u: u.fix, y: 2026, input: { capitation: 3_000_000 } });
    const noFullCost = (await auditor.gql(PROPOSAL, { o: o.fix, y: 2026 })).data!.compensationProposal;
    expect(noFullCost).toMatchObject({ amount: null, missing: ['FULL_COST'], reason: 'MISSING_INPUTS' });
    expect(noFullCost.inputs.find((i: any) => i.key === 'FULL_COST').amount).toBeNull();

    const noMethod = (await auditor.gql(PROPOSAL, { o: o.nom, y: 2025 })).data!.compensationProposal;
    expect(noMethod).toMatchObject({ amount: null, method: null, soleProvider: true, missing: ['METHOD'], reason: 'NO_METHOD' });
    const outside = await auditor.gql(PROPOSAL, { o: o.sole, y: 2023 });
    expect(fieldsOf(outside)).toEqual([{ path: 'year', message: 'The obligation is not valid that year' }]);
  });

  it('lists one proposal per obligation of the year, in the same number of SQL statements whatever their number', async () => {
    const LIST = `query($y: Int!) { compensationProposals(year: $y) { amount missing obligation { id municipality { name } unit { name } choiceSystem { name } }
      method { version } inputs { key amount } decisionInForce { id amount replaces { id } replacedBy { id } method { version } } decisions { id inForce } } }`;
    let first: any;
    const before = await app.countSql(async () => (first = await auditor.gql(LIST, { y: 2025 })));
    expect(first.errors).toBeUndefined();
    const ids = first.data.compensationProposals.map((p: any) => p.obligation.id);
    expect(ids).toEqual(expect.arrayContaining([o.sole, o.two, o.fix]));
    // The demo region's 16 obligations and the four here.
    expect(ids).toHaveLength(20);
    for (let i = 0; i < 4; i++) {
      const code = `242${i}`;
      await app.ds.query(`INSERT INTO municipality (code, name, county_code, county_name) VALUES ($1, $2, '24', 'Testlän')`, [code, `Extra ${i}`]);
      const unit = await unitIn(code, `Extra hälsocentral ${i}`, 'IN_HOUSE', 20 + i);
      const ob = await obligationFor(code, unit);
      await admin.gql(SET_METHOD, { o: ob, v: 0, input: { validFromYear: 2024, method: 'SOLE_PROVIDER_DEFICIT', decisionReference: `RS/${i}` } });
      await admin.gql(SET_ECONOMICS, { u: unit, y: 2025, input: { capitation: 100, fullCost: 200 + i } });
    }
    let second: any;
    const after = await app.countSql(async () => (second = await auditor.gql(LIST, { y: 2025 })));
    expect(second.data.compensationProposals).toHaveLength(24);
    expect(after).toBe(before);
    expect(after).toBeLessThanOrEqual(16);
  });
});

describe('decisions', () => {
  let original: string;
  /** The fingerprint of the proposal as a decider opens it now. */
  const seen = async (obligationId: string, y: number): Promise<string> => (await reviewer.gql(PROPOSAL, { o: obligationId, y })).data!.compensationProposal.fingerprint;

  it('decides with the proposal\'s inputs and method version, audited', async () => {
    const res = await reviewer.gql(DECIDE, {
      input: {
        obligationId: o.sole,
        year: 2025,
        amount: 1_799_999,
        basis: 'Underskott enligt metod v1',
        decisionReference: 'RS/30/2026',
        decidedOn: '2026-02-10',
        fingerprint: await seen(o.sole, 2025),
      },
    });
    expect(res.errors).toBeUndefined();
    const d = res.data!.decideCompensation;
    expect(d).toMatchObject({ year: 2025, amount: 1_799_999, inForce: true, unit: { id: u.sole }, method: { version: 1 }, replaces: null, replacedBy: null, obligation: { id: o.sole } });
    expect(d.inputs.find((i: any) => i.key === 'DEFICIT').amount).toBe(2_249_999);
    original = d.id;
    const audit = await app.one(`SELECT action, after FROM audit_event WHERE entity_id = $1`, [original]);
    expect(audit).toMatchObject({ action: 'COMPENSATION_DECISION_CREATED', after: { obligationId: o.sole, year: 2025, amount: 1_799_999, proposedAmount: 1_799_999, replacesId: null } });
    // The snapshot of the inputs (jsonb) is in whole kronor too, with the rounding shown.
    const stored = await app.one(`SELECT amount, inputs FROM compensation_decision WHERE id = $1`, [original]);
    expect(stored.amount).toBe(1_799_999);
    expect(stored.inputs).toHaveLength(16);
    expect(stored.inputs.find((i: { key: string }) => i.key === 'DEFICIT_SHARE')).toMatchObject({ amount: 1_799_999, number: 1_799_999.2, text: 'ROUNDED' });
    expect(stored.inputs.find((i: { key: string }) => i.key === 'REIMBURSEMENT').amount).toBe(9_750_001);
  });

  it('is append-only in the database', async () => {
    await expect(app.ds.query(`UPDATE compensation_decision SET amount = 1 WHERE id = $1`, [original])).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`DELETE FROM compensation_decision WHERE id = $1`, [original])).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`TRUNCATE compensation_decision`)).rejects.toThrow(/append-only/);
    // A second original for the same obligation and year, and a replacement of another year, are refused by the database.
    await expect(
      app.ds.query(`INSERT INTO compensation_decision (obligation_id, year, amount, basis, decision_reference, decided_on) VALUES ($1, 2025, 1, 'x', 'y', '2026-01-01')`, [o.sole]),
    ).rejects.toThrow(/compensation_decision_original_key/);
    await expect(
      app.ds.query(`INSERT INTO compensation_decision (obligation_id, year, amount, basis, decision_reference, decided_on) VALUES ($1, 2024, 400000001, 'x', 'y', '2026-01-01')`, [o.sole]),
    ).rejects.toThrow(/compensation_decision_amount_check/);
    await expect(
      app.ds.query(
        `INSERT INTO compensation_decision (obligation_id, year, amount, basis, decision_reference, decided_on, replaces_id) VALUES ($1, 2024, 1, 'x', 'y', '2026-01-01', $2)`,
        [o.sole, original],
      ),
    ).rejects.toThrow(/compensation_decision_replaces_fkey/);
  });

  it('needs the decision in force named to replace it; CONFLICT when naming one already replaced', async () => {
    const before = await app.count('compensation_decision');
    const base = { obligationId: o.sole, year: 2025, basis: 'Rättat underlag', decisionReference: 'RS/31/2026', decidedOn: '2026-03-01', fingerprint: await seen(o.sole, 2025) };
    const unnamed = await reviewer.gql(DECIDE, { input: { ...base, amount: 1_700_000 } });
    expect(fieldsOf(unnamed)[0].path).toBe('input.replacesId');
    expect(await app.count('compensation_decision')).toBe(before);

    const corrected = await reviewer.gql(DECIDE, { input: { ...base, amount: 1_700_000, replacesId: original } });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.decideCompensation).toMatchObject({ amount: 1_700_000, inForce: true, replaces: { id: original, amount: 1_799_999, inForce: false } });
    const correctedId = corrected.data!.decideCompensation.id;

    const stale = await admin.gql(DECIDE, { input: { ...base, amount: 1_600_000, replacesId: original } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentDecisionId: correctedId });
    const foreign = await admin.gql(DECIDE, { input: { ...base, amount: 1_600_000, replacesId: '00000000-0000-4000-8000-000000000000' } });
    expect(fieldsOf(foreign)[0].path).toBe('input.replacesId');
    const bad = await admin.gql(DECIDE, { input: { ...base, amount: -5, basis: ' ', decisionReference: '' } });
    expect(fieldsOf(bad).map((f) => f.path)).toEqual(['input.amount', 'input.basis', 'input.decisionReference']);
    const badDate = await admin.gql(DECIDE, { input: { ...base, amount: 5, decidedOn: 'igår' } });
    expect(badDate.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await app.count('compensation_decision')).toBe(before + 1);

    const proposal = (await auditor.gql(PROPOSAL, { o: o.sole, y: 2025 })).data!.compensationProposal;
    expect(proposal.decisionInForce).toEqual({ id: correctedId, amount: 1_700_000 });
    expect(proposal.decisions.map((d: any) => d.id)).toEqual([original, correctedId]);
    const list = await auditor.gql(`{ compensationDecisions(year: 2025) { totalCount edges { node { id inForce replacedBy { id } } } } }`);
    const mine = list.data!.compensationDecisions.edges.map((e: any) => e.node).filter((n: any) => n.id === original || n.id === correctedId);
    expect(mine).toEqual([
      { id: original, inForce: false, replacedBy: { id: correctedId } },
      { id: correctedId, inForce: true, replacedBy: null },
    ]);
    const actions = await app.ds.query(`SELECT action FROM audit_event WHERE entity_type = 'CompensationDecision' AND entity_id = ANY($1::text[]) ORDER BY id`, [[original, correctedId]]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['COMPENSATION_DECISION_CREATED', 'COMPENSATION_DECISION_REPLACED']);
  });

  it('refuses a decision on a proposal that has changed since the decider opened it, storing nothing', async () => {
    // The fingerprint is stable: the same proposal gives the same one.
    const opened = await seen(o.fix, 2025);
    expect(opened).toMatch(/^[0-9a-f]{32}$/);
    expect(await seen(o.fix, 2025)).toBe(opened);
    // Meanwhile a new method version takes over from 2025: 800 000 instead of 750 000.
    const v3 = await admin.gql(SET_METHOD, { o: o.fix, v: 2, input: { validFromYear: 2025, method: 'FIXED_AMOUNT', fixedAmount: 800_000, decisionReference: 'RS/40/2026' } });
    expect(v3.errors).toBeUndefined();
    const now = await seen(o.fix, 2025);
    expect(now).not.toBe(opened);
    const before = await app.count('compensation_decision');
    const auditBefore = await app.count('audit_event');
    const input = { obligationId: o.fix, year: 2025, amount: 750_000, basis: 'Fast ersättning', decisionReference: 'RS/41/2026', decidedOn: '2026-04-01' };
    const stale = await reviewer.gql(DECIDE, { input: { ...input, fingerprint: opened } });
    expect(stale.errors![0].message).toBe('The proposal has changed since you opened it');
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentFingerprint: now });
    expect(await app.count('compensation_decision')).toBe(before);
    expect(await app.count('audit_event')).toBe(auditBefore);
    // On the proposal as it is now, the decision keeps what the decider saw.
    const ok = await reviewer.gql(DECIDE, { input: { ...input, amount: 800_000, fingerprint: now } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.decideCompensation).toMatchObject({ amount: 800_000, method: { version: 3 } });
    expect(ok.data!.decideCompensation.inputs.find((i: any) => i.key === 'FIXED_AMOUNT').amount).toBe(800_000);
  });

  it('waits for economics being stored for its year, and is refused when they change the proposal, also for a row that did not exist', async () => {
    // Nothing stored for Ensamby 2027 yet: the decider opens a proposal without economics.
    expect(await app.one('SELECT count(*)::int AS n FROM unit_economics WHERE unit_id = $1 AND year = 2027', [u.sole])).toEqual({ n: 0 });
    const opened = await seen(o.sole, 2027);
    const writer = app.ds.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      // Someone is storing Ensamby's 2027 economics, as every economics writer does.
      await lockEconomicsYears(writer.manager, [2027]);
      await writer.query(
        `INSERT INTO unit_economics (unit_id, year, capitation, visit_fees, goal_related, vat_compensation, other, full_cost, source)
         VALUES ($1, 2027, 9000000, 0, 0, 0, 0, 11000000, 'MANUAL')`,
        [u.sole],
      );
      const before = await app.count('compensation_decision');
      const deciding = reviewer.gql(DECIDE, {
        input: { obligationId: o.sole, year: 2027, amount: 1, basis: 'Underskott', decisionReference: 'RS/50/2027', decidedOn: '2027-03-01', fingerprint: opened },
      });
      // The decision waits for the economics of its year…
      for (let i = 0; ; i++) {
        const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'advisory' AND datname = current_database()`);
        if (n > 0) break;
        if (i > 200) throw new Error('the decision did not wait for the economics');
        await new Promise((r) => setTimeout(r, 10));
      }
      await writer.commitTransaction();
      // …and recomputes on what was stored meanwhile: not the proposal the decider saw.
      const res = await deciding;
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
      expect(res.errors![0].extensions.currentFingerprint).toBe(await seen(o.sole, 2027));
      expect(await app.count('compensation_decision')).toBe(before);
    } finally {
      if (writer.isTransactionActive) await writer.rollbackTransaction();
      await writer.release();
    }
  });

  it('refuses a year the obligation is not valid in', async () => {
    await app.ds.query(`UPDATE last_resort_obligation SET valid_to = '2026-12-31' WHERE id = $1`, [o.two]);
    const res = await admin.gql(DECIDE, { input: { obligationId: o.two, year: 2027, amount: 0, basis: 'x', decisionReference: 'y', decidedOn: '2027-01-01', fingerprint: 'x' } });
    expect(fieldsOf(res)).toEqual([{ path: 'input.year', message: 'The obligation is not valid that year' }]);
  });
});

describe('obligation changes after decisions', () => {
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: LastResortObligationInput!) {
    updateLastResortObligation(id: $id, expectedVersion: $v, input: $input) { id unit { id } validFrom validTo } }`;
  const END = `mutation($id: ID!, $v: Int!, $to: LocalDate!) { endLastResortObligation(id: $id, expectedVersion: $v, validTo: $to) { validTo } }`;
  const version = async (id: string): Promise<number> => (await app.one('SELECT version FROM last_resort_obligation WHERE id = $1', [id])).version;

  it('keeps the holder on each decision, so a later change of the obligation does not rewrite who was compensated', async () => {
    const list = await auditor.gql(`{ compensationDecisions(year: 2025) { edges { node { obligation { id } unit { id } } } } }`);
    expect(list.errors).toBeUndefined();
    const sole = list.data!.compensationDecisions.edges.map((e: any) => e.node).filter((n: any) => n.obligation.id === o.sole);
    expect(sole).toEqual([
      { obligation: { id: o.sole }, unit: { id: u.sole } },
      { obligation: { id: o.sole }, unit: { id: u.sole } },
    ]);
    // The database refuses a decision about another unit than the obligation's holder.
    await expect(
      app.ds.query(`INSERT INTO compensation_decision (obligation_id, year, unit_id, amount, basis, decision_reference, decided_on) VALUES ($1, 2024, $2, 1, 'x', 'y', '2026-01-01')`, [
        o.sole,
        u.twoHolder,
      ]),
    ).rejects.toThrow(/holder of the obligation/);
  });

  it('refuses a new holder, and dates that leave decided years or method versions outside the obligation, storing nothing', async () => {
    const [other] = await app.ds.query(
      `INSERT INTO unit (provider_id, municipality_code, name, kind, hsa_id) SELECT provider_id, municipality_code, 'Ensamby filial', 'HEALTH_CENTRE', 'SE2321000214-T30'
         FROM unit WHERE id = $1 RETURNING id`,
      [u.sole],
    );
    const v = await version(o.sole);
    const auditBefore = await app.count('audit_event');
    const holder = await admin.gql(UPDATE, { id: o.sole, v, input: { unitId: other.id } });
    expect(fieldsOf(holder)).toEqual([{ path: 'input.unitId', message: 'The holder has compensation decided; end this obligation and start a new one' }]);
    // 2025 has decisions: the obligation may neither start after it nor end before it.
    const late = await admin.gql(UPDATE, { id: o.sole, v, input: { validFrom: '2026-01-01' } });
    expect(fieldsOf(late)).toEqual([{ path: 'input.validFrom', message: 'Compensation is decided for 2025; the obligation must stay valid that year' }]);
    const early = await admin.gql(UPDATE, { id: o.sole, v, input: { validTo: '2024-12-31' } });
    expect(fieldsOf(early)).toEqual([{ path: 'input.validTo', message: 'Compensation is decided for 2025; the obligation must stay valid that year' }]);
    const ended = await admin.gql(END, { id: o.sole, v, to: '2024-06-30' });
    expect(fieldsOf(ended)).toEqual([{ path: 'validTo', message: 'Compensation is decided for 2025; the obligation must stay valid that year' }]);
    // Method version 2 applies from 2026.
    const method = await admin.gql(END, { id: o.sole, v, to: '2025-12-31' });
    expect(fieldsOf(method)).toEqual([{ path: 'validTo', message: 'A compensation method applies from 2026; the obligation must stay valid that year' }]);
    expect(await version(o.sole)).toBe(v);
    expect(await app.count('audit_event')).toBe(auditBefore);
    // Within the decided years and method versions, other changes are fine.
    const ok = await admin.gql(END, { id: o.sole, v, to: '2026-12-31' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.endLastResortObligation).toEqual({ validTo: '2026-12-31' });
    const minimum = await admin.gql(UPDATE, { id: o.sole, v: v + 1, input: { minimumService: 'Öppet fyra dagar i veckan' } });
    expect(minimum.errors).toBeUndefined();
  });
});

describe('access', () => {
  it('refuses providers and anonymous callers every operation, and the auditor every change', async () => {
    const reads = [
      ['{ unitEconomics(year: 2025) { totalCount } }', {}],
      ['{ compensationProposals(year: 2025) { amount } }', {}],
      ['query($o: ID!) { compensationProposal(obligationId: $o, year: 2025) { amount } }', { o: o.sole }],
      ['{ compensationDecisions(year: 2025) { totalCount } }', {}],
      ['query($o: ID!) { compensationMethods(obligationId: $o) { version } }', { o: o.sole }],
    ] as const;
    const writes = [
      [SET_ECONOMICS, { u: u.twoPrivate, y: 2027, input: { capitation: 1 } }],
      ['mutation { importUnitEconomics(csv: "unit_id;year;capitation") { rows } }', {}],
      [SET_METHOD, { o: o.two, v: 1, input: { validFromYear: 2027, method: 'FIXED_AMOUNT', fixedAmount: 1, decisionReference: 'x' } }],
      [DECIDE, { input: { obligationId: o.two, year: 2024, amount: 1, basis: 'x', decisionReference: 'y', decidedOn: '2025-01-01', fingerprint: 'x' } }],
    ] as const;
    const before = await app.count('audit_event');
    for (const [doc, vars] of [...reads, ...writes]) {
      expect((await app.gql(doc, vars)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await provider.gql(doc, vars)).errors![0].extensions.code).toBe('FORBIDDEN');
    }
    for (const [doc, vars] of reads) expect((await auditor.gql(doc, vars)).errors).toBeUndefined();
    for (const [doc, vars] of writes) expect((await auditor.gql(doc, vars)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await app.count('audit_event')).toBe(before);
  });
});
