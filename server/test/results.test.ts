import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';
import { CANARY, P0, P1, scenario, type Scenario } from './support/published.js';

/**
 * The public pages' queries: no login, nothing but published values (current versions),
 * accepted responses, assessments of published reports and master data.
 */

let app: TestApp;
let s: Scenario;
const unitOf: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  s = await scenario(app.ds);
  for (const ref of ['UB-HV-2024-01', 'UB-HV-2024-02', 'UB-HV-2024-03', 'UB-HV-2024-04', 'LOV-HV-2017-011', 'LOV-HV-2021-015']) {
    unitOf[ref] = (await app.one(`SELECT au.unit_id FROM agreement_unit au JOIN agreement a ON a.id = au.agreement_id WHERE a.reference = $1`, [ref])).unit_id;
  }
  unitOf.hammerdal = (await app.one(`SELECT id FROM unit WHERE name = 'Hammerdals hälsocentral'`)).id;
  // The region's assessment of goal M1 in UB-HV-2024-01's published report, and its accepted response;
  // a pending response and an assessment of a report not published stay out.
  const goal = (await app.one(`SELECT goal_id FROM question WHERE id = $1`, [s.f.template.q.P])).goal_id;
  const assess = async (reportId: string, rating: string, motivation: string) => {
    const d = await app.one(
      `INSERT INTO report_decision (report_id, template_id, kind, decided_by, decided_at) SELECT id, template_id, 'APPROVED', $2, now() - interval '5 days' FROM report WHERE id = $1 RETURNING id`,
      [reportId, s.f.reviewerId],
    );
    await app.ds.query(`INSERT INTO goal_assessment (decision_id, report_id, goal_id, rating, motivation) VALUES ($1, $2, $3, $4, $5)`, [d.id, reportId, goal, rating, motivation]);
  };
  await assess(s.reports.in1, 'MET', 'Tillgängligheten når målet.');
  await assess(s.reports.approved, 'NOT_MET', 'Opublicerad bedömning');
  const provider = (await app.one(`SELECT provider_id FROM report WHERE id = $1`, [s.reports.in1])).provider_id;
  await app.ds.query(
    `INSERT INTO public_response (report_id, provider_id, body, status, submitted_by, decided_by, decided_at)
     VALUES ($1, $2, 'Vi arbetar vidare med telefontillgängligheten.', 'ACCEPTED', $3, $3, now())`,
    [s.reports.in1, provider, s.f.reviewerId],
  );
  await app.ds.query(
    `INSERT INTO public_response (report_id, provider_id, body, status, submitted_by) VALUES ($1, $2, 'Väntande svar som inte visas', 'PENDING', $3)`,
    [s.reports.in2, (await app.one(`SELECT provider_id FROM report WHERE id = $1`, [s.reports.in2])).provider_id, s.f.reviewerId],
  );
});
afterAll(() => app?.close());

const COMPARISON = /* GraphQL */ `
  query($code: String!, $period: String!, $m: String) {
    publicComparison(indicatorCode: $code, period: $period, municipalityCode: $m) {
      indicator { code name definition }
      period
      rows { unitId unitName jointly providerId providerName ownership municipalityCode value target colour suppressed }
      byOwnership { ownership count mean median }
    }
  }`;

const UNIT = /* GraphQL */ `
  query($id: ID!) {
    publicUnit(id: $id) {
      unit { id name kind ownership providerName municipality { code name } keyIndicators { indicator { code } value period } }
      periods
      results { id indicator { code } questionCode question period value text flag target colour suppressed suppressionReason corrected publishedAt }
      series { indicator { code direction } trend values { period value colour } }
      assessments { goal { code title } rating motivation period assessedAt }
      response { period body providerName acceptedAt }
      responses { period body }
      corrections { indicator { code } questionCode period oldValue newValue oldSuppressed newSuppressed version date reason }
      jointUnits
      indicators { code name definition unit direction }
    }
  }`;

