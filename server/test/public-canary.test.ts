import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CANARY, loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';
import { loginActors, type Actors } from './support/actors.js';

/**
 * The demo region plants a canary: a number whose confidentiality the region granted, a text on a
 * question that is not public, and a numerator in a report that is approved but not published.
 * Nothing of it may reach anything the public (or an analyst) can read.
 */
let app: TestApp;
let actors: Actors;
beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
}, 120_000);
afterAll(() => app?.close());

const UNIT_PAGE = `query($id: ID!) { publicUnit(id: $id) {
  unit { id name providerName keyIndicators { value text suppressed period } }
  periods jointUnits
  results { id period question questionCode value text flag target colour suppressed suppressionReason corrected }
  series { indicator { code } trend values { period value suppressed } }
  assessments { period rating motivation goal { code } }
  response { body period } responses { body period }
  corrections { period question oldValue newValue oldText newText oldSuppressed newSuppressed reason date }
} }`;

/** Output with ids taken out: a UUID is hex and may by chance hold the canary's digits. */
function withoutIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
}

function expectNoCanary(where: string, text: string) {
  const clean = withoutIds(text);
  for (const canary of DEMO_CANARY.strings) {
    expect(clean.includes(canary), `${where} shows ${canary}`).toBe(false);
  }
}

describe('the demo canary', () => {
  it('is really in the database, where the region can read it', async () => {
    const rows = await app.ds.query(`SELECT value::text AS v FROM answer`);
    const all = rows.map((r: { v: string | null }) => r.v ?? '').join('\n');
    for (const canary of DEMO_CANARY.strings) expect(all).toContain(canary);
  });

  it('never reaches a public query, for any unit, indicator or period', async () => {
    const anonymous = app.client();
    const units = await anonymous.gql(`{ publicUnits { id name keyIndicators { value text suppressed period } } }`);
    expect(units.errors).toBeUndefined();
    expectNoCanary('publicUnits', JSON.stringify(units.data));
    expect(units.data!.publicUnits.length).toBeGreaterThanOrEqual(30);

    for (const unit of units.data!.publicUnits as { id: string; name: string }[]) {
      const page = await anonymous.gql(UNIT_PAGE, { id: unit.id });
      expect(page.errors, unit.name).toBeUndefined();
      expectNoCanary(`publicUnit ${unit.name}`, JSON.stringify(page.data));
    }

    const pickers = await anonymous.gql(`{ publicPeriods publicIndicators { code } }`);
    const periods: string[] = pickers.data!.publicPeriods;
    expect(periods).toContain(DEMO_CANARY.confidential.period);
    expect(periods).not.toContain(DEMO_CANARY.unpublished.period);
    for (const period of periods) {
      for (const { code } of pickers.data!.publicIndicators as { code: string }[]) {
        const cmp = await anonymous.gql(
          `query($i: String!, $p: String!) { publicComparison(indicatorCode: $i, period: $p) { rows { unitName value target suppressed } byOwnership { ownership count mean median } } }`,
          { i: code, p: period },
        );
        expect(cmp.errors).toBeUndefined();
        expectNoCanary(`publicComparison ${code} ${period}`, JSON.stringify(cmp.data));
      }
    }
  }, 120_000);

  it('never reaches the open data downloads', async () => {
    for (const path of ['/open-data/facts.csv', '/open-data/facts.json']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body.length).toBeGreaterThan(10_000);
      expectNoCanary(path, body);
    }
  });

  it('never reaches an analyst: published facts as GraphQL and CSV', async () => {
    const analyst = actors.clients.ANALYST_TOKEN;
    let after: string | null = null;
    let seen = 0;
    do {
      const res: any = await analyst.gql(
        `query($after: String) { indicatorFacts(first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { node { period value numerator denominator suppressed } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      expectNoCanary('indicatorFacts', JSON.stringify(res.data));
      seen += res.data.indicatorFacts.edges.length;
      after = res.data.indicatorFacts.pageInfo.hasNextPage ? res.data.indicatorFacts.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toBeGreaterThan(500);

    const csv = await fetch(`${app.url}/export/facts.csv`, { headers: { authorization: `Bearer ${actors.analystToken}` } });
    expect(csv.status).toBe(200);
    expectNoCanary('/export/facts.csv', await csv.text());

    // Asking for unpublished values too shows the report under review, never the granted confidentiality.
    const all = await fetch(`${app.url}/export/facts.csv?publishedOnly=false`, { headers: { authorization: `Bearer ${actors.analystToken}` } });
    const text = withoutIds(await all.text());
    expect(text).toContain(String(DEMO_CANARY.unpublished.numerator));
    expect(text).not.toContain(String(DEMO_CANARY.confidential.numerator));
  }, 120_000);
});
