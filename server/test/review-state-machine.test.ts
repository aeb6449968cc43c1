import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type GraphQLResult, type TestApp } from './support/app.js';
import { auditRowsOf, loginActors, requestIdOf } from './support/actors.js';
import { badFields, publishedTemplate } from './support/reporting.js';
import {
  GQL,
  STATES,
  assessAll,
  ok,
  reportIn,
  reportState,
  reviewTemplate,
  versionOf,
  type ReportState,
  type ReviewTemplate,
} from './support/review.js';

/**
 * The report state machine (DOMAIN.md, Workflows):
 * NOT_STARTED → DRAFT → SUBMITTED → (CHANGES_REQUESTED → DRAFT → SUBMITTED)* → APPROVED → PUBLISHED,
 * and a reviewer may reopen one question of an approved report. Every decision is tried from
 * every state: allowed ones move the report on, refused ones are BAD_USER_INPUT at reportId naming
 * the state, and store nothing, not even an audit row.
 */
let app: TestApp;
let provider: Client;
let reviewer: Client;
let t: ReviewTemplate;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  const actors = await loginActors(app);
  provider = actors.clients.PROVIDER;
  reviewer = actors.clients.REVIEWER;
  t = await reviewTemplate(app.ds, 'Granskningsmall');
});
afterAll(() => app?.close());

const flow = () => ({ provider, reviewer });
const REPORT = `query($id: ID!) { report(id: $id) {
  status version submittedAt approvedAt reopenedQuestionId viewerCanEdit viewerCanReview
  answers { question { code } value }
  submissions { reference }
  decisions { kind reason question { code } decidedByName }
  assessments { goal { code } rating motivation }
} }`;
const read = async (client: Client, id: string) => (await ok(client, REPORT, { id })).report;

interface Decision {
  /** Who decides. */
  by: () => Client;
  run: (client: Client, reportId: string) => Promise<GraphQLResult<any>>;
  /** The states it is allowed from. */
  allowedFrom: ReportState[];
  /** The state an allowed decision leads to. */
  leadsTo: ReportState;
}

const DECISIONS: Record<string, Decision> = {
  saveAnswers: {
    by: () => provider,
    run: async (c, id) => c.gql(GQL.save, { id, v: await versionOf(app.ds, id), a: [{ questionId: t.q.B, value: 7 }] }),
    allowedFrom: ['NOT_STARTED', 'DRAFT', 'CHANGES_REQUESTED'],
    leadsTo: 'DRAFT',
  },
  submitReport: {
    by: () => provider,
    run: async (c, id) => c.gql(GQL.submit, { id, v: await versionOf(app.ds, id) }),
    // From NOT_STARTED too, by the rules of the state; see "submitting an untouched report" below.
    allowedFrom: ['DRAFT', 'CHANGES_REQUESTED'],
    leadsTo: 'SUBMITTED',
  },
  requestChanges: {
    by: () => reviewer,
    run: (c, id) => c.gql(GQL.requestChanges, { id, reason: 'Fråga B saknar underlag.' }),
    allowedFrom: ['SUBMITTED'],
    leadsTo: 'CHANGES_REQUESTED',
  },
  approveReport: {
    by: () => reviewer,
    run: (c, id) => c.gql(GQL.approve, { id, assessments: assessAll(t) }),
    allowedFrom: ['SUBMITTED'],
    leadsTo: 'APPROVED',
  },
  reopenQuestion: {
    by: () => reviewer,
    run: (c, id) => c.gql(GQL.reopen, { id, q: t.q.B, reason: 'Siffran i B stämmer inte med verksamhetsberättelsen.' }),
    allowedFrom: ['APPROVED'],
    leadsTo: 'CHANGES_REQUESTED',
  },
};

/** The state, as it is written in the code or in words ("changes requested"). */
const naming = (state: ReportState) => new RegExp(state.replace('_', '[ _]'), 'i');