describe('publicComparison', () => {
  it('lists every published value of the indicator and period side by side, suppressed ones without a number', async () => {
    const res = await app.gql(COMPARISON, { code: 'RES-PCT', period: P1 });
    expect(res.errors).toBeUndefined();
    const c = res.data!.publicComparison;
    expect(c.indicator.code).toBe('RES-PCT');
    expect(c.period).toBe(P1);
    const values = c.rows.map((r: any) => [r.ownership, r.value, r.suppressed]).sort((a: any, b: any) => `${a}`.localeCompare(`${b}`));
    expect(values).toEqual(
      [
        ['IN_HOUSE', 75, false],
        ['IN_HOUSE', 88, false], // the corrected value, not the 90 first published
        ['IN_HOUSE', null, true],
        ['PRIVATE', 80, false],
        ['PRIVATE', 70, false],
        ['PRIVATE', 95, false],
        ['PRIVATE', 60, false],
        ['NON_PROFIT', 90, false],
      ].sort((a, b) => `${a}`.localeCompare(`${b}`)),
    );
    const suppressed = c.rows.find((r: any) => r.suppressed);
    expect(suppressed).toMatchObject({ unitId: unitOf['UB-HV-2024-03'], value: null, colour: null, target: 80 });
    const hede = c.rows.find((r: any) => r.unitId === unitOf['LOV-HV-2017-011']);
    expect(hede).toMatchObject({ unitName: 'Hede hälsocentral', providerName: 'Hede Läkarhus AB', jointly: false, value: 80, target: 80, colour: 'GREEN', municipalityCode: '2361' });
    expect(c.rows.find((r: any) => r.value === 75).colour).toBe('AMBER');
    expect(c.rows.find((r: any) => r.value === 60).colour).toBe('RED');
  });

  it('shows a joint report as one row under its first unit by name, listing its units', async () => {
    const c = (await app.gql(COMPARISON, { code: 'RES-PCT', period: P1 })).data!.publicComparison;
    const joint = c.rows.filter((r: any) => r.jointly);
    expect(joint).toEqual([
      expect.objectContaining({
        unitId: unitOf.hammerdal,
        unitName: 'Hammerdals hälsocentral, Hotings hälsocentral, Offerdals hälsocentral',
        providerName: 'Jämtvård Hälsocentraler AB',
        municipalityCode: '2313', // two of its three units are in Strömsund
        value: 60,
      }),
    ]);
  });

  it('aggregates per ownership as computed by hand: count of unsuppressed values, mean and median', async () => {
    const c = (await app.gql(COMPARISON, { code: 'RES-PCT', period: P1 })).data!.publicComparison;
    const by = Object.fromEntries(c.byOwnership.map((a: any) => [a.ownership, a]));
    expect(c.byOwnership.map((a: any) => a.ownership)).toEqual(['IN_HOUSE', 'PRIVATE', 'NON_PROFIT']);
    // In-house 75 and 88 (the suppressed value counts for nothing).
    expect(by.IN_HOUSE.count).toBe(2);
    expect(by.IN_HOUSE.mean).toBeCloseTo((75 + 88) / 2, 10);
    expect(by.IN_HOUSE.median).toBeCloseTo(81.5, 10);
    // Private 80, 70, 95, 60: mean 76.25, median (70 + 80) / 2.
    expect(by.PRIVATE.count).toBe(4);
    expect(by.PRIVATE.mean).toBeCloseTo((80 + 70 + 95 + 60) / 4, 10);
    expect(by.PRIVATE.median).toBeCloseTo(75, 10);
    expect(by.NON_PROFIT).toEqual({ ownership: 'NON_PROFIT', count: 1, mean: 90, median: 90 });
  });

  it('filters by municipality', async () => {
    const all = (await app.gql(COMPARISON, { code: 'RES-PCT', period: P1 })).data!.publicComparison.rows;
    for (const code of ['2313', '2361', '2380']) {
      const c = (await app.gql(COMPARISON, { code: 'RES-PCT', period: P1, m: code })).data!.publicComparison;
      expect(c.rows.length).toBe(all.filter((r: any) => r.municipalityCode === code).length);
      for (const r of c.rows) expect(r.municipalityCode).toBe(code);
      expect(c.byOwnership.reduce((n: number, a: any) => n + a.count, 0)).toBe(c.rows.filter((r: any) => !r.suppressed).length);
    }
  });

  it('refuses a period that is not one and answers NOT_FOUND for an unknown indicator', async () => {
    const bad = await app.gql(COMPARISON, { code: 'RES-PCT', period: '2031-X9' });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'period' }] });
    const missing = await app.gql(COMPARISON, { code: 'FINNS-INTE', period: P1 });
    expect(missing.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('runs the same number of SQL statements whatever the number of rows', async () => {
    const few = await app.countSql(() => app.gql(COMPARISON, { code: 'RES-PCT', period: P0 }));
    const many = await app.countSql(() => app.gql(COMPARISON, { code: 'RES-PCT', period: P1 }));
    expect(many).toBe(few);
  });
});

