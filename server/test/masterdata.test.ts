import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
});
afterAll(() => app?.close());

const PROVIDERS = /* GraphQL */ `
  query Providers($filter: ProviderFilter, $first: Int, $after: String) {
    providers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name orgNumber ownership units { name kind municipality { code name } } } }
    }
  }
`;

describe('municipalities', () => {
  it('lists the eight municipalities of Jämtlands län with their SCB codes, by name', async () => {
    const res = await app.gql(`{ municipalities { code name countyName } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.municipalities.map((m: { code: string }) => m.code)).toEqual([
      '2326', '2305', '2361', '2309', '2303', '2313', '2321', '2380',
    ]);
    expect(res.data!.municipalities[7]).toEqual({ code: '2380', name: 'Östersund', countyName: 'Jämtlands län' });
  });
});

describe('providers', () => {
  it('pages through every provider once, in Swedish alphabetical order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const res: any = await app.gql(PROVIDERS, { first: 4, after });
      expect(res.errors).toBeUndefined();
      const conn: any = res.data!.providers;
      total = conn.totalCount;
      seen.push(...conn.edges.map((e: { node: { name: string } }) => e.node.name));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => a.localeCompare(b, 'sv')));
    // Å, Ä and Ö sort after Z in Swedish.
    expect(seen.indexOf('Föreningen Fjällvård Härjedalen')).toBeGreaterThan(seen.indexOf('Fysiokliniken Östersund AB'));
  });

  it('filters by ownership and by municipality', async () => {
    const priv = await app.gql(PROVIDERS, { filter: { ownership: ['NON_PROFIT'] } });
    expect(priv.data!.providers.edges.map((e: any) => e.node.name)).toEqual(['Föreningen Fjällvård Härjedalen']);

    const harjedalen = await app.gql(PROVIDERS, { filter: { municipalityCode: '2361' } });
    const names = harjedalen.data!.providers.edges.map((e: any) => e.node.name);
    expect(names).toContain('Hede Läkarhus AB');
    expect(names).toContain('Primärvården Region Jämtland Härjedalen');
    expect(names).not.toContain('Storsjöklinikerna AB');
    for (const e of harjedalen.data!.providers.edges) {
      expect(e.node.units.some((u: any) => u.municipality.code === '2361')).toBe(true);
    }
  });

  it('refuses a bad filter, page size or cursor with BAD_USER_INPUT naming the field', async () => {
    const bad = await app.gql(PROVIDERS, { filter: { municipalityCode: 'Berg' } });
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions.fields).toEqual([
      { path: 'filter.municipalityCode', message: expect.stringContaining('four-digit') },
    ]);
    const big = await app.gql(PROVIDERS, { first: 501 });
    expect(big.errors![0].extensions.fields).toEqual([{ path: 'first', message: expect.any(String) }]);
    const cursor = await app.gql(PROVIDERS, { after: 'not-a-cursor' });
    expect(cursor.errors![0].extensions.fields).toEqual([{ path: 'after', message: expect.any(String) }]);
  });

  it('answers NOT_FOUND for an unknown provider id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await app.gql(`query($id: ID!) { provider(id: $id) { name } }`, { id });
      expect(res.data!.provider).toBeNull();
      expect(res.errors![0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('shows agreements, with LOF outside the program and the reason', async () => {
    const res = await app.gql(`{ providers(filter: { search: "Fysio" }) { edges { node {
      agreements { reference form inProgramScope outOfScopeReason choiceSystem { code } units { name } provider { name } }
    } } } }`);
    const [agreement] = res.data!.providers.edges[0].node.agreements;
    expect(agreement).toMatchObject({ form: 'LOF', inProgramScope: false, choiceSystem: null });
    expect(agreement.outOfScopeReason).toMatch(/LOF/);
    expect(agreement.units).toEqual([{ name: 'Fysiokliniken Östersund' }]);

    const lov = await app.gql(`{ providers(filter: { search: "556812-7343" }) { edges { node {
      agreements { form inProgramScope choiceSystem { code } units { name } } } } } }`);
    expect(lov.data!.providers.edges[0].node.agreements[0]).toMatchObject({
      form: 'LOV',
      inProgramScope: true,
      choiceSystem: { code: 'HALSOVAL' },
    });
    expect(lov.data!.providers.edges[0].node.agreements[0].units).toHaveLength(3);
  });
});

describe('units', () => {
  it('lists units by municipality and ownership, paginated', async () => {
    const res = await app.gql(`{ units(filter: { municipalityCode: "2313", ownership: [PRIVATE] }) {
      totalCount edges { node { name kind provider { ownership } municipality { name } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.units.edges.map((e: any) => e.node.name)).toEqual(['Hammerdals hälsocentral', 'Hotings hälsocentral']);
    expect(res.data!.units.totalCount).toBe(2);

    const dental = await app.gql(`{ units(filter: { kind: [DENTAL_CLINIC] }, first: 500) { totalCount } }`);
    expect(dental.data!.units.totalCount).toBeGreaterThanOrEqual(6);
  });
});
