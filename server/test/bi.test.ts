import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { loginActors, type Actors } from './support/actors.js';
import { CANARY, P0, P1, reportWith, scenario, type Scenario } from './support/published.js';

/**
 * The BI read model: indicatorFacts and indicatorAggregates for ANALYST tokens and the region's
 * sessions; suppression for everyone but ADMIN, REVIEWER and AUDITOR.
 */

let app: TestApp;
let actors: Actors;
let s: Scenario;
let pendingReport: string;

const MINE = { indicatorCodes: ['RES-PCT', 'RES-CNT'] };
const FACTS = /* GraphQL */ `
  query($filter: FactFilter, $first: Int, $after: String) {
    indicatorFacts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id indicatorCode indicatorName period providerId providerName ownership unitId unitName municipalityCode municipalityName
        value numerator denominator target suppressed status publishedAt updatedAt
      } }
    }
  }`;
const AGGREGATES = /* GraphQL */ `
  query($filter: FactFilter, $groupBy: [FactDimension!]!) {
    indicatorAggregates(filter: $filter, groupBy: $groupBy) { key { dimension value label } count mean min max median sum }
  }`;

async function allFacts(client: Client, filter: Record<string, unknown>, first = 500): Promise<any[]> {
  const out: any[] = [];
  let after: string | null = null;
  for (;;) {
    const res: any = await client.gql(FACTS, { filter, first, after });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    out.push(...res.data.indicatorFacts.edges.map((e: any) => e.node));
    if (!res.data.indicatorFacts.pageInfo.hasNextPage) return out;
    after = res.data.indicatorFacts.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
  s = await scenario(app.ds);
  // Not yet published: a confidentiality request granted, and one not decided yet.
  pendingReport = await reportWith(app.ds, s.f, 'UB-HV-2024-06', P1, 'SUBMITTED', {
    P: { value: { numerator: CANARY.confidential, denominator: 10_000_000 }, confidential: { granted: true } },
    N: { value: 543219, confidential: {} },
  });
});
afterAll(() => app?.close());

