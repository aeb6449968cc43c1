import type { DataSource } from 'typeorm';
import type { Client, GraphQLResult, TestApp } from './app.js';
import { openReport, publishedTemplate, type TestTemplate } from './reporting.js';

export const STATES = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED'] as const;
export type ReportState = (typeof STATES)[number];

/** Jämtvård's Hälsoval agreement: the PROVIDER actor's (provider.private@insyn.example). */
export const OWN_AGREEMENT = 'LOV-HV-2012-004';
/** An agreement of Primärvården Region Jämtland Härjedalen: the OTHER_PROVIDER actor's (provider.inhouse@insyn.example). */
export const OTHER_AGREEMENT = 'UB-HV-2024-01';

export const GQL = {
  save: 'mutation($id: ID!, $v: Int!, $a: [AnswerInput!]!) { saveAnswers(reportId: $id, expectedVersion: $v, answers: $a) { id status version reopenedQuestionId } }',
  submit: 'mutation($id: ID!, $v: Int!) { submitReport(reportId: $id, expectedVersion: $v) { id reference receivedAt } }',
  requestChanges: 'mutation($id: ID!, $reason: String!) { requestChanges(reportId: $id, reason: $reason) { id status version } }',
  approve: `mutation($id: ID!, $assessments: [GoalAssessmentInput!]!) { approveReport(reportId: $id, assessments: $assessments) {
    id status version approvedAt assessments { goal { code } rating motivation } } }`,
  reopen: 'mutation($id: ID!, $q: ID!, $reason: String!) { reopenQuestion(reportId: $id, questionId: $q, reason: $reason) { id status version reopenedQuestionId } }',
  comment: 'mutation($input: AddCommentInput!) { addComment(input: $input) { id body authorName authorRole createdAt } }',
  resolve: 'mutation($id: ID!) { resolveThread(threadId: $id) { id resolved resolvedAt } }',
  reopenThread: 'mutation($id: ID!) { reopenThread(threadId: $id) { id resolved resolvedAt } }',
  assign: 'mutation($ids: [ID!]!, $to: ID) { assignReports(reportIds: $ids, reviewerId: $to) { id assignedTo { id name } } }',
};

/** The data of a call that must succeed. */
export async function ok<T = any>(client: Client, document: string, variables?: Record<string, unknown>): Promise<T> {
  const res: GraphQLResult<any> = await client.gql(document, variables);
  if (res.errors) throw new Error(`${document.slice(0, 60)}… failed: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export interface ReviewTemplate extends TestTemplate {
  /** Ids of the demo program's goals by code (M1…M7). */
  goals: Record<string, string>;
}

/**
 * A published template whose questions cover goals M1 (A, B) and M2 (C); D covers no goal.
 * A is required, so an untouched report is not complete.
 */
export async function reviewTemplate(ds: DataSource, name: string): Promise<ReviewTemplate> {
  const t = await publishedTemplate(ds, name, [
    { code: 'A', type: 'BOOLEAN', required: true, goal: 'M1' },
    { code: 'B', type: 'INTEGER', goal: 'M1' },
    { code: 'C', type: 'TEXT', goal: 'M2' },
    { code: 'D', type: 'DECIMAL' },
  ]);
  const rows: { code: string; id: string }[] = await ds.query(
    `SELECT g.code, g.id FROM goal g WHERE g.program_id = (SELECT id FROM program WHERE status = 'ADOPTED' ORDER BY term_start LIMIT 1)`,
  );
  return { ...t, goals: Object.fromEntries(rows.map((r) => [r.code, r.id])) };
}

/** One assessment for each goal the review template covers. */
export const assessAll = (t: ReviewTemplate, rating = 'MET', motivation: string | null = null) => [
  { goalId: t.goals.M1, rating, motivation },
  { goalId: t.goals.M2, rating, motivation },
];

export const versionOf = async (ds: DataSource, reportId: string): Promise<number> =>
  (await ds.query('SELECT version FROM report WHERE id = $1', [reportId]))[0].version;

/** The first answers the provider saves. */
export const firstAnswers = (t: TestTemplate) => [
  { questionId: t.q.A, value: true },
  { questionId: t.q.B, value: 3 },
  { questionId: t.q.C, value: 'Första svaret' },
];

/**
 * A new report of the agreement in the given state, reached the way users reach it: the provider
 * saves and submits, the reviewer returns or approves. PUBLISHED is set in SQL (no publishing
 * mutation yet).
 */
export async function reportIn(
  app: TestApp,
  flow: { provider: Client; reviewer: Client },
  t: ReviewTemplate,
  state: ReportState,
  agreement = OWN_AGREEMENT,
): Promise<string> {
  const { reportId } = await openReport(app.ds, t.id, agreement);
  if (state === 'NOT_STARTED') return reportId;
  await ok(flow.provider, GQL.save, { id: reportId, v: 1, a: firstAnswers(t) });
  if (state === 'DRAFT') return reportId;
  await ok(flow.provider, GQL.submit, { id: reportId, v: 2 });
  if (state === 'SUBMITTED') return reportId;
  if (state === 'CHANGES_REQUESTED') {
    await ok(flow.reviewer, GQL.requestChanges, { id: reportId, reason: 'Komplettera svaret på fråga B.' });
    return reportId;
  }
  await ok(flow.reviewer, GQL.approve, { id: reportId, assessments: assessAll(t) });
  if (state === 'PUBLISHED') {
    await app.ds.query(`UPDATE report SET status = 'PUBLISHED', published_at = now(), version = version + 1 WHERE id = $1`, [reportId]);
  }
  return reportId;
}

/** Everything of one report a refused call could have touched, and the size of the audit trail. */
export async function reportState(ds: DataSource, reportId: string): Promise<unknown> {
  const [row] = await ds.query(
    `SELECT
      (SELECT row_to_json(r) FROM report r WHERE r.id = $1) AS report,
      (SELECT json_agg(a ORDER BY a.question_id) FROM answer a WHERE a.report_id = $1) AS answers,
      (SELECT count(*) FROM submission WHERE report_id = $1) AS submissions,
      (SELECT count(*) FROM report_decision WHERE report_id = $1) AS decisions,
      (SELECT count(*) FROM goal_assessment WHERE report_id = $1) AS assessments,
      (SELECT json_agg(t ORDER BY t.id) FROM comment_thread t WHERE t.report_id = $1) AS threads,
      (SELECT count(*) FROM comment c JOIN comment_thread t ON t.id = c.thread_id WHERE t.report_id = $1) AS comments,
      (SELECT count(*) FROM audit_event) AS audit`,
    [reportId],
  );
  return row;
}
