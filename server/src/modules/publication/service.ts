import { GraphQLError } from 'graphql';
import { ErrorCode, type Role } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import type { Viewer } from '../../common/auth.js';
import { recordAudit } from '../../common/audit.js';
import { badField, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { notify, providerUsers, reportReviewers } from '../notifications/notify.js';
import type { NotificationKind, TextParams } from '../notifications/texts.js';
import type { TargetColour } from '../program/enums.js';
import { Question, Report } from '../reporting/entities.js';
import { ReportStatus } from '../reporting/enums.js';
import { isOwnProviderUser, readableReport } from '../reporting/reports.js';
import { correctValue, deriveReport, publishBlocker, publishReportValues } from './derive.js';
import { ConfidentialityDecision, PublicResponse, PublishedValue, WithheldReason } from './entities.js';
import { publicationLoaders } from './loaders.js';
import type { CorrectPublishedValueInput, PublicationPreview } from './types.js';

const REVIEWERS: readonly Role[] = ['ADMIN', 'REVIEWER'];
/** The region's reading roles: they see the preview. */
const REGION: readonly Role[] = ['ADMIN', 'REVIEWER', 'AUDITOR'];
/** Statuses in which the region decides confidentiality requests: under review or approved, before publishing. */
const DECIDABLE: readonly string[] = [ReportStatus.SUBMITTED, ReportStatus.APPROVED];
export const RESPONSE_MAX = 2000;
const REASON_MAX = 5000;

/** A reviewer or administrator, logged in as a person: who decides and publishes. */
async function requireReviewerSession(ctx: Context): Promise<Viewer> {
  const viewer = await access.requireWriter(ctx, REVIEWERS);
  if (viewer.kind !== 'USER') throw new GraphQLError('Log in as a person to do this; an API token cannot', { extensions: { code: ErrorCode.FORBIDDEN } });
  return viewer;
}

function wrongState(action: string, status: string, allowed: string[]): GraphQLError {
  const message = `A report that is ${status} cannot be ${action}; only ${allowed.join(' or ')}`;
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ path: 'reportId', message: `Not allowed when the report is ${status}` }], status },
  });
}

async function lockReport(em: EntityManager, reportId: string): Promise<{ id: string; status: string; template_id: string; provider_id: string; reference: string }> {
  const [row] = await em.query('SELECT id, status, template_id, provider_id, reference FROM report WHERE id = $1 FOR UPDATE', [reportId]);
  if (!row) throw notFound('Report');
  return row;
}

async function notifyProvider(em: EntityManager, kind: NotificationKind, report: { id: string; provider_id: string; reference: string }, params: TextParams) {
  await notify(em, { kind, userIds: await providerUsers(em, report.provider_id), reportId: report.id, params: { ...params, report: report.reference } });
}

/** A reason the region gives: required, trimmed, at most 5,000 characters. */
function reasonText(value: string | null | undefined, path: string, missing: string): string {
  const text = (value ?? '').trim();
  if (!text) throw badField(path, missing);
  if (text.length > REASON_MAX) throw badField(path, 'The reason is too long (at most 5,000 characters)');
  return text;
}

// Control characters other than tab and line feed (a response is plain text).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const MARKUP = /<\/?[a-zA-Z!][^>]*>/;