describe('indicatorFacts', () => {
  it('gives one fact per current published indicator value, with its dimensions', async () => {
    const facts = await allFacts(actors.clients.ANALYST_TOKEN, MINE);
    // RES-PCT: 8 in 2031-H1 (Stugun's is confidential), 2 in 2030-H2; RES-CNT: 4 and 1.
    expect(facts).toHaveLength(15);
    for (const fact of facts) expect(fact.status).toBe('PUBLISHED');
    const hede = facts.find((x) => x.indicatorCode === 'RES-PCT' && x.unitName === 'Hede hälsocentral');
    expect(hede).toMatchObject({
      id: `${s.reports.hede}:${s.f.template.q.P}`,
      indicatorName: 'Testindikator RES-PCT',
      period: P1,
      providerName: 'Hede Läkarhus AB',
      ownership: 'PRIVATE',
      municipalityCode: '2361',
      value: 80,
      numerator: 16,
      denominator: 20,
      target: 80,
      suppressed: false,
      publishedAt: expect.any(String),
    });
    expect(hede.updatedAt).toBe(hede.publishedAt);
    const joint = facts.find((x) => x.indicatorCode === 'RES-PCT' && x.period === P1 && x.providerName === 'Jämtvård Hälsocentraler AB');
    expect(joint).toMatchObject({ unitId: null, unitName: null, municipalityCode: '2313', value: 60 });
  });

  it('has only the current version of a corrected value', async () => {
    const facts = await allFacts(actors.clients.ANALYST_TOKEN, MINE);
    const in2 = facts.filter((x) => x.id === `${s.reports.in2}:${s.f.template.q.P}`);
    expect(in2).toHaveLength(1);
    expect(in2[0]).toMatchObject({ value: 88, numerator: 44, denominator: 50, publishedAt: new Date(Date.UTC(2031, 6, 20, 8)).toISOString() });
    // Incremental loads: the correction is the only change after the first publications.
    const changed = await allFacts(actors.clients.ANALYST_TOKEN, { ...MINE, updatedAfter: new Date(Date.UTC(2031, 6, 19)).toISOString() });
    expect(changed.map((x) => x.id)).toEqual([`${s.reports.in2}:${s.f.template.q.P}`]);
  });

  it('suppresses small values for an analyst and shows them to the region\'s reviewers', async () => {
    const id = `${s.reports.in3}:${s.f.template.q.P}`;
    const analyst = (await allFacts(actors.clients.ANALYST_TOKEN, MINE)).find((x) => x.id === id);
    expect(analyst).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true, target: 80 });
    for (const actor of ['REVIEWER', 'ADMIN', 'AUDITOR'] as const) {
      const region = (await allFacts(actors.clients[actor], MINE)).find((x) => x.id === id);
      expect(region, actor).toMatchObject({ value: 0, numerator: 3, denominator: CANARY.small, suppressed: false });
    }
  });

  it('adds the answers of reports not yet published with publishedOnly: false, suppressed and without confidential ones for an analyst', async () => {
    const analyst = await allFacts(actors.clients.ANALYST_TOKEN, { ...MINE, publishedOnly: false });
    const unpublished = analyst.filter((x) => x.status !== 'PUBLISHED');
    expect(unpublished.map((x) => [x.id, x.status, x.value, x.numerator, x.suppressed]).sort()).toEqual(
      [
        [`${s.reports.approved}:${s.f.template.q.P}`, 'APPROVED', 8.8, CANARY.unpublished, false],
        [`${s.reports.approved}:${s.f.template.q.N}`, 'APPROVED', null, null, true], // a count of 4
        [`${s.reports.submitted}:${s.f.template.q.P}`, 'SUBMITTED', null, null, true], // a numerator of 3
      ].sort(),
    );
    expect(unpublished.find((x) => x.status === 'APPROVED' && x.indicatorCode === 'RES-PCT')).toMatchObject({
      period: P1,
      ownership: 'IN_HOUSE',
      publishedAt: null,
      target: 80,
      unitId: expect.any(String),
    });
    const region = await allFacts(actors.clients.REVIEWER, { ...MINE, publishedOnly: false });
    const ids = region.filter((x) => x.status !== 'PUBLISHED').map((x) => x.id);
    // The region sees the confidential and undecided answers too.
    expect(ids).toEqual(expect.arrayContaining([`${pendingReport}:${s.f.template.q.P}`, `${pendingReport}:${s.f.template.q.N}`]));
    expect(ids).toHaveLength(5);
  });

  it('never gives a caller without the region\'s reading rights a confidential or small number (the canary)', async () => {
    for (const actor of ['ANALYST', 'ANALYST_TOKEN'] as const) {
      for (const publishedOnly of [true, false]) {
        const body = JSON.stringify(await allFacts(actors.clients[actor], { publishedOnly }));
        expect(body).toContain('RES-PCT');
        for (const canary of [CANARY.confidential, CANARY.small, CANARY.smallUnpublished, 543219]) expect(body, actor).not.toContain(String(canary));
        if (publishedOnly) expect(body).not.toContain(String(CANARY.unpublished));
      }
    }
    // The same numbers are there for the region (so the check above looks at the right place).
    const region = JSON.stringify(await allFacts(actors.clients.REVIEWER, { publishedOnly: false }));
    for (const canary of [CANARY.confidential, CANARY.small, CANARY.smallUnpublished, CANARY.unpublished]) expect(region).toContain(String(canary));
  });

  it('pages in a stable order: pages of 4 make exactly the whole list, again and again', async () => {
    const whole = await allFacts(actors.clients.ANALYST_TOKEN, { ...MINE, publishedOnly: false });
    const paged = await allFacts(actors.clients.ANALYST_TOKEN, { ...MINE, publishedOnly: false }, 4);
    expect(paged.map((x) => x.id)).toEqual(whole.map((x) => x.id));
    expect(new Set(paged.map((x) => x.id)).size).toBe(paged.length);
    const again = await allFacts(actors.clients.ANALYST_TOKEN, { ...MINE, publishedOnly: false }, 3);
    expect(again.map((x) => x.id)).toEqual(whole.map((x) => x.id));
    const first = await actors.clients.ANALYST_TOKEN.gql(FACTS, { filter: MINE, first: 5 });
    expect(first.data!.indicatorFacts.totalCount).toBe(15);
    expect(first.data!.indicatorFacts.pageInfo.hasNextPage).toBe(true);
  });

  it('filters by period, municipality, ownership and provider', async () => {
    const all = await allFacts(actors.clients.ANALYST_TOKEN, MINE);
    const hedeProvider = all.find((x) => x.providerName === 'Hede Läkarhus AB').providerId;
    const cases: [Record<string, unknown>, (x: any) => boolean][] = [
      [{ periods: [P0] }, (x) => x.period === P0],
      [{ municipalityCodes: ['2313', '2361'] }, (x) => ['2313', '2361'].includes(x.municipalityCode)],
      [{ ownership: ['NON_PROFIT', 'IN_HOUSE'] }, (x) => ['NON_PROFIT', 'IN_HOUSE'].includes(x.ownership)],
      [{ providerIds: [hedeProvider] }, (x) => x.providerId === hedeProvider],
      [{ indicatorCodes: ['RES-CNT'] }, (x) => x.indicatorCode === 'RES-CNT'],
    ];
    for (const [filter, keep] of cases) {
      const got = await allFacts(actors.clients.ANALYST_TOKEN, { ...MINE, ...filter });
      expect(got.map((x) => x.id), JSON.stringify(filter)).toEqual(all.filter(keep).map((x) => x.id));
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('refuses bad input naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { periods: ['2031-X1'] } }, 'filter.periods'],
      [{ filter: { municipalityCodes: ['23'] } }, 'filter.municipalityCodes'],
      [{ filter: { providerIds: ['inte-ett-id'] } }, 'filter.providerIds'],
      [{ first: 501 }, 'first'],
      [{ after: 'skräp' }, 'after'],
    ];
    for (const [vars, path] of cases) {
      const res = await actors.clients.ANALYST_TOKEN.gql(FACTS, vars);
      expect(res.errors?.[0].extensions, path).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path })] });
    }
  });

  it('runs the same number of SQL statements for 1 and for 100 facts', async () => {
    const one = await app.countSql(() => actors.clients.ANALYST_TOKEN.gql(FACTS, { filter: { publishedOnly: false }, first: 1 }));
    const hundred = await app.countSql(() => actors.clients.ANALYST_TOKEN.gql(FACTS, { filter: { publishedOnly: false }, first: 100 }));
    expect(hundred).toBe(one);
  });
});

