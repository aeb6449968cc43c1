import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { loginActors, type Actors } from './support/actors.js';
import { GQL, assessAll, firstAnswers, ok, reviewTemplate, versionOf, type ReviewTemplate } from './support/review.js';

/**
 * What the reviewer sees of a report's past: per question the previous and the latest submitted
 * value (changes), and the report's history from the audit trail, in order, with who did it.
 */
let app: TestApp;
let actors: Actors;
let provider: Client;
let reviewer: Client;
let t: ReviewTemplate;
let reportId: string;
const references: string[] = [];

const CHANGES = `query($id: ID!, $only: Boolean!) { report(id: $id) {
  all: changes { question { code } previous current changed }
  changed: changes(changedOnly: $only) { question { code } previous current changed }
} }`;
const HISTORY = 'query($id: ID!) { report(id: $id) { history { at action actorName reason reference } } }';

const changesOf = async (client: Client) => (await ok(client, CHANGES, { id: reportId, only: true })).report;
const historyOf = async (client: Client) => (await ok(client, HISTORY, { id: reportId })).report.history;
const save = async (answers: { questionId: string; value: unknown }[]) =>
  ok(provider, GQL.save, { id: reportId, v: await versionOf(app.ds, reportId), a: answers });
const submit = async () => {
  const receipt = (await ok(provider, GQL.submit, { id: reportId, v: await versionOf(app.ds, reportId) })).submitReport;
  references.push(receipt.reference);
  return receipt;
};

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
  provider = actors.clients.PROVIDER;
  reviewer = actors.clients.REVIEWER;
  t = await reviewTemplate(app.ds, 'Ändringsmall');
  // A choice system with one agreement of Jämtvård's, so that the round opens exactly one report.
  const [cs] = await app.ds.query(`INSERT INTO choice_system (code, name) VALUES ('HISTORIK', 'Historikval') RETURNING id`);
  await app.ds.query(
    `INSERT INTO agreement (provider_id, choice_system_id, form, reference, valid_from, in_program_scope)
     SELECT provider_id, $1, 'LOV', 'LOV-HIST-1', '2024-01-01', true FROM app_user WHERE email = 'provider.private@insyn.example'`,
    [cs.id],
  );
  const round = (
    await ok(reviewer, 'mutation($input: CreateFollowUpRoundInput!) { createFollowUpRound(input: $input) { id } }', {
      input: { name: 'Historikomgång', period: '2025', templateId: t.id, choiceSystemId: cs.id, opensAt: '2025-01-01T00:00:00Z', dueAt: '2099-03-31T21:59:59Z' },
    })
  ).createFollowUpRound;
  await ok(reviewer, 'mutation($id: ID!) { openFollowUpRound(id: $id) { id } }', { id: round.id });
  [{ id: reportId }] = await app.ds.query('SELECT id FROM report WHERE round_id = $1', [round.id]);
});
afterAll(() => app?.close());

