import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
});
afterAll(() => app?.close());

const REPORTS = `query($filter: ReportFilter) { reports(filter: $filter, first: 500) { totalCount edges { node { round { id } } } } }`;

describe('reports by round state', () => {
  it('lists a provider the reports of running rounds apart from the published history of closed rounds', async () => {
    const provider = await app.login('provider.inhouse@insyn.example');
    const [{ open, closed }] = await app.ds.query(
      `SELECT count(*) FILTER (WHERE f.status <> 'CLOSED')::int AS open, count(*) FILTER (WHERE f.status = 'CLOSED')::int AS closed
         FROM report r JOIN follow_up_round f ON f.id = r.round_id
         JOIN app_user u ON u.provider_id = r.provider_id AND u.email = 'provider.inhouse@insyn.example'`,
    );
    expect(open).toBeGreaterThan(0);
    expect(closed).toBeGreaterThan(0);

    const current = await provider.gql(REPORTS, { filter: { roundClosed: false } });
    const past = await provider.gql(REPORTS, { filter: { roundClosed: true } });
    const all = await provider.gql(REPORTS, {});
    expect(current.data!.reports.totalCount).toBe(open);
    expect(past.data!.reports.totalCount).toBe(closed);
    expect(all.data!.reports.totalCount).toBe(open + closed);

    const closedRounds = new Set(
      (await app.ds.query(`SELECT id FROM follow_up_round WHERE status = 'CLOSED'`)).map((r: { id: string }) => r.id),
    );
    expect(current.data!.reports.edges.every((e: any) => !closedRounds.has(e.node.round.id))).toBe(true);
    expect(past.data!.reports.edges.every((e: any) => closedRounds.has(e.node.round.id))).toBe(true);
  });
});