describe('every decision from every state', () => {
  for (const [name, d] of Object.entries(DECISIONS)) {
    for (const state of STATES) {
      const allowed = d.allowedFrom.includes(state);
      if (name === 'submitReport' && state === 'NOT_STARTED') continue;
      it(`${name} from ${state}: ${allowed ? `allowed, now ${d.leadsTo}` : 'refused'}`, async () => {
        const reportId = await reportIn(app, flow(), t, state);
        expect((await read(reviewer, reportId)).status).toBe(state);
        const before = await reportState(app.ds, reportId);
        const version = await versionOf(app.ds, reportId);
        const client = d.by();
        const res = await d.run(client, reportId);
        const audit = await auditRowsOf(app, requestIdOf(client));
        if (allowed) {
          expect(res.errors).toBeUndefined();
          const after = await read(reviewer, reportId);
          expect(after.status).toBe(d.leadsTo);
          expect(after.version).toBe(version + 1);
          expect(audit).toHaveLength(1);
          expect(audit[0]).toMatchObject({ entity_type: 'Report', entity_id: reportId, before: expect.objectContaining({ status: state }) });
        } else {
          expect(res.data?.[name] ?? null).toBeNull();
          const fields = badFields(res);
          expect(fields.map((f) => f.path)).toEqual(['reportId']);
          expect(fields[0].message).toMatch(naming(state));
          expect(res.errors![0].message).toMatch(naming(state));
          expect(res.errors![0].extensions.status).toBe(state);
          expect(audit).toEqual([]);
          expect(await reportState(app.ds, reportId)).toEqual(before);
        }
      });
    }
  }

  it('submitting an untouched report: the state allows it, the missing required answer does not', async () => {
    const reportId = await reportIn(app, flow(), t, 'NOT_STARTED');
    const before = await reportState(app.ds, reportId);
    const res = await provider.gql(GQL.submit, { id: reportId, v: 1 });
    expect(badFields(res).map((f) => f.path)).toEqual([`answers.${t.q.A}`]);
    expect(await reportState(app.ds, reportId)).toEqual(before);
    // Complete as it stands (nothing is required): submitted straight from NOT_STARTED.
    const optional = await publishedTemplate(app.ds, 'Frivillig mall', [{ code: 'X', type: 'BOOLEAN', goal: 'M1' }]);
    const other = await reportIn(app, flow(), { ...optional, goals: t.goals }, 'NOT_STARTED');
    await ok(provider, GQL.submit, { id: other, v: 1 });
    expect((await read(provider, other)).status).toBe('SUBMITTED');
  });

  it('walks the whole way with the API: a round trip for changes, approval, publication (SQL) and nothing after it', async () => {
    const reportId = await reportIn(app, flow(), t, 'CHANGES_REQUESTED');
    const returned = await read(provider, reportId);
    // The provider sees why, in the reviewer's name.
    expect(returned.decisions).toEqual([{ kind: 'CHANGES_REQUESTED', reason: 'Komplettera svaret på fråga B.', question: null, decidedByName: 'Rasmus Granskare' }]);
    expect(returned.viewerCanEdit).toBe(true);
    await ok(provider, GQL.save, { id: reportId, v: returned.version, a: [{ questionId: t.q.B, value: 4 }] });
    expect((await read(provider, reportId)).status).toBe('DRAFT');
    await ok(provider, GQL.submit, { id: reportId, v: returned.version + 1 });
    const resubmitted = await read(reviewer, reportId);
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', viewerCanReview: true });
    expect(resubmitted.submissions).toHaveLength(2);
    await ok(reviewer, GQL.approve, { id: reportId, assessments: assessAll(t) });
    const approved = await read(reviewer, reportId);
    expect(approved).toMatchObject({ status: 'APPROVED', viewerCanReview: false, viewerCanEdit: false });
    expect(approved.approvedAt).not.toBeNull();
    expect(approved.decisions.map((d: any) => d.kind)).toEqual(['CHANGES_REQUESTED', 'APPROVED']);
  });
});

describe('two decisions at once', () => {
  it('exactly one of an approval and a return for changes is stored; the other is refused naming the new state', async () => {
    const admin = await app.login('admin@insyn.example');
    for (let i = 0; i < 4; i++) {
      const reportId = await reportIn(app, flow(), t, 'SUBMITTED');
      const [approved, returned] = await Promise.all([
        admin.gql(GQL.approve, { id: reportId, assessments: assessAll(t) }),
        reviewer.gql(GQL.requestChanges, { id: reportId, reason: 'Samtidigt beslut.' }),
      ]);
      const winners = [approved, returned].filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      const loser = [approved, returned].find((r) => r.errors)!;
      const status = approved.errors ? 'CHANGES_REQUESTED' : 'APPROVED';
      expect(badFields(loser)).toEqual([{ path: 'reportId', message: expect.stringMatching(naming(status)) }]);
      const [counts] = await app.ds.query(
        `SELECT (SELECT count(*)::int FROM report_decision WHERE report_id = $1::uuid) AS decisions,
                (SELECT count(*)::int FROM audit_event WHERE entity_id = $1::text AND action IN ('REPORT_APPROVED', 'CHANGES_REQUESTED')) AS audit,
                (SELECT status FROM report WHERE id = $1::uuid) AS status`,
        [reportId],
      );
      expect(counts).toEqual({ decisions: 1, audit: 1, status });
    }
  });
});