describe('publicUnits', () => {
  const UNITS = /* GraphQL */ `
    query($m: String, $o: [Ownership!]) {
      publicUnits(municipalityCode: $m, ownership: $o) {
        id name kind ownership providerName municipality { code name }
        keyIndicators { indicator { code name } questionCode period value target colour suppressed }
      }
    }`;

  it('lists units with the latest period\'s key values, in template order', async () => {
    const res = await app.gql(UNITS);
    expect(res.errors).toBeUndefined();
    const units = res.data!.publicUnits;
    const in1 = units.find((u: any) => u.id === unitOf['UB-HV-2024-01']);
    expect(in1.ownership).toBe('IN_HOUSE');
    expect(in1.keyIndicators).toEqual([
      { indicator: { code: 'RES-PCT', name: 'Testindikator RES-PCT' }, questionCode: 'P', period: P1, value: 75, target: 80, colour: 'AMBER', suppressed: false },
      { indicator: { code: 'RES-CNT', name: 'Testindikator RES-CNT' }, questionCode: 'N', period: P1, value: 12, target: null, colour: null, suppressed: false },
    ]);
    const in3 = units.find((u: any) => u.id === unitOf['UB-HV-2024-03']);
    expect(in3.keyIndicators.map((k: any) => [k.questionCode, k.value, k.suppressed])).toEqual([
      ['P', null, true],
      ['N', null, true],
    ]);
    // A joint report's values belong to each of its units.
    const hammerdal = units.find((u: any) => u.id === unitOf.hammerdal);
    expect(hammerdal.keyIndicators.map((k: any) => k.value)).toEqual([60]);
    // Not published: nothing of UB-HV-2024-04's approved report.
    expect(units.find((u: any) => u.id === unitOf['UB-HV-2024-04']).keyIndicators.filter((k: any) => k.period === P1)).toEqual([]);
  });

  it('filters by municipality and ownership', async () => {
    const res = await app.gql(UNITS, { m: '2361', o: ['PRIVATE', 'NON_PROFIT'] });
    const units = res.data!.publicUnits;
    expect(units.length).toBeGreaterThan(1);
    for (const u of units) {
      expect(u.municipality.code).toBe('2361');
      expect(['PRIVATE', 'NON_PROFIT']).toContain(u.ownership);
    }
    expect(units.map((u: any) => u.name)).toEqual([...units.map((u: any) => u.name)].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await app.gql(UNITS, { m: '23' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'municipalityCode' }] });
  });

  it('runs the same number of SQL statements for one municipality and for the whole region', async () => {
    let few: any;
    let all: any;
    const withFew = await app.countSql(async () => (few = await app.gql(UNITS, { m: '2361' })));
    const withAll = await app.countSql(async () => (all = await app.gql(UNITS)));
    expect(all.data.publicUnits.length).toBeGreaterThan(few.data.publicUnits.length * 3);
    expect(withAll).toBe(withFew);
  });
});