describe('indicatorAggregates', () => {
  it('aggregates per ownership as computed by hand (suppressed values left out)', async () => {
    const res = await actors.clients.ANALYST_TOKEN.gql(AGGREGATES, { filter: { indicatorCodes: ['RES-PCT'], periods: [P1] }, groupBy: ['OWNERSHIP'] });
    expect(res.errors).toBeUndefined();
    const rows = res.data!.indicatorAggregates;
    const by = Object.fromEntries(rows.map((r: any) => [r.key[0].value, r]));
    expect(rows.map((r: any) => r.key[0].dimension)).toEqual(['OWNERSHIP', 'OWNERSHIP', 'OWNERSHIP']);
    expect(by.IN_HOUSE).toMatchObject({ count: 2, min: 75, max: 88, sum: 163 });
    expect(by.IN_HOUSE.mean).toBeCloseTo(81.5, 10);
    expect(by.IN_HOUSE.median).toBeCloseTo(81.5, 10);
    expect(by.PRIVATE).toMatchObject({ count: 4, min: 60, max: 95, sum: 305 });
    expect(by.PRIVATE.mean).toBeCloseTo(76.25, 10);
    expect(by.PRIVATE.median).toBeCloseTo(75, 10);
    expect(by.NON_PROFIT).toMatchObject({ count: 1, mean: 90, median: 90, min: 90, max: 90, sum: 90 });
    // The public comparison says the same.
    const c = (await app.gql('{ publicComparison(indicatorCode: "RES-PCT", period: "2031-H1") { byOwnership { ownership count mean median } } }')).data!.publicComparison;
    for (const a of c.byOwnership) {
      expect(by[a.ownership].count).toBe(a.count);
      expect(by[a.ownership].mean).toBeCloseTo(a.mean, 10);
      expect(by[a.ownership].median).toBeCloseTo(a.median, 10);
    }
    // The region's reviewers also count the small value (0.0) of UB-HV-2024-03.
    const region = (await actors.clients.REVIEWER.gql(AGGREGATES, { filter: { indicatorCodes: ['RES-PCT'], periods: [P1] }, groupBy: ['OWNERSHIP'] })).data!
      .indicatorAggregates;
    expect(region.find((r: any) => r.key[0].value === 'IN_HOUSE')).toMatchObject({ count: 3, min: 0, sum: 163 });
  });

  it('groups by several dimensions with labels, and by none', async () => {
    const res = await actors.clients.ANALYST.gql(AGGREGATES, { filter: MINE, groupBy: ['INDICATOR', 'PERIOD', 'MUNICIPALITY'] });
    expect(res.errors).toBeUndefined();
    const rows = res.data!.indicatorAggregates;
    const pct2361 = rows.find((r: any) => r.key[0].value === 'RES-PCT' && r.key[1].value === P1 && r.key[2].value === '2361');
    expect(pct2361.key).toEqual([
      { dimension: 'INDICATOR', value: 'RES-PCT', label: 'Testindikator RES-PCT' },
      { dimension: 'PERIOD', value: P1, label: null },
      { dimension: 'MUNICIPALITY', value: '2361', label: 'Härjedalen' },
    ]);
    const facts = await allFacts(actors.clients.ANALYST, MINE);
    const expected = facts.filter((x) => x.indicatorCode === 'RES-PCT' && x.period === P1 && x.municipalityCode === '2361' && x.value !== null);
    expect(pct2361.count).toBe(expected.length);
    expect(pct2361.sum).toBeCloseTo(expected.reduce((n, x) => n + x.value, 0), 10);
    const total = (await actors.clients.ANALYST.gql(AGGREGATES, { filter: { indicatorCodes: ['RES-PCT'], periods: [P1] }, groupBy: [] })).data!.indicatorAggregates;
    expect(total).toEqual([expect.objectContaining({ key: [], count: 7, min: 60, max: 95, sum: 163 + 305 + 90 })]);
    const units = (await actors.clients.ANALYST.gql(AGGREGATES, { filter: { indicatorCodes: ['RES-PCT'], periods: [P1] }, groupBy: ['UNIT', 'PROVIDER'] })).data!
      .indicatorAggregates;
    expect(units.find((r: any) => r.key[0].value === null)).toMatchObject({ count: 1, sum: 60, key: [{ dimension: 'UNIT', value: null, label: null }, expect.objectContaining({ label: 'Jämtvård Hälsocentraler AB' })] });
  });
});