describe('requestChanges', () => {
  it('requires a reason, at the field reason, and stores nothing without one', async () => {
    const reportId = await reportIn(app, flow(), t, 'SUBMITTED');
    const before = await reportState(app.ds, reportId);
    for (const reason of ['', '   ', '\n\t', 'x'.repeat(10001)]) {
      const res = await reviewer.gql(GQL.requestChanges, { id: reportId, reason });
      expect(badFields(res).map((f) => f.path), JSON.stringify(reason.slice(0, 5))).toEqual(['reason']);
      expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([]);
    }
    expect(await reportState(app.ds, reportId)).toEqual(before);
    // The reason is stored trimmed, kept with the decision and in the audit trail.
    await ok(reviewer, GQL.requestChanges, { id: reportId, reason: '  Bifoga underlaget till B.\n' });
    expect((await read(provider, reportId)).decisions).toEqual([
      { kind: 'CHANGES_REQUESTED', reason: 'Bifoga underlaget till B.', question: null, decidedByName: 'Rasmus Granskare' },
    ]);
    const [row] = await auditRowsOf(app, requestIdOf(reviewer));
    expect(row.after).toEqual({ status: 'CHANGES_REQUESTED', reason: 'Bifoga underlaget till B.' });
  });
});

describe('approveReport', () => {
  let reportId: string;
  beforeAll(async () => {
    reportId = await reportIn(app, flow(), t, 'SUBMITTED');
  });

  const refused = async (assessments: unknown[]) => {
    const before = await reportState(app.ds, reportId);
    const res = await reviewer.gql(GQL.approve, { id: reportId, assessments });
    const fields = badFields(res);
    expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([]);
    expect(await reportState(app.ds, reportId)).toEqual(before);
    return fields;
  };

  it('refuses a missing goal, naming it', async () => {
    const fields = await refused([{ goalId: t.goals.M1, rating: 'MET' }]);
    expect(fields).toEqual([{ path: `assessments.${t.goals.M2}`, message: expect.stringContaining('M2') }]);
    expect(await refused([])).toEqual([
      { path: `assessments.${t.goals.M1}`, message: expect.stringContaining('M1') },
      { path: `assessments.${t.goals.M2}`, message: expect.stringContaining('M2') },
    ]);
  });

  it('refuses a goal the template does not cover, a goal assessed twice and an id that is no goal', async () => {
    expect(await refused([...assessAll(t), { goalId: t.goals.M3, rating: 'NOT_MET' }])).toEqual([
      { path: 'assessments.2.goalId', message: 'The template does not cover this goal' },
    ]);
    expect(await refused([...assessAll(t), { goalId: t.goals.M1, rating: 'NOT_MET' }])).toEqual([
      { path: 'assessments.2.goalId', message: 'The goal is assessed twice' },
    ]);
    expect(await refused([...assessAll(t), { goalId: 'inte-ett-id', rating: 'MET' }])).toEqual([
      { path: 'assessments.2.goalId', message: 'The template does not cover this goal' },
    ]);
    expect(await refused([{ goalId: t.goals.M1, rating: 'MET', motivation: 'x'.repeat(10001) }, { goalId: t.goals.M2, rating: 'MET' }])).toEqual([
      { path: 'assessments.0.motivation', message: 'The motivation is too long' },
    ]);
  });

  it('records one assessment per covered goal and the status APPROVED', async () => {
    const approved = (
      await ok(reviewer, GQL.approve, {
        id: reportId,
        assessments: [
          { goalId: t.goals.M2, rating: 'PARTLY_MET', motivation: '  Delvis: planen saknar datum.  ' },
          { goalId: t.goals.M1, rating: 'NOT_ASSESSED', motivation: '   ' },
        ],
      })
    ).approveReport;
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvedAt).not.toBeNull();
    const expected = [
      { goal: { code: 'M1' }, rating: 'NOT_ASSESSED', motivation: null },
      { goal: { code: 'M2' }, rating: 'PARTLY_MET', motivation: 'Delvis: planen saknar datum.' },
    ];
    const byCode = (list: any[]) => [...list].sort((a, b) => a.goal.code.localeCompare(b.goal.code));
    expect(byCode(approved.assessments)).toEqual(expected);
    // The provider reads them too, and the decision.
    const seen = await read(provider, reportId);
    expect(byCode(seen.assessments)).toEqual(expected);
    expect(seen.decisions.at(-1)).toEqual({ kind: 'APPROVED', reason: null, question: null, decidedByName: 'Rasmus Granskare' });
    expect(await app.ds.query('SELECT count(*)::int AS n FROM goal_assessment WHERE report_id = $1', [reportId])).toEqual([{ n: 2 }]);
  });
});