describe('publicUnit', () => {
  it('shows results per period with target and colour, the trend, assessments, the accepted response and indicator definitions', async () => {
    const res = await app.gql(UNIT, { id: unitOf['UB-HV-2024-01'] });
    expect(res.errors).toBeUndefined();
    const d = res.data!.publicUnit;
    expect(d.unit).toMatchObject({ id: unitOf['UB-HV-2024-01'], ownership: 'IN_HOUSE', providerName: 'Primärvården Region Jämtland Härjedalen' });
    expect(d.periods.slice(0, 2)).toEqual([P1, P0]);
    const mine = d.results.filter((r: any) => [P0, P1].includes(r.period));
    expect(mine.map((r: any) => [r.period, r.questionCode, r.value ?? r.text])).toEqual([
      [P1, 'P', 75],
      [P1, 'N', 12],
      [P1, 'T', 'Vi har öppnat en kvällsmottagning.'],
      [P0, 'P', 70],
      [P0, 'N', 14],
    ]);
    expect(mine[0]).toMatchObject({ indicator: { code: 'RES-PCT' }, target: 80, colour: 'AMBER', suppressed: false, corrected: false });
    const series = d.series.find((x: any) => x.indicator.code === 'RES-PCT');
    expect(series.values.filter((v: any) => [P0, P1].includes(v.period)).map((v: any) => [v.period, v.value, v.colour])).toEqual([
      [P0, 70, 'AMBER'],
      [P1, 75, 'AMBER'],
    ]);
    expect(series.trend).toBe('IMPROVING');
    expect(d.series.find((x: any) => x.indicator.code === 'RES-CNT').trend).toBe('IMPROVING'); // 14 → 12, lower is better
    expect(d.assessments.filter((a: any) => [P0, P1].includes(a.period))).toEqual([expect.objectContaining({ goal: expect.objectContaining({ code: 'M1' }), rating: 'MET', motivation: 'Tillgängligheten når målet.', period: P1 })]);
    expect(d.response).toMatchObject({ period: P1, body: 'Vi arbetar vidare med telefontillgängligheten.', providerName: 'Primärvården Region Jämtland Härjedalen' });
    expect(d.responses.filter((r: any) => [P0, P1].includes(r.period))).toHaveLength(1);
    expect(d.corrections.filter((c: any) => [P0, P1].includes(c.period))).toEqual([]);
    expect(d.jointUnits).toEqual([]);
    expect(d.indicators.map((i: any) => i.code)).toEqual(expect.arrayContaining(['RES-PCT', 'RES-CNT']));
    expect(d.indicators.find((i: any) => i.code === 'RES-PCT')).toMatchObject({ definition: 'Andel patienter som fick det de behövde.', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER' });
  });

  it('shows the current value and the correction log with old and new value, date and reason', async () => {
    const d = (await app.gql(UNIT, { id: unitOf['UB-HV-2024-02'] })).data!.publicUnit;
    const p = d.results.find((r: any) => r.period === P1 && r.questionCode === 'P');
    expect(p).toMatchObject({ value: 88, corrected: true });
    expect(d.corrections.filter((c: any) => c.period === P1)).toEqual([
      {
        indicator: { code: 'RES-PCT' },
        questionCode: 'P',
        period: P1,
        oldValue: 90,
        newValue: 88,
        oldSuppressed: false,
        newSuppressed: false,
        version: 2,
        date: new Date(Date.UTC(2031, 6, 20, 8)).toISOString(),
        reason: 'Nämnaren var felräknad',
      },
    ]);
    // A pending response is not shown.
    expect(d.response).toBeNull();
  });

  it('shows a joint report on each of its units, naming them', async () => {
    const d = (await app.gql(UNIT, { id: unitOf.hammerdal })).data!.publicUnit;
    expect(d.jointUnits).toEqual(['Hammerdals hälsocentral', 'Hotings hälsocentral', 'Offerdals hälsocentral']);
    expect(d.results.filter((r: any) => r.indicator?.code === 'RES-PCT').map((r: any) => [r.period, r.value])).toEqual([
      [P1, 60],
      [P0, 55],
    ]);
  });

  it('answers NOT_FOUND for an id that names no unit', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'inte-ett-id']) {
      const res = await app.gql(UNIT, { id });
      expect(res.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    }
  });

  it('runs the same number of SQL statements for a unit with few and with many values', async () => {
    const few = await app.countSql(() => app.gql(UNIT, { id: unitOf['LOV-HV-2017-011'] }));
    const many = await app.countSql(() => app.gql(UNIT, { id: unitOf['UB-HV-2024-01'] }));
    expect(many).toBe(few);
  });
});

