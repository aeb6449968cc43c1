import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { auditRowsOf, loginActors, requestIdOf, type Actors } from './support/actors.js';
import { badFields, publishedTemplate } from './support/reporting.js';
import { GQL, OTHER_AGREEMENT, ok, reportIn, reportState, reviewTemplate, versionOf, type ReviewTemplate } from './support/review.js';

/**
 * Comment threads: the region starts them on a question or on the whole report, the provider's
 * users answer; they stay on their question across resubmissions and tell whether the answer
 * changed since; their text is plain text, kept exactly; another provider cannot see or touch
 * them; comments and decisions are never altered, by the database's own rules.
 */
let app: TestApp;
let actors: Actors;
let provider: Client;
let reviewer: Client;
let t: ReviewTemplate;

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  actors = await loginActors(app);
  provider = actors.clients.PROVIDER;
  reviewer = actors.clients.REVIEWER;
  t = await reviewTemplate(app.ds, 'Trådmall');
});
afterAll(() => app?.close());

const flow = () => ({ provider, reviewer });
const THREADS = `query($id: ID!) { report(id: $id) { status openThreadCount
  threads { id question { code } resolved resolvedAt answerChanged comments { body authorName authorRole } } } }`;
const threadsOf = async (client: Client, id: string) => (await ok(client, THREADS, { id })).report;
const start = async (client: Client, reportId: string, questionId: string | null, body: string): Promise<string> => {
  await ok(client, GQL.comment, { input: { reportId, questionId, body } });
  const [row] = await app.ds.query('SELECT id FROM comment_thread WHERE report_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [reportId]);
  return row.id;
};
const reply = (client: Client, reportId: string, threadId: string, body: string) => client.gql(GQL.comment, { input: { reportId, threadId, body } });

describe('a review conversation', () => {
  let reportId: string;
  const thread = {} as Record<'A' | 'C' | 'report', string>;

  beforeAll(async () => {
    reportId = await reportIn(app, flow(), t, 'SUBMITTED');
  });

  it('the reviewer starts threads on two answers and on the whole report; the provider sees them', async () => {
    thread.A = await start(reviewer, reportId, t.q.A, 'Stämmer det att ni har en plan?');
    thread.C = await start(reviewer, reportId, t.q.C, 'Utveckla gärna svaret.');
    thread.report = await start(reviewer, reportId, null, 'Tack för en tydlig rapport.');
    const seen = await threadsOf(provider, reportId);
    expect(seen.openThreadCount).toBe(3);
    expect(seen.threads).toEqual([
      { id: thread.A, question: { code: 'A' }, resolved: false, resolvedAt: null, answerChanged: false, comments: [{ body: 'Stämmer det att ni har en plan?', authorName: 'Rasmus Granskare', authorRole: 'REVIEWER' }] },
      { id: thread.C, question: { code: 'C' }, resolved: false, resolvedAt: null, answerChanged: false, comments: [{ body: 'Utveckla gärna svaret.', authorName: 'Rasmus Granskare', authorRole: 'REVIEWER' }] },
      { id: thread.report, question: null, resolved: false, resolvedAt: null, answerChanged: false, comments: [{ body: 'Tack för en tydlig rapport.', authorName: 'Rasmus Granskare', authorRole: 'REVIEWER' }] },
    ]);
    // The reviewer, the auditor and an administrator read the same threads.
    expect((await threadsOf(reviewer, reportId)).threads).toEqual(seen.threads);
    expect((await threadsOf(actors.clients.AUDITOR, reportId)).threads).toEqual(seen.threads);
  });

  it('the provider replies in a thread, but cannot start one', async () => {
    const answered = await reply(provider, reportId, thread.A, 'Ja, planen antogs i mars.');
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.addComment).toMatchObject({ body: 'Ja, planen antogs i mars.', authorName: 'Petra Privat', authorRole: 'PROVIDER' });
    const admin = await reply(actors.clients.ADMIN, reportId, thread.A, 'Noterat.');
    expect(admin.data!.addComment).toMatchObject({ authorName: 'Anna Administratör', authorRole: 'ADMIN' });
    expect((await threadsOf(reviewer, reportId)).threads[0].comments.map((c: any) => c.authorRole)).toEqual(['REVIEWER', 'PROVIDER', 'ADMIN']);

    const before = await reportState(app.ds, reportId);
    for (const questionId of [t.q.B, null]) {
      const res = await provider.gql(GQL.comment, { input: { reportId, questionId, body: 'En egen tråd' } });
      expect(badFields(res).map((f) => f.path)).toEqual(['input.threadId']);
      expect(await auditRowsOf(app, requestIdOf(provider))).toEqual([]);
    }
    // An auditor reads but does not write.
    const auditor = await reply(actors.clients.AUDITOR, reportId, thread.A, 'Revisorn undrar');
    expect(auditor.errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(await reportState(app.ds, reportId)).toEqual(before);
  });

  it('refuses an empty or too long comment, a question of another template and a thread of another report', async () => {
    const other = await publishedTemplate(app.ds, 'Annan trådmall', [{ code: 'A', type: 'BOOLEAN' }]);
    // A thread of another report of the same provider.
    const elsewhere = await reportIn(app, flow(), t, 'SUBMITTED');
    const foreignThread = await start(reviewer, elsewhere, null, 'Annan rapport');
    const before = await reportState(app.ds, reportId);
    const cases: [Record<string, unknown>, string][] = [
      [{ reportId, questionId: t.q.A, body: ' \n\t ' }, 'input.body'],
      [{ reportId, questionId: t.q.A, body: 'x'.repeat(10001) }, 'input.body'],
      [{ reportId, questionId: other.q.A, body: 'Fel fråga' }, 'input.questionId'],
      [{ reportId, questionId: 'inte-ett-id', body: 'Fel fråga' }, 'input.questionId'],
    ];
    for (const [input, path] of cases) expect(badFields(await reviewer.gql(GQL.comment, { input })).map((f) => f.path)).toEqual([path]);
    // Replying there, naming this report: as if there were no such thread.
    const wrong = await reply(provider, reportId, foreignThread, 'Fel tråd');
    const missing = await reply(provider, reportId, '00000000-0000-4000-8000-000000000000', 'Fel tråd');
    expect(wrong.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(wrong).toEqual(missing);
    expect(await reportState(app.ds, reportId)).toEqual(before);
  });

  it('reviewers resolve and reopen threads; the provider and the auditor may not', async () => {
    const resolved = (await ok(reviewer, GQL.resolve, { id: thread.C })).resolveThread;
    expect(resolved).toMatchObject({ id: thread.C, resolved: true, resolvedAt: expect.any(String) });
    expect((await threadsOf(provider, reportId)).openThreadCount).toBe(2);
    // Resolving a resolved thread changes nothing and records nothing.
    expect((await ok(actors.clients.ADMIN, GQL.resolve, { id: thread.C })).resolveThread).toEqual(resolved);
    expect(await auditRowsOf(app, requestIdOf(actors.clients.ADMIN))).toEqual([]);

    for (const client of [provider, actors.clients.AUDITOR]) {
      for (const document of [GQL.resolve, GQL.reopenThread]) {
        const res = await client.gql(document, { id: thread.A });
        expect(res.errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
      }
    }
    const reopened = (await ok(reviewer, GQL.reopenThread, { id: thread.C })).reopenThread;
    expect(reopened).toEqual({ id: thread.C, resolved: false, resolvedAt: null });
    expect((await threadsOf(provider, reportId)).openThreadCount).toBe(3);
    await ok(reviewer, GQL.resolve, { id: thread.report });
    const seen = await threadsOf(reviewer, reportId);
    expect(seen.openThreadCount).toBe(2);
    expect(seen.threads.map((x: any) => x.resolved)).toEqual([false, false, true]);
  });

  it('threads stay on their question across a resubmission; answerChanged tells whether the provider changed the answer since', async () => {
    await ok(reviewer, GQL.requestChanges, { id: reportId, reason: 'Se kommentarerna.' });
    const v = await versionOf(app.ds, reportId);
    // A changes, C is saved with the value it had, B (no thread) changes.
    await ok(provider, GQL.save, {
      id: reportId,
      v,
      a: [
        { questionId: t.q.A, value: false },
        { questionId: t.q.B, value: 9 },
        { questionId: t.q.C, value: 'Första svaret' },
      ],
    });
    await ok(provider, GQL.submit, { id: reportId, v: v + 1 });
    // A thread started now, on the changed answer, has seen no change since.
    const late = await start(reviewer, reportId, t.q.A, 'Nu står det nej?');

    const seen = await threadsOf(provider, reportId);
    expect(seen.status).toBe('SUBMITTED');
    expect(seen.threads.map((x: any) => [x.id, x.question?.code ?? null, x.answerChanged])).toEqual([
      [thread.A, 'A', true],
      [thread.C, 'C', false],
      [thread.report, null, false],
      [late, 'A', false],
    ]);
    expect(seen.threads[0].comments).toHaveLength(3);
    expect(seen.openThreadCount).toBe(3);
    const rows = await app.ds.query('SELECT id, question_id FROM comment_thread WHERE report_id = $1 ORDER BY created_at, id', [reportId]);
    expect(rows.map((r: any) => r.question_id)).toEqual([t.q.A, t.q.C, null, t.q.A]);
  });
});

describe('comment text is plain text, kept exactly', () => {
  it('returns markup, quotes, ampersands, line breaks and blank lines verbatim', async () => {
    const reportId = await reportIn(app, flow(), t, 'SUBMITTED');
    const body = '<script>alert(1)</script>\nRad två med <b>fet</b> & "citat" och \'apostrof\'\n\n  Indragen rad efter en tom rad\n<img src=x onerror=alert(2)>';
    const added = (await ok(reviewer, GQL.comment, { input: { reportId, questionId: t.q.C, body } })).addComment;
    expect(added.body).toBe(body);
    const [thread] = (await threadsOf(provider, reportId)).threads;
    expect(thread.comments[0].body).toBe(body);
    const replied = (await ok(provider, GQL.comment, { input: { reportId, threadId: thread.id, body: '</textarea><svg onload=alert(3)>\nSvar' } })).addComment;
    expect(replied.body).toBe('</textarea><svg onload=alert(3)>\nSvar');
    expect((await app.ds.query('SELECT body FROM comment WHERE id = $1', [added.id]))[0].body).toBe(body);
    // Windows line breaks become \n; surrounding blank space is dropped; nothing else changes.
    const crlf = (await ok(reviewer, GQL.comment, { input: { reportId, threadId: thread.id, body: '\r\n  Första\r\nAndra  \r\n' } })).addComment;
    expect(crlf.body).toBe('Första\nAndra');
  });
});

describe('another provider', () => {
  it('cannot read or write threads of the provider\'s reports: NOT_FOUND, as for ids that do not exist', async () => {
    const reportId = await reportIn(app, flow(), t, 'SUBMITTED');
    const threadId = await start(reviewer, reportId, t.q.A, 'Gäller bara Jämtvård.');
    const other = actors.clients.OTHER_PROVIDER;
    const own = await reportIn(app, { provider: other, reviewer }, t, 'SUBMITTED', OTHER_AGREEMENT);
    const MISSING = '00000000-0000-4000-8000-000000000000';
    const before = await reportState(app.ds, reportId);
    const pairs: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [THREADS, { id: reportId }, { id: MISSING }],
      [GQL.comment, { input: { reportId, threadId, body: 'Intrång' } }, { input: { reportId: MISSING, threadId: MISSING, body: 'Intrång' } }],
      [GQL.comment, { input: { reportId, questionId: t.q.A, body: 'Intrång' } }, { input: { reportId: MISSING, questionId: t.q.A, body: 'Intrång' } }],
      [GQL.resolve, { id: threadId }, { id: MISSING }],
      [GQL.reopenThread, { id: threadId }, { id: MISSING }],
    ];
    for (const [document, foreign, missing] of pairs) {
      const a = await other.gql(document, foreign);
      const b = await other.gql(document, missing);
      expect(a.errors!.map((e) => e.extensions.code), document).toEqual(['NOT_FOUND']);
      expect(a).toEqual(b);
    }
    // A thread of provider A's report named with a report of provider B's own: still not found.
    const res = await reply(other, own, threadId, 'Intrång');
    expect(res.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(await reportState(app.ds, reportId)).toEqual(before);
    // Their own report's threads are theirs: they answer those.
    const ownThread = await start(reviewer, own, null, 'Till egen regi.');
    expect((await reply(other, own, ownThread, 'Svar från egen regi.')).errors).toBeUndefined();
    expect((await threadsOf(other, own)).threads[0].comments.map((c: any) => c.authorName)).toEqual(['Rasmus Granskare', 'Ingrid Egenregi']);
  });
});

describe('comments, decisions and assessments are append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of comment, report_decision and goal_assessment rows', async () => {
    const reportId = await reportIn(app, flow(), t, 'APPROVED');
    await start(reviewer, reportId, null, 'Beständig kommentar');
    const before = await reportState(app.ds, reportId);
    const statements = [
      `UPDATE comment SET body = 'Ändrad' WHERE thread_id IN (SELECT id FROM comment_thread WHERE report_id = $1)`,
      'DELETE FROM comment WHERE thread_id IN (SELECT id FROM comment_thread WHERE report_id = $1)',
      `UPDATE report_decision SET reason = 'Ändrad' WHERE report_id = $1`,
      'DELETE FROM report_decision WHERE report_id = $1',
      `UPDATE goal_assessment SET rating = 'NOT_MET' WHERE report_id = $1`,
      'DELETE FROM goal_assessment WHERE report_id = $1',
    ];
    for (const sql of statements) await expect(app.ds.query(sql, [reportId]), sql).rejects.toThrow(/append-only/);
    for (const table of ['comment', 'report_decision', 'goal_assessment']) {
      await expect(app.ds.query(`TRUNCATE ${table} CASCADE`), table).rejects.toThrow(/append-only/);
    }
    expect(await reportState(app.ds, reportId)).toEqual(before);
    const [counts] = await app.ds.query(
      `SELECT (SELECT count(*)::int FROM report_decision WHERE report_id = $1) AS decisions,
              (SELECT count(*)::int FROM goal_assessment WHERE report_id = $1) AS assessments,
              (SELECT count(*)::int FROM comment c JOIN comment_thread t ON t.id = c.thread_id WHERE t.report_id = $1) AS comments`,
      [reportId],
    );
    expect(counts).toEqual({ decisions: 1, assessments: 2, comments: 1 });
  });
});

describe('SQL statements per request do not grow with threads and comments', () => {
  it('one report with 1 thread of 1 comment and with 12 threads of 3 comments each', async () => {
    const count = async (reportId: string) => {
      let res: any;
      const statements = await app.countSql(async () => {
        res = await reviewer.gql(
          `query($id: ID!) { report(id: $id) { openThreadCount threads { id resolved answerChanged question { code text }
             comments { body authorName authorRole createdAt } } decisions { kind decidedByName } } }`,
          { id: reportId },
        );
      });
      expect(res.errors).toBeUndefined();
      return { statements, report: res.data.report };
    };
    const small = await reportIn(app, flow(), t, 'SUBMITTED');
    await start(reviewer, small, t.q.A, 'En');
    const large = await reportIn(app, flow(), t, 'SUBMITTED');
    for (let i = 0; i < 12; i++) {
      const id = await start(i % 2 ? actors.clients.ADMIN : reviewer, large, [t.q.A, t.q.B, t.q.C, null][i % 4], `Tråd ${i}`);
      await reply(provider, large, id, `Svar ${i}`);
      await reply(reviewer, large, id, `Tack ${i}`);
    }
    const few = await count(small);
    const many = await count(large);
    expect(few.report.threads).toHaveLength(1);
    expect(many.report.threads).toHaveLength(12);
    expect(many.report.threads.flatMap((x: any) => x.comments)).toHaveLength(36);
    expect(few.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(few.statements);
  });
});