/** Publication: confidentiality decisions, the preview, publishing, corrections and public responses. */
export const publicationService = {
  /** What publishing would make public (ADMIN, REVIEWER, AUDITOR); another provider's report is NOT_FOUND. */
  async preview(ctx: Context, reportId: string): Promise<PublicationPreview> {
    const report = await readableReport(ctx, reportId);
    await access.require(ctx, REGION);
    const d = await deriveReport(ctx.em, report.id);
    const ids = [...d.values.map((v) => v.questionId), ...d.withheld.map((w) => w.questionId), ...d.pending.map((p) => p.questionId)];
    const questions = new Map<string, Question>();
    for (const q of await ctx.loaders.questionById.loadMany(ids)) if (q && !(q instanceof Error)) questions.set(q.id, q);
    const blocker =
      report.status !== ReportStatus.APPROVED && report.status !== ReportStatus.PUBLISHED
        ? { message: `The report is ${report.status}; only an approved report is published` }
        : publishBlocker(d);
    return {
      values: d.values.map((v) => ({
        question: questions.get(v.questionId)!,
        value: v.value ?? null,
        valueNumber: v.valueNumber,
        target: v.target,
        colour: v.colour as TargetColour | null,
        suppressed: v.suppressed,
        suppressionReason: v.suppressionReason,
      })),
      withheld: d.withheld.map((w) => ({ question: questions.get(w.questionId)!, reason: w.reason as WithheldReason })),
      pendingConfidentiality: d.pending.map((p) => questions.get(p.questionId)!),
      canPublish: blocker === null,
      blockedReason: blocker?.message ?? null,
    };
  },

  /** Grants or refuses one confidentiality request, with a reason; the latest decision counts. */
  async decideConfidentiality(ctx: Context, reportId: string, questionId: string, granted: boolean, reason: string): Promise<ConfidentialityDecision> {
    await readableReport(ctx, reportId);
    const viewer = await requireReviewerSession(ctx);
    const text = reasonText(reason, 'reason', 'Give the reason for the decision (e.g. the legal ground)');
    const id = await ctx.em.transaction(async (em) => {
      const report = await lockReport(em, reportId);
      if (!DECIDABLE.includes(report.status)) throw wrongState('decided on', report.status, [...DECIDABLE]);
      const [answer] = isId(questionId)
        ? await em.query(
            `SELECT q.code, a.confidentiality_reason FROM answer a JOIN question q ON q.id = a.question_id
             WHERE a.report_id = $1 AND a.question_id = $2 AND a.confidentiality_requested`,
            [reportId, questionId],
          )
        : [];
      if (!answer) throw badField('questionId', 'The provider has not asked for confidentiality on this question');
      const [row] = await em.query(
        `INSERT INTO confidentiality_decision (report_id, template_id, question_id, granted, reason, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [reportId, report.template_id, questionId, granted, text, viewer.userId],
      );
      await recordAudit(em, ctx, {
        action: granted ? 'CONFIDENTIALITY_GRANTED' : 'CONFIDENTIALITY_REFUSED',
        entityType: 'Report',
        entityId: reportId,
        after: { decisionId: row.id, question: answer.code, granted, reason: text, requestReason: answer.confidentiality_reason },
      });
      return row.id as string;
    });
    return (await ctx.em.getRepository(ConfidentialityDecision).findOneBy({ id }))!;
  },

  /** Publishes an approved report whose confidentiality requests are all decided. */
  async publish(ctx: Context, reportId: string): Promise<Report> {
    await readableReport(ctx, reportId);
    const viewer = await requireReviewerSession(ctx);
    await ctx.em.transaction(async (em) => {
      const report = await lockReport(em, reportId);
      if (report.status === ReportStatus.PUBLISHED) {
        throw badField('reportId', 'The report is already published; correct a published value instead');
      }
      if (report.status !== ReportStatus.APPROVED) throw wrongState('published', report.status, [ReportStatus.APPROVED]);
      const { publicationId, values, derivation: d } = await publishReportValues(em, { reportId, publishedBy: viewer.userId! });
      await notifyProvider(em, 'REPORT_PUBLISHED', report, {});
      await recordAudit(em, ctx, {
        action: 'REPORT_PUBLISHED',
        entityType: 'Report',
        entityId: reportId,
        before: { status: report.status },
        after: {
          status: 'PUBLISHED',
          publicationId,
          values,
          suppressed: d.values.filter((v) => v.suppressed).map((v) => v.questionCode),
          withheld: Object.fromEntries(d.withheld.map((w) => [w.questionCode, w.reason])),
        },
      });
    });
    ctx.loaders.reportById.clear(reportId);
    return (await ctx.em.getRepository(Report).findOneBy({ id: reportId }))!;
  },

  /** A new published version of one value, with the reason; the old version stays. */
  async correct(ctx: Context, input: CorrectPublishedValueInput): Promise<PublishedValue> {
    await readableReport(ctx, input.reportId);
    const viewer = await requireReviewerSession(ctx);
    const reason = reasonText(input.reason, 'input.reason', 'Say why the value is corrected; the public reads it');
    if (!isId(input.questionId)) throw badField('input.questionId', 'This question has no published value to correct');
    const valueId = await ctx.em.transaction(async (em) => {
      const report = await lockReport(em, input.reportId);
      if (report.status !== ReportStatus.PUBLISHED) {
        throw badField('input.reportId', `Only a published report's values are corrected; this one is ${report.status}`);
      }
      const result = await correctValue(em, { reportId: input.reportId, questionId: input.questionId, value: input.value, reason, correctedBy: viewer.userId! });
      await notifyProvider(em, 'VALUE_CORRECTED', report, { question: result.questionCode, reason });
      await recordAudit(em, ctx, {
        action: 'PUBLISHED_VALUE_CORRECTED',
        entityType: 'Report',
        entityId: input.reportId,
        before: { question: result.questionCode, ...result.before },
        after: { question: result.questionCode, ...result.after, entered: input.value ?? null, reason, publicationId: result.publicationId },
      });
      return result.valueId;
    });
    return (await ctx.em.getRepository(PublishedValue).findOneBy({ id: valueId }))!;
  },

  /** The report's own provider writes a short public response to its published results; a pending one is replaced. */
  async submitResponse(ctx: Context, reportId: string, body: string): Promise<PublicResponse> {
    const viewer = await access.user(ctx);
    const report = await readableReport(ctx, reportId);
    if (!isOwnProviderUser(viewer, report)) {
      throw new GraphQLError('Only the provider\'s own users respond to its results', { extensions: { code: ErrorCode.FORBIDDEN } });
    }
    const text = (body ?? '').replace(/\r\n?/g, '\n').trim();
    if (!text) throw badField('body', 'Write the response');
    if (text.length > RESPONSE_MAX) throw badField('body', `The response is too long (at most ${RESPONSE_MAX.toLocaleString('en')} characters)`);
    if (CONTROL.test(text)) throw badField('body', 'The response contains control characters');
    if (MARKUP.test(text)) throw badField('body', 'Write plain text; HTML is not allowed');
    const id = await ctx.em.transaction(async (em) => {
      const locked = await lockReport(em, reportId);
      if (locked.status !== ReportStatus.PUBLISHED) {
        throw badField('reportId', 'A public response can be given once the results are published');
      }
      const replaced: { id: string }[] = await em.query(
        `UPDATE public_response SET status = 'WITHDRAWN', version = version + 1 WHERE report_id = $1 AND status = 'PENDING' RETURNING id`,
        [reportId],
      );
      const [row] = await em.query(
        'INSERT INTO public_response (report_id, provider_id, body, submitted_by) VALUES ($1, $2, $3, $4) RETURNING id',
        [reportId, locked.provider_id, text, viewer.userId],
      );
      const [provider] = await em.query('SELECT name FROM provider WHERE id = $1', [locked.provider_id]);
      await notify(em, {
        kind: 'PUBLIC_RESPONSE_WAITING',
        userIds: await reportReviewers(em, reportId),
        reportId,
        params: { report: locked.reference, provider: provider.name },
      });
      await recordAudit(em, ctx, {
        action: 'PUBLIC_RESPONSE_SUBMITTED',
        entityType: 'Report',
        entityId: reportId,
        before: replaced.length ? { pendingResponseId: replaced[0].id } : null,
        after: { responseId: row.id, body: text },
      });
      return row.id as string;
    });
    return (await ctx.em.getRepository(PublicResponse).findOneBy({ id }))!;
  },

  /** Accepts (shown from now on, in place of the one shown before) or rejects (with a reason) a pending response. */
  async decideResponse(ctx: Context, id: string, accept: boolean, reason: string | null): Promise<PublicResponse> {
    // Those who read no reports (ANALYST) are FORBIDDEN, whatever the id; below, a response out of scope is NOT_FOUND.
    await access.require(ctx, ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER']);
    const response = isId(id) ? await ctx.em.getRepository(PublicResponse).findOneBy({ id }) : null;
    if (!response) throw notFound('Public response');
    await readableReport(ctx, response.reportId).catch(() => {
      throw notFound('Public response');
    });
    const viewer = await requireReviewerSession(ctx);
    const text = accept ? (reason ?? '').trim() || null : reasonText(reason, 'reason', 'Say why the response is not accepted, so the provider can write a better one');
    if (text && text.length > REASON_MAX) throw badField('reason', 'The reason is too long (at most 5,000 characters)');
    await ctx.em.transaction(async (em) => {
      const report = await lockReport(em, response.reportId);
      const [current] = await em.query('SELECT status FROM public_response WHERE id = $1 FOR UPDATE', [id]);
      if (current.status !== 'PENDING') throw badField('id', `The response is ${current.status.toLowerCase()}; only a pending one is decided`);
      const replaced: { id: string }[] = accept
        ? await em.query(
            `UPDATE public_response SET status = 'WITHDRAWN', decided_at = NULL, decided_by = NULL, version = version + 1
             WHERE report_id = $1 AND status = 'ACCEPTED' RETURNING id`,
            [response.reportId],
          )
        : [];
      await em.query(
        `UPDATE public_response SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, version = version + 1 WHERE id = $1`,
        [id, accept ? 'ACCEPTED' : 'REJECTED', viewer.userId, text],
      );
      await notifyProvider(em, accept ? 'PUBLIC_RESPONSE_ACCEPTED' : 'PUBLIC_RESPONSE_REJECTED', report, { reason: text ?? undefined });
      await recordAudit(em, ctx, {
        action: accept ? 'PUBLIC_RESPONSE_ACCEPTED' : 'PUBLIC_RESPONSE_REJECTED',
        entityType: 'Report',
        entityId: response.reportId,
        before: { responseId: id, status: 'PENDING', ...(replaced.length ? { shownResponseId: replaced[0].id } : {}) },
        after: { responseId: id, status: accept ? 'ACCEPTED' : 'REJECTED', reason: text },
      });
    });
    return (await ctx.em.getRepository(PublicResponse).findOneBy({ id }))!;
  },

  /** Whether the viewer may publish the report now. */
  async viewerCanPublish(ctx: Context, report: Report): Promise<boolean> {
    const viewer = await ctx.auth.viewer();
    if (!viewer || viewer.kind !== 'USER' || !REVIEWERS.some((r) => viewer.roles.includes(r))) return false;
    if (report.status !== ReportStatus.APPROVED) return false;
    return (await publicationLoaders(ctx).pendingConfidentialityByReport.load(report.id)) === 0;
  },
};

/** Publication data of a report is read by the region's roles and the report's own provider; anyone else: NOT_FOUND. */
export async function assertReadable(ctx: Context, report: Pick<Report, 'providerId'>): Promise<void> {
  await access.assertProvider(ctx, report.providerId, 'Report');
}