describe('pickers', () => {
  it('lists the published periods, newest first, and the indicators with published values', async () => {
    const res = await app.gql('{ publicPeriods publicIndicators { code } inPeriod: publicIndicators(period: "2030-H2") { code } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.publicPeriods.slice(0, 2)).toEqual([P1, P0]);
    expect(res.data!.publicIndicators.map((i: any) => i.code)).toEqual(expect.arrayContaining(['RES-PCT', 'RES-CNT']));
    expect(res.data!.inPeriod.map((i: any) => i.code).sort()).toEqual(['RES-CNT', 'RES-PCT']);
  });
});

describe('the canary', () => {
  it('never shows a confidential, unpublished or small value, nor text that is not public, on any public query or download', async () => {
    const bodies: string[] = [];
    const keep = async (p: Promise<unknown>) => bodies.push(JSON.stringify(await p));
    const units = (await app.gql('{ publicUnits { id } }')).data!.publicUnits;
    await keep(app.gql('{ publicUnits { id name keyIndicators { value text target suppressed } } publicPeriods publicIndicators { code } }'));
    for (const u of units) await keep(app.gql(UNIT, { id: u.id }));
    for (const period of [P0, P1]) {
      for (const code of ['RES-PCT', 'RES-CNT']) await keep(app.gql(COMPARISON, { code, period }));
    }
    for (const path of ['/open-data/facts.csv', '/open-data/facts.json', `/open-data/facts.csv?periods=${P1}`]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      bodies.push(await res.text());
    }
    const everything = bodies.join('\n');
    // What the public does see (so the check looks at real pages).
    expect(everything).toContain('Vi har öppnat en kvällsmottagning.');
    expect(everything).toContain('Vi arbetar vidare med telefontillgängligheten.');
    for (const canary of Object.values(CANARY)) {
      expect(everything).not.toContain(String(canary));
      expect(everything).not.toContain(String(canary).slice(0, 6));
    }
    expect(everything).not.toContain('Intern text som inte publiceras');
    expect(everything).not.toContain('Väntande svar som inte visas');
    expect(everything).not.toContain('Opublicerad bedömning');
    // The values themselves are in the database (the check would have found them).
    const answers = JSON.stringify(await app.ds.query('SELECT value FROM answer'));
    for (const canary of Object.values(CANARY)) expect(answers).toContain(String(canary));
  });
});

describe('caching', () => {
  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });

  it('lets anyone cache a public GET query for a minute, and nothing else', async () => {
    const page = await get(`{ publicComparison(indicatorCode: "RES-PCT", period: "${P1}") { rows { value } } publicPeriods municipalities { name } }`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('public, max-age=60');
    expect(((await page.json()) as any).data.publicPeriods[0]).toBe(P1);

    const post = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ publicPeriods }' }) });
    expect(post.headers.get('cache-control')).toBe('no-store');
    // Not only public fields, an error, or an API token: not cacheable.
    expect((await get('{ publicPeriods viewer { email } }')).headers.get('cache-control')).toBe('no-store');
    expect((await get('{ publicUnit(id: "00000000-0000-4000-8000-000000000000") { periods } }')).headers.get('cache-control')).toBe('no-store');
    expect((await get('{ publicPeriods }', { authorization: 'Bearer insyn_inte-en-nyckel' })).headers.get('cache-control')).toBe('no-store');
  });
});
