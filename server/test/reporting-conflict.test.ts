import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { openReport, publishedTemplate, type TestTemplate } from './support/reporting.js';

/**
 * Two writers on one version (QUALITY.md): exactly one save succeeds, the other gets CONFLICT
 * with the current version, and what is stored is the winner's, never a mix. Run 100 times
 * with both saves sent at once.
 */
let app: TestApp;
let writers: [Client, Client];
let template: TestTemplate;
let reportId: string;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  // Two browsers of the provider's users (two sessions of the demo user, e.g. two colleagues' tabs).
  writers = [await app.login('provider.private@insyn.example'), await app.login('provider.private@insyn.example')];
  template = await publishedTemplate(app.ds, 'Två skribenter', [
    { code: 'TEXT', type: 'TEXT' },
    { code: 'COUNT', type: 'INTEGER' },
    { code: 'CHOICE', type: 'MULTI_CHOICE', options: ['a', 'b', 'c'] },
  ]);
  reportId = (await openReport(app.ds, template.id, 'LOV-HV-2012-004')).reportId;
});
afterAll(() => app?.close());

const SAVE = 'mutation($id: ID!, $v: Int!, $a: [AnswerInput!]!) { saveAnswers(reportId: $id, expectedVersion: $v, answers: $a) { version } }';
const ROUNDS = 100;

describe('two writers on one version', () => {
  it(`exactly one wins, the other gets CONFLICT with the current version, and the winner's answers are stored (${ROUNDS} times)`, async () => {
    const started = Date.now();
    let version = 1;
    const wins = [0, 0];
    for (let i = 0; i < ROUNDS; i++) {
      const answers = [0, 1].map((w) => ({
        TEXT: `Skribent ${w}, varv ${i}`,
        COUNT: i * 2 + w,
        CHOICE: w === 0 ? ['a'] : ['b', 'c'],
      }));
      const send = (w: number) =>
        writers[w].gql(SAVE, {
          id: reportId,
          v: version,
          a: Object.entries(answers[w]).map(([code, value]) => ({ questionId: template.q[code], value })),
        });
      const results = await Promise.all([send(0), send(1)]);

      const won = results.map((r) => !r.errors);
      expect(won.filter(Boolean), `round ${i}: exactly one success`).toHaveLength(1);
      const winner = won.indexOf(true);
      const loser = 1 - winner;
      wins[winner]++;
      expect(results[winner].data!.saveAnswers.version, `round ${i}`).toBe(version + 1);
      expect(results[loser].errors!.map((e) => e.extensions), `round ${i}`).toEqual([{ code: 'CONFLICT', currentVersion: version + 1 }]);
      expect(results[loser].data, `round ${i}`).toBeNull();

      const rows: { code: string; value: unknown }[] = await app.ds.query(
        'SELECT q.code, a.value FROM answer a JOIN question q ON q.id = a.question_id WHERE a.report_id = $1',
        [reportId],
      );
      expect(Object.fromEntries(rows.map((r) => [r.code, r.value])), `round ${i}: the winner's answers`).toEqual(answers[winner]);
      version++;
    }
    const [report] = await app.ds.query('SELECT version, status FROM report WHERE id = $1', [reportId]);
    expect(report).toEqual({ version: ROUNDS + 1, status: 'DRAFT' });
    // One audit row per acknowledged save, none for a refused one.
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'ANSWERS_SAVED' AND entity_id = $1`, [reportId]);
    expect(n).toBe(ROUNDS);
    expect(wins[0] + wins[1]).toBe(ROUNDS);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a writer who reloads after the conflict saves on the current version', async () => {
    const [{ version }] = await app.ds.query('SELECT version FROM report WHERE id = $1', [reportId]);
    const stale = await writers[0].gql(SAVE, { id: reportId, v: version - 1, a: [{ questionId: template.q.TEXT, value: 'Gammal' }] });
    expect(stale.errors!.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', currentVersion: version }]);
    const fresh = await writers[0].gql(SAVE, { id: reportId, v: version, a: [{ questionId: template.q.TEXT, value: 'Ny' }] });
    expect(fresh.data!.saveAnswers.version).toBe(version + 1);
  });
});