describe('reopenQuestion', () => {
  let reportId: string;
  let firstReference: string;
  beforeAll(async () => {
    reportId = await reportIn(app, flow(), t, 'APPROVED');
    firstReference = (await read(provider, reportId)).submissions[0].reference;
  });

  it('needs a reason and a question of the report', async () => {
    const before = await reportState(app.ds, reportId);
    const other = await publishedTemplate(app.ds, 'Annan mall', [{ code: 'B', type: 'INTEGER' }]);
    const cases: [Record<string, unknown>, string][] = [
      [{ q: t.q.B, reason: '  ' }, 'reason'],
      [{ q: t.q.B, reason: 'x'.repeat(10001) }, 'reason'],
      [{ q: other.q.B, reason: 'Fel mall' }, 'questionId'],
      [{ q: 'inte-ett-id', reason: 'Fel id' }, 'questionId'],
    ];
    for (const [vars, path] of cases) {
      const res = await reviewer.gql(GQL.reopen, { id: reportId, ...vars });
      expect(badFields(res).map((f) => f.path)).toEqual([path]);
      expect(await auditRowsOf(app, requestIdOf(reviewer))).toEqual([]);
    }
    expect(await reportState(app.ds, reportId)).toEqual(before);
  });

  it('lets the provider change that question only; resubmitting gives a new receipt and closes it', async () => {
    const reopened = (await ok(reviewer, GQL.reopen, { id: reportId, q: t.q.B, reason: 'Antalet i B ska vara för helåret.' })).reopenQuestion;
    expect(reopened).toMatchObject({ status: 'CHANGES_REQUESTED', reopenedQuestionId: t.q.B });
    let seen = await read(provider, reportId);
    expect(seen.viewerCanEdit).toBe(true);
    expect(seen.decisions.at(-1)).toEqual({
      kind: 'QUESTION_REOPENED',
      reason: 'Antalet i B ska vara för helåret.',
      question: { code: 'B' },
      decidedByName: 'Rasmus Granskare',
    });

    // Any other question is refused, naming the reopened one; nothing of that save is stored.
    const before = await reportState(app.ds, reportId);
    for (const a of [[{ questionId: t.q.A, value: false }], [{ questionId: t.q.B, value: 12 }, { questionId: t.q.C, value: 'Ändrat' }]]) {
      const res = await provider.gql(GQL.save, { id: reportId, v: seen.version, a });
      const fields = badFields(res);
      expect(fields).toHaveLength(1);
      expect(fields[0].path).toBe(`answers.${a.at(-1)!.questionId}`);
      expect(fields[0].message).toMatch(/only question B is reopened/);
      expect(await reportState(app.ds, reportId)).toEqual(before);
    }

    const saved = (await ok(provider, GQL.save, { id: reportId, v: seen.version, a: [{ questionId: t.q.B, value: 12 }] })).saveAnswers;
    expect(saved).toMatchObject({ status: 'DRAFT', reopenedQuestionId: t.q.B, version: seen.version + 1 });

    const receipt = (await ok(provider, GQL.submit, { id: reportId, v: saved.version })).submitReport;
    expect(receipt.reference).toMatch(/^UPP-\d{4}-\d{6}$/);
    expect(receipt.reference).not.toBe(firstReference);
    seen = await read(reviewer, reportId);
    expect(seen).toMatchObject({ status: 'SUBMITTED', reopenedQuestionId: null, viewerCanReview: true });
    expect(seen.submissions.map((s: any) => s.reference)).toEqual([firstReference, receipt.reference]);
    expect(seen.answers.find((a: any) => a.question.code === 'B').value).toBe(12);
    expect(await app.ds.query('SELECT reopened_question_id FROM report WHERE id = $1', [reportId])).toEqual([{ reopened_question_id: null }]);

    // A second approval: the report shows the assessments of the latest one.
    await ok(reviewer, GQL.approve, { id: reportId, assessments: assessAll(t, 'PARTLY_MET', 'Efter komplettering.') });
    seen = await read(provider, reportId);
    expect(seen.status).toBe('APPROVED');
    expect(seen.assessments.map((a: any) => a.rating)).toEqual(['PARTLY_MET', 'PARTLY_MET']);
    expect(seen.decisions.map((d: any) => d.kind)).toEqual(['APPROVED', 'QUESTION_REOPENED', 'APPROVED']);
    expect(await app.ds.query('SELECT count(*)::int AS n FROM goal_assessment WHERE report_id = $1', [reportId])).toEqual([{ n: 4 }]);
  });

  it('a report returned with requestChanges has no reopened question: every answer may change', async () => {
    const id = await reportIn(app, flow(), t, 'CHANGES_REQUESTED');
    const v = await versionOf(app.ds, id);
    const saved = (await ok(provider, GQL.save, { id, v, a: [{ questionId: t.q.A, value: false }, { questionId: t.q.C, value: 'Nytt' }] })).saveAnswers;
    expect(saved).toMatchObject({ status: 'DRAFT', reopenedQuestionId: null });
  });
});