describe('a report through three submissions', () => {
  it('has no changes to show before a second submission', async () => {
    await save(firstAnswers(t));
    await save([{ questionId: t.q.B, value: 3 }, { questionId: t.q.D, value: null }]); // a save that changes nothing
    await save([{ questionId: t.q.C, value: 'Första svaret, rättat' }]);
    await submit();
    expect(await changesOf(reviewer)).toEqual({ all: [], changed: [] });
  });

  it('after a resubmission: per question the previous and the new value, changed flags, changedOnly', async () => {
    await ok(reviewer, GQL.requestChanges, { id: reportId, reason: 'Svara på fråga D och se över A.' });
    await save([
      { questionId: t.q.A, value: false },
      { questionId: t.q.C, value: 'Andra svaret' },
      { questionId: t.q.D, value: 2.5 },
    ]);
    await save([{ questionId: t.q.C, value: 'Andra svaret, slutligt' }]);
    await submit();
    const { all, changed } = await changesOf(reviewer);
    expect(all).toEqual([
      { question: { code: 'A' }, previous: true, current: false, changed: true },
      { question: { code: 'B' }, previous: 3, current: 3, changed: false },
      { question: { code: 'C' }, previous: 'Första svaret, rättat', current: 'Andra svaret, slutligt', changed: true },
      { question: { code: 'D' }, previous: null, current: 2.5, changed: true },
    ]);
    expect(changed).toEqual(all.filter((c: any) => c.changed));
    expect(changed.map((c: any) => c.question.code)).toEqual(['A', 'C', 'D']);
    // The provider sees the same.
    expect(await changesOf(provider)).toEqual({ all, changed });
  });

  it('compares the last two submissions only: a reopened question cleared and resubmitted', async () => {
    await ok(actors.clients.ADMIN, GQL.approve, { id: reportId, assessments: assessAll(t) });
    await ok(reviewer, GQL.reopen, { id: reportId, q: t.q.B, reason: 'B ska lämnas tomt i år.' });
    await save([{ questionId: t.q.B, value: null }]);
    await submit();
    const { all, changed } = await changesOf(reviewer);
    expect(all.map((c: any) => [c.question.code, c.changed])).toEqual([
      ['A', false],
      ['B', true],
      ['C', false],
      ['D', false],
    ]);
    expect(changed).toEqual([{ question: { code: 'B' }, previous: 3, current: null, changed: true }]);
    await ok(reviewer, GQL.approve, { id: reportId, assessments: assessAll(t, 'PARTLY_MET') });
  });

  it('history: opening, start of work, each submission with its receipt, each decision with its reason, in order, with names', async () => {
    const history = await historyOf(reviewer);
    expect(history.map(({ at: _at, ...event }: any) => event)).toEqual([
      { action: 'ROUND_OPENED', actorName: 'Rasmus Granskare', reason: null, reference: null },
      { action: 'WORK_STARTED', actorName: 'Petra Privat', reason: null, reference: null },
      { action: 'REPORT_SUBMITTED', actorName: 'Petra Privat', reason: null, reference: references[0] },
      { action: 'CHANGES_REQUESTED', actorName: 'Rasmus Granskare', reason: 'Svara på fråga D och se över A.', reference: null },
      { action: 'REPORT_SUBMITTED', actorName: 'Petra Privat', reason: null, reference: references[1] },
      { action: 'REPORT_APPROVED', actorName: 'Anna Administratör', reason: null, reference: null },
      { action: 'QUESTION_REOPENED', actorName: 'Rasmus Granskare', reason: 'B ska lämnas tomt i år.', reference: null },
      { action: 'REPORT_SUBMITTED', actorName: 'Petra Privat', reason: null, reference: references[2] },
      { action: 'REPORT_APPROVED', actorName: 'Rasmus Granskare', reason: null, reference: null },
    ]);
    expect(new Set(references).size).toBe(3);
    const times = history.map((e: any) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The receipts are the submissions' own references.
    const submissions = (await ok(reviewer, 'query($id: ID!) { report(id: $id) { submissions { reference } } }', { id: reportId })).report.submissions;
    expect(submissions.map((s: any) => s.reference)).toEqual(references);
    // The provider and the auditor read the same history.
    expect(await historyOf(provider)).toEqual(history);
    expect(await historyOf(actors.clients.AUDITOR)).toEqual(history);
  });

  it('history of many reports in one request: each gets its own rows', async () => {
    const query = `query($ids: ID!) { reports(filter: { providerId: $ids }, first: 500) { edges { node { id history { action } } } } }`;
    const [jamtvard] = await app.ds.query(`SELECT provider_id FROM app_user WHERE email = 'provider.private@insyn.example'`);
    const res = await ok(reviewer, query, { ids: jamtvard.provider_id });
    const nodes = res.reports.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(1);
    const ours = nodes.find((n: any) => n.id === reportId);
    expect(ours.history).toHaveLength(9);
    // The demo reports were written by the seed, not through the API: nothing in their history.
    expect(nodes.filter((n: any) => n.id !== reportId).every((n: any) => n.history.length === 0)).toBe(true);
  });
});
