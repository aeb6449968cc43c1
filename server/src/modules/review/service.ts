import { GraphQLError } from 'graphql';
import { ErrorCode, type FieldError, type Role } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import type { Viewer } from '../../common/auth.js';
import { recordAudit } from '../../common/audit.js';
import { badField, badUserInput, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { Report } from '../reporting/entities.js';
import { ReportStatus } from '../reporting/enums.js';
import { readableReport } from '../reporting/reports.js';
import { Comment, CommentThread, type AssessmentRating } from './entities.js';
import type { AddCommentInput, GoalAssessmentInput } from './inputs.js';
import { notify, providerUsers } from '../notifications/notify.js';
import type { NotificationKind, TextParams } from '../notifications/texts.js';

const REVIEWERS: readonly Role[] = ['ADMIN', 'REVIEWER'];

/** Tells the report's provider users, in the transaction of the decision. */
async function notifyProvider(em: EntityManager, kind: NotificationKind, reportId: string, params: TextParams): Promise<void> {
  const [r] = await em.query('SELECT reference, provider_id FROM report WHERE id = $1', [reportId]);
  await notify(em, { kind, userIds: await providerUsers(em, r.provider_id), reportId, params: { ...params, report: r.reference } });
}

function wrongState(action: string, status: ReportStatus, allowed: ReportStatus[]): GraphQLError {
  return new GraphQLError(`A report that is ${status} cannot be ${action}; only ${allowed.join(' or ')}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ path: 'reportId', message: `Not allowed when the report is ${status}` }], status },
  });
}

async function lock(em: EntityManager, reportId: string): Promise<{ id: string; status: ReportStatus; template_id: string; provider_id: string; version: number }> {
  const [row] = await em.query('SELECT id, status, template_id, provider_id, version FROM report WHERE id = $1 FOR UPDATE', [reportId]);
  return row;
}

/** Reviewer work on submitted reports: decisions, threads and assignment. */
export const reviewService = {
  async requestChanges(ctx: Context, reportId: string, reason: string): Promise<Report> {
    // The report first: another provider's report is NOT_FOUND; one the caller may read but not decide is FORBIDDEN.
    await readableReport(ctx, reportId);
    await access.requireWriter(ctx, REVIEWERS);
    const text = (reason ?? '').trim();
    if (!text) throw badField('reason', 'Say what the provider should change');
    if (text.length > 10000) throw badField('reason', 'The reason is too long');
    await ctx.em.transaction(async (em) => {
      const report = await lock(em, reportId);
      if (report.status !== ReportStatus.SUBMITTED) throw wrongState('returned for changes', report.status, [ReportStatus.SUBMITTED]);
      const [last] = await em.query('SELECT id FROM submission WHERE report_id = $1 ORDER BY received_at DESC LIMIT 1', [reportId]);
      const viewer = (await ctx.auth.viewer())!;
      await em.query(
        `INSERT INTO report_decision (report_id, template_id, kind, reason, submission_id, decided_by) VALUES ($1, $2, 'CHANGES_REQUESTED', $3, $4, $5)`,
        [reportId, report.template_id, text, last?.id ?? null, viewer.userId],
      );
      await em.query(`UPDATE report SET status = 'CHANGES_REQUESTED', version = version + 1, updated_at = now() WHERE id = $1`, [reportId]);
      await notifyProvider(em, 'CHANGES_REQUESTED', reportId, { reason: text });
      await recordAudit(em, ctx, {
        action: 'CHANGES_REQUESTED',
        entityType: 'Report',
        entityId: reportId,
        before: { status: report.status },
        after: { status: 'CHANGES_REQUESTED', reason: text },
      });
    });
    ctx.loaders.reportById.clear(reportId);
    return (await ctx.em.getRepository(Report).findOneBy({ id: reportId }))!;
  },

  /** Approves with one assessment per program goal the template covers. */
  async approveReport(ctx: Context, reportId: string, assessments: GoalAssessmentInput[]): Promise<Report> {
    await readableReport(ctx, reportId);
    await access.requireWriter(ctx, REVIEWERS);
    await ctx.em.transaction(async (em) => {
      const report = await lock(em, reportId);
      if (report.status !== ReportStatus.SUBMITTED) throw wrongState('approved', report.status, [ReportStatus.SUBMITTED]);
      const covered: { id: string; code: string }[] = await em.query(
        `SELECT DISTINCT g.id, g.code, g.position FROM question q JOIN goal g ON g.id = q.goal_id WHERE q.template_id = $1 ORDER BY g.position`,
        [report.template_id],
      );
      const fields: FieldError[] = [];
      const given = new Map<string, GoalAssessmentInput>();
      assessments.forEach((a, i) => {
        if (!covered.some((g) => g.id === a.goalId)) fields.push({ path: `assessments.${i}.goalId`, message: 'The template does not cover this goal' });
        else if (given.has(a.goalId)) fields.push({ path: `assessments.${i}.goalId`, message: 'The goal is assessed twice' });
        else if ((a.motivation ?? '').length > 10000) fields.push({ path: `assessments.${i}.motivation`, message: 'The motivation is too long' });
        given.set(a.goalId, a);
      });
      for (const g of covered) {
        if (!given.has(g.id)) fields.push({ path: `assessments.${g.id}`, message: `Assess goal ${g.code} (or mark it not assessed)` });
      }
      if (fields.length) throw badUserInput(fields, fields[0].message);
      const viewer = (await ctx.auth.viewer())!;
      const [last] = await em.query('SELECT id FROM submission WHERE report_id = $1 ORDER BY received_at DESC LIMIT 1', [reportId]);
      const [decision] = await em.query(
        `INSERT INTO report_decision (report_id, template_id, kind, submission_id, decided_by) VALUES ($1, $2, 'APPROVED', $3, $4) RETURNING id`,
        [reportId, report.template_id, last?.id ?? null, viewer.userId],
      );
      const recorded: Record<string, { rating: AssessmentRating; motivation: string | null }> = {};
      for (const g of covered) {
        const a = given.get(g.id)!;
        const motivation = a.motivation?.trim() ? a.motivation.trim() : null;
        await em.query('INSERT INTO goal_assessment (decision_id, report_id, goal_id, rating, motivation) VALUES ($1, $2, $3, $4, $5)', [
          decision.id,
          reportId,
          g.id,
          a.rating,
          motivation,
        ]);
        recorded[g.code] = { rating: a.rating, motivation };
      }
      await em.query(`UPDATE report SET status = 'APPROVED', approved_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [reportId]);
      await notifyProvider(em, 'REPORT_APPROVED', reportId, {});
      await recordAudit(em, ctx, {
        action: 'REPORT_APPROVED',
        entityType: 'Report',
        entityId: reportId,
        before: { status: report.status },
        after: { status: 'APPROVED', assessments: recorded },
      });
    });
    ctx.loaders.reportById.clear(reportId);
    return (await ctx.em.getRepository(Report).findOneBy({ id: reportId }))!;
  },

  /** Lets the provider change one question of an approved report, with a reason. */
  async reopenQuestion(ctx: Context, reportId: string, questionId: string, reason: string): Promise<Report> {
    await readableReport(ctx, reportId);
    await access.requireWriter(ctx, REVIEWERS);
    const text = (reason ?? '').trim();
    if (!text) throw badField('reason', 'Say why the question is reopened');
    if (text.length > 10000) throw badField('reason', 'The reason is too long');
    await ctx.em.transaction(async (em) => {
      const report = await lock(em, reportId);
      if (report.status !== ReportStatus.APPROVED) throw wrongState('reopened', report.status, [ReportStatus.APPROVED]);
      const [question] = isId(questionId)
        ? await em.query('SELECT id, code FROM question WHERE id = $1 AND template_id = $2', [questionId, report.template_id])
        : [];
      if (!question) throw badField('questionId', 'No such question in this report');
      const viewer = (await ctx.auth.viewer())!;
      await em.query(
        `INSERT INTO report_decision (report_id, template_id, kind, reason, question_id, decided_by) VALUES ($1, $2, 'QUESTION_REOPENED', $3, $4, $5)`,
        [reportId, report.template_id, text, question.id, viewer.userId],
      );
      await em.query(
        `UPDATE report SET status = 'CHANGES_REQUESTED', reopened_question_id = $2, approved_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
        [reportId, question.id],
      );
      await recordAudit(em, ctx, {
        action: 'QUESTION_REOPENED',
        entityType: 'Report',
        entityId: reportId,
        before: { status: report.status },
        after: { status: 'CHANGES_REQUESTED', question: question.code, reason: text },
      });
    });
    ctx.loaders.reportById.clear(reportId);
    return (await ctx.em.getRepository(Report).findOneBy({ id: reportId }))!;
  },

  /** Starts a thread (on a question or the report) or replies in one. Reviewers, and the report's provider users. */
  async addComment(ctx: Context, input: AddCommentInput): Promise<Comment> {
    const viewer = await access.user(ctx);
    const report = await readableReport(ctx, input.reportId);
    const role = authorRole(viewer, report.providerId);
    const body = (input.body ?? '').replace(/\r\n/g, '\n').trim();
    if (!body) throw badField('input.body', 'Write a comment');
    if (body.length > 10000) throw badField('input.body', 'The comment is too long (at most 10,000 characters)');
    const commentId = await ctx.em.transaction(async (em) => {
      let threadId = input.threadId ?? null;
      if (threadId) {
        const [thread] = isId(threadId) ? await em.query('SELECT id FROM comment_thread WHERE id = $1 AND report_id = $2', [threadId, report.id]) : [];
        if (!thread) throw notFound('Thread');
      } else {
        if (role === 'PROVIDER') throw badField('input.threadId', 'Reply in a thread the region started');
        let answer: unknown = null;
        if (input.questionId != null) {
          const [q] = isId(input.questionId)
            ? await em.query('SELECT id FROM question WHERE id = $1 AND template_id = $2', [input.questionId, report.templateId])
            : [];
          if (!q) throw badField('input.questionId', 'No such question in this report');
          const [a] = await em.query('SELECT value FROM answer WHERE report_id = $1 AND question_id = $2', [report.id, q.id]);
          answer = a?.value ?? null;
        }
        const [thread] = await em.query(
          `INSERT INTO comment_thread (report_id, template_id, question_id, created_by, answer_at_start) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [report.id, report.templateId, input.questionId ?? null, viewer.userId, JSON.stringify(answer)],
        );
        threadId = thread.id as string;
        const [q] = input.questionId ? await em.query('SELECT code FROM question WHERE id = $1', [input.questionId]) : [];
        await notifyProvider(em, 'THREAD_STARTED', report.id, { question: q?.code });
      }
      const [comment] = await em.query(
        'INSERT INTO comment (thread_id, author_id, author_role, body) VALUES ($1, $2, $3, $4) RETURNING id',
        [threadId, viewer.userId, role, body],
      );
      await recordAudit(em, ctx, {
        action: input.threadId ? 'COMMENT_ADDED' : 'THREAD_STARTED',
        entityType: 'Report',
        entityId: report.id,
        after: { threadId, commentId: comment.id, questionId: input.questionId ?? null, body },
      });
      return comment.id as string;
    });
    return (await ctx.em.getRepository(Comment).findOneBy({ id: commentId }))!;
  },

  async setThreadResolved(ctx: Context, threadId: string, resolved: boolean): Promise<CommentThread> {
    // Those who read no reports (ANALYST) are FORBIDDEN, whatever the id; below, a thread out of scope is NOT_FOUND.
    const viewer = await access.require(ctx, ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER']);
    const thread = isId(threadId) ? await ctx.em.getRepository(CommentThread).findOneBy({ id: threadId }) : null;
    if (!thread) throw notFound('Thread');
    const report = await readableReport(ctx, thread.reportId).catch(() => {
      throw notFound('Thread');
    });
    await access.requireWriter(ctx, REVIEWERS);
    void report;
    if (Boolean(thread.resolvedAt) === resolved) return thread;
    await ctx.em.transaction(async (em) => {
      await em.query(
        resolved
          ? 'UPDATE comment_thread SET resolved_at = now(), resolved_by = $2, version = version + 1 WHERE id = $1'
          : 'UPDATE comment_thread SET resolved_at = NULL, resolved_by = NULL, version = version + 1 WHERE id = $1',
        resolved ? [threadId, viewer.userId] : [threadId],
      );
      await recordAudit(em, ctx, {
        action: resolved ? 'THREAD_RESOLVED' : 'THREAD_REOPENED',
        entityType: 'Report',
        entityId: thread.reportId,
        before: { threadId, resolved: !resolved },
        after: { threadId, resolved },
      });
    });
    return (await ctx.em.getRepository(CommentThread).findOneBy({ id: threadId }))!;
  },

  /** Assigns reports to a reviewer (null: unassigned). */
  async assign(ctx: Context, reportIds: string[], reviewerId: string | null): Promise<Report[]> {
    await access.require(ctx, ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER']);
    if (!reportIds.length || reportIds.length > 500) throw badField('reportIds', 'Choose between 1 and 500 reports');
    // Every report first: another provider's (or no) report is NOT_FOUND; a readable one is FORBIDDEN to non-reviewers.
    await Promise.all([...new Set(reportIds)].map((id) => readableReport(ctx, id)));
    await access.requireWriter(ctx, REVIEWERS);
    if (reviewerId !== null) {
      const [reviewer] = isId(reviewerId)
        ? await ctx.em.query(`SELECT id FROM app_user WHERE id = $1 AND active AND roles && ARRAY['REVIEWER', 'ADMIN']::text[]`, [reviewerId])
        : [];
      if (!reviewer) throw badField('reviewerId', 'Choose an active reviewer');
    }
    await ctx.em.transaction(async (em) => {
      const rows: { id: string; assigned_to: string | null }[] = await em.query(
        'SELECT id, assigned_to FROM report WHERE id = ANY($1) ORDER BY id FOR UPDATE',
        [[...new Set(reportIds)]],
      );
      if (rows.length !== new Set(reportIds).size) throw notFound('Report');
      for (const row of rows) {
        if (row.assigned_to === reviewerId) continue;
        await em.query('UPDATE report SET assigned_to = $2, version = version + 1, updated_at = now() WHERE id = $1', [row.id, reviewerId]);
        await recordAudit(em, ctx, {
          action: 'REPORT_ASSIGNED',
          entityType: 'Report',
          entityId: row.id,
          before: { assignedTo: row.assigned_to },
          after: { assignedTo: reviewerId },
        });
      }
    });
    for (const id of reportIds) ctx.loaders.reportById.clear(id);
    return ctx.em.getRepository(Report).find({ where: reportIds.map((id) => ({ id })), order: { dueAt: 'ASC', id: 'ASC' } });
  },
};

/** Who writes: a reviewer, or a user of the report's own provider. Auditors and analysts only read. */
function authorRole(viewer: Viewer, providerId: string): 'ADMIN' | 'REVIEWER' | 'PROVIDER' {
  if (viewer.kind === 'USER' && viewer.roles.includes('REVIEWER')) return 'REVIEWER';
  if (viewer.kind === 'USER' && viewer.roles.includes('ADMIN')) return 'ADMIN';
  if (viewer.kind === 'USER' && viewer.roles.includes('PROVIDER') && viewer.providerId === providerId) return 'PROVIDER';
  throw new GraphQLError('You may read this report but not comment on it', { extensions: { code: ErrorCode.FORBIDDEN } });
}
