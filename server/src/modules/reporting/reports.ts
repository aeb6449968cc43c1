import type DataLoader from 'dataloader';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { ErrorCode, type FieldError } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import type { Viewer } from '../../common/auth.js';
import { recordAudit } from '../../common/audit.js';
import { badField, badUserInput, conflict, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { decodeCursor, pageSize, sqlKeysetPage, SqlWhere, type Connection } from '../../common/pagination.js';
import { selects } from '../../common/selection.js';
import { entityRows } from '../../common/rows.js';
import { Agreement, Provider } from '../masterdata/entities.js';
import { unitsFromJson, unitsOfAgreementJson } from '../masterdata/loaders.js';
import { FollowUpRound, Report, Submission, type Question, type SnapshotAnswer } from './entities.js';
import { EDITABLE_STATUSES, ReportOrder, ReportStatus } from './enums.js';
import type { AnswerInput, ReportFilter } from './types.js';
import { checkComplete, checkShape } from './values.js';
import { notify, reportReviewers } from '../notifications/notify.js';

/** Roles that read every provider's reports. */
const READ_ALL = ['ADMIN', 'REVIEWER', 'AUDITOR'] as const;

/** A person logged in as a user of the report's own provider: the only ones who answer and submit it. */
export function isOwnProviderUser(viewer: Viewer | null, report: Pick<Report, 'providerId'>): boolean {
  return !!viewer && viewer.kind === 'USER' && viewer.roles.includes('PROVIDER') && viewer.providerId === report.providerId;
}

export function canEdit(viewer: Viewer | null, report: Pick<Report, 'providerId' | 'status'>): boolean {
  return isOwnProviderUser(viewer, report) && EDITABLE_STATUSES.includes(report.status);
}

/**
 * What the operation reads of a report besides its own fields: its round, provider and agreement
 * are loaded in the statement that loads the report (joined) instead of one statement each after
 * it; its answers at the same time as the report.
 */
export interface ReportRelations {
  round: boolean;
  provider: boolean;
  agreement: boolean;
  /** The agreement's units (with the agreement). */
  units: boolean;
  answers: boolean;
}

/** The relations the operation selects on the reports at `path` below the field being resolved. */
export function selectedRelations(info: GraphQLResolveInfo, ...path: string[]): ReportRelations {
  return {
    round: selects(info, ...path, 'round'),
    provider: selects(info, ...path, 'provider'),
    agreement: selects(info, ...path, 'agreement'),
    units: selects(info, ...path, 'agreement', 'units'),
    answers: selects(info, ...path, 'answers'),
  };
}

const JOINS = {
  round: { alias: 'jr', entity: FollowUpRound, on: 'LEFT JOIN follow_up_round jr ON jr.id = r.round_id' },
  provider: { alias: 'jp', entity: Provider, on: 'LEFT JOIN provider jp ON jp.id = r.provider_id' },
  agreement: { alias: 'ja', entity: Agreement, on: 'LEFT JOIN agreement ja ON ja.id = r.agreement_id' },
} as const;
const JOINED = ['round', 'provider', 'agreement'] as const;

/**
 * The columns and joins of a statement that loads reports (alias `r`) with what the operation
 * reads of them (read back by readReportRow).
 */
function reportStatement(em: EntityManager, relations: ReportRelations): { select: string; joins: string } {
  const joined = JOINED.filter((key) => relations[key]);
  const columns = [entityRows(em, Report).columns('r'), ...joined.map((key) => entityRows<FollowUpRound | Provider | Agreement>(em, JOINS[key].entity).columns(JOINS[key].alias))];
  if (relations.agreement && relations.units) columns.push(`${unitsOfAgreementJson('r.agreement_id')} AS ja_units`);
  return { select: columns.join(', '), joins: joined.map((key) => JOINS[key].on).join(' ') };
}

/**
 * A report from a result row (columns `r_…`, joined rows `jr_…`, `jp_…`, `ja_…`); the report and
 * the joined rows go to the request's loaders, where the field resolvers find them.
 */
function readReportRow(ctx: Context, row: Record<string, unknown>): Report {
  const report = entityRows(ctx.em, Report).read(row, 'r')!;
  ctx.loaders.reportById.prime(report.id, report);
  if (`jr_id` in row) primeWith(ctx.loaders.roundById, entityRows(ctx.em, FollowUpRound).read(row, 'jr'));
  if (`jp_id` in row) primeWith(ctx.loaders.providerById, entityRows(ctx.em, Provider).read(row, 'jp'));
  if (`ja_id` in row) primeWith(ctx.loaders.agreementById, entityRows(ctx.em, Agreement).read(row, 'ja'));
  if (row.ja_units !== undefined) ctx.loaders.unitsByAgreement.prime(report.agreementId, unitsFromJson(ctx.em, row.ja_units));
  return report;
}

function primeWith<E extends { id: string }>(loader: DataLoader<string, E | null>, entity: E | null): void {
  if (entity) loader.prime(entity.id, entity);
}

const NO_RELATIONS: ReportRelations = { round: false, provider: false, agreement: false, units: false, answers: false };

async function loadReport(ctx: Context, reportId: string, relations: ReportRelations): Promise<Report | null> {
  if (!JOINED.some((key) => relations[key])) return ctx.loaders.reportById.load(reportId);
  const { select, joins } = reportStatement(ctx.em, relations);
  const [row] = await ctx.em.query(`SELECT ${select} FROM report r ${joins} WHERE r.id = $1`, [reportId]);
  return row ? readReportRow(ctx, row) : null;
}

/**
 * A report the viewer may read, or NOT_FOUND (the same for someone else's report and for no report).
 * The viewer, the report and the answers asked for are read at the same time; nothing of them is
 * answered before the viewer is known to be allowed to read the report.
 */
export async function readableReport(ctx: Context, reportId: string, relations: ReportRelations = NO_RELATIONS): Promise<Report> {
  const known = isId(reportId);
  if (known && relations.answers) ctx.loaders.answersByReport.load(reportId).catch(() => undefined);
  const [viewer, report] = await Promise.all([access.require(ctx, [...READ_ALL, 'PROVIDER']), known ? loadReport(ctx, reportId, relations) : null]);
  if (!report || !access.inScope(access.providerScope(viewer), report.providerId)) throw notFound('Report');
  return report;
}

async function lockReport(em: EntityManager, reportId: string): Promise<Report | null> {
  const rows = await em.query(
    `SELECT id, provider_id AS "providerId", template_id AS "templateId", status, version, reference, round_id AS "roundId",
            reopened_question_id AS "reopenedQuestionId"
     FROM report WHERE id = $1 FOR UPDATE`,
    [reportId],
  );
  return rows[0] ?? null;
}

function notEditable(report: Pick<Report, 'status'>): GraphQLError {
  const message = `The report is ${report.status.toLowerCase().replace('_', ' ')} and cannot be changed now`;
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ path: 'reportId', message }], status: report.status },
  });
}

async function templateQuestions(em: EntityManager, templateId: string): Promise<Question[]> {
  return em.query(
    `SELECT q.id, q.code, q.type, q.required, q.options, q.min_value AS min, q.max_value AS max
     FROM question q JOIN template_section s ON s.id = q.section_id
     WHERE q.template_id = $1 ORDER BY s.position, q.position`,
    [templateId],
  );
}

export const reportService = {
  readableReport,

  /** Reports the viewer may read: all for the region's roles, their own provider's for a provider user. */
  async reports(
    ctx: Context,
    filter: ReportFilter | null,
    first: number | null,
    after: string | null,
    order: ReportOrder = ReportOrder.DUE_AT,
    relations: ReportRelations = NO_RELATIONS,
  ): Promise<Connection<Report>> {
    const viewer = await access.require(ctx, [...READ_ALL, 'PROVIDER']);
    pageSize(first);
    decodeCursor(after, 2);
    const fields: FieldError[] = [];
    if (filter?.roundId != null && !isId(filter.roundId)) fields.push({ path: 'filter.roundId', message: 'Not a valid id' });
    if (filter?.providerId != null && !isId(filter.providerId)) fields.push({ path: 'filter.providerId', message: 'Not a valid id' });
    if (filter?.choiceSystemId != null && !isId(filter.choiceSystemId)) fields.push({ path: 'filter.choiceSystemId', message: 'Not a valid id' });
    if (filter?.municipalityCode != null && !/^\d{4}$/.test(filter.municipalityCode)) {
      fields.push({ path: 'filter.municipalityCode', message: 'municipalityCode must be a four-digit SCB code' });
    }
    if (fields.length) throw badUserInput(fields);
    const scope = access.providerScope(viewer);
    const where = new SqlWhere();
    if (!scope.all) where.and((p) => `r.provider_id = ANY(${p(scope.providerIds)})`);
    if (filter?.status?.length) where.and((p) => `r.status = ANY(${p(filter.status)})`);
    if (filter?.roundId) where.and((p) => `r.round_id = ${p(filter.roundId)}`);
    if (filter?.providerId) where.and((p) => `r.provider_id = ${p(filter.providerId)}`);
    if (filter?.ownership?.length) {
      where.and((p) => `EXISTS (SELECT 1 FROM provider p WHERE p.id = r.provider_id AND p.ownership = ANY(${p(filter.ownership)}))`);
    }
    if (filter?.roundClosed != null) {
      where.and(() => `${filter.roundClosed ? '' : 'NOT '}EXISTS (SELECT 1 FROM follow_up_round fr WHERE fr.id = r.round_id AND fr.status = 'CLOSED')`);
    }
    if (filter?.overdue === true) where.and(() => `r.due_at < now() AND r.status IN ('NOT_STARTED', 'DRAFT', 'CHANGES_REQUESTED')`);
    if (filter?.overdue === false) where.and(() => `NOT (r.due_at < now() AND r.status IN ('NOT_STARTED', 'DRAFT', 'CHANGES_REQUESTED'))`);
    if (filter?.municipalityCode) {
      where.and(
        (p) => `EXISTS (SELECT 1 FROM agreement_unit au JOIN unit u ON u.id = au.unit_id WHERE au.agreement_id = r.agreement_id AND u.municipality_code = ${p(filter.municipalityCode)})`,
      );
    }
    if (filter?.choiceSystemId) {
      where.and((p) => `EXISTS (SELECT 1 FROM agreement a WHERE a.id = r.agreement_id AND a.choice_system_id = ${p(filter.choiceSystemId)})`);
    }
    if (filter?.assignedToMe === true) where.and((p) => `r.assigned_to = ${p(viewer.userId)}`);
    if (filter?.assignedToMe === false) where.and(() => 'r.assigned_to IS NULL');
    // SUBMITTED_AT: oldest submission first (the one that has waited longest); never-submitted
    // reports last, at millisecond precision as the cursor carries it (submission times have
    // microseconds).
    const bySubmission = order === ReportOrder.SUBMITTED_AT;
    const { select, joins } = reportStatement(ctx.em, relations);
    return sqlKeysetPage(ctx.em, {
      first,
      after,
      table: 'report r',
      joins,
      select,
      where,
      keys: bySubmission ? [`date_trunc('milliseconds', coalesce(r.submitted_at, 'infinity'::timestamptz))`, 'r.id'] : ['r.due_at', 'r.id'],
      keyOf: bySubmission
        ? (r) => [r.submittedAt ? new Date(r.submittedAt).toISOString() : 'infinity', r.id]
        : (r) => [new Date(r.dueAt).toISOString(), r.id],
      read: (row) => readReportRow(ctx, row),
    });
  },

  /**
   * Saves answers with the version the editor saw. A stale version is CONFLICT (with the current
   * version); a value of the wrong shape is BAD_USER_INPUT naming the question. Either way nothing
   * of the save is stored.
   */
  async saveAnswers(ctx: Context, reportId: string, expectedVersion: number, answers: AnswerInput[]): Promise<Report> {
    const viewer = await access.user(ctx);
    await readableReport(ctx, reportId);
    if (answers.length > 1000) throw badField('answers', 'Too many answers in one save');
    await ctx.em.transaction(async (em) => {
      const report = (await lockReport(em, reportId))!;
      if (!isOwnProviderUser(viewer, report)) {
        throw new GraphQLError('Only the provider\'s own users answer its reports', { extensions: { code: ErrorCode.FORBIDDEN } });
      }
      if (!canEdit(viewer, report)) throw notEditable(report);
      if (report.version !== expectedVersion) throw conflict(report.version);

      const questions = new Map((await templateQuestions(em, report.templateId)).map((q) => [q.id, q]));
      const fields: FieldError[] = [];
      const clean: { questionId: string; value: unknown; note: string | null; confidentialityRequested: boolean; confidentialityReason: string | null }[] = [];
      const seen = new Set<string>();
      answers.forEach((a, i) => {
        const q = isId(a.questionId) ? questions.get(a.questionId) : undefined;
        if (!q) return void fields.push({ path: `answers.${i}.questionId`, message: 'No such question in this report' });
        if (report.reopenedQuestionId && q.id !== report.reopenedQuestionId) {
          const reopened = questions.get(report.reopenedQuestionId)!;
          return void fields.push({ path: `answers.${q.id}`, message: `${q.code}: only question ${reopened.code} is reopened for changes` });
        }
        if (seen.has(q.id)) return void fields.push({ path: `answers.${q.id}`, message: `${q.code}: answered twice in one save` });
        seen.add(q.id);
        const shape = checkShape(q, a.value);
        if (!shape.ok) return void fields.push({ path: `answers.${q.id}`, message: `${q.code}: ${shape.message}` });
        const note = a.note?.trim() ? a.note.trim() : null;
        if (note && note.length > 5000) return void fields.push({ path: `answers.${q.id}.note`, message: `${q.code}: the note is too long` });
        const confidentialityRequested = a.confidentialityRequested ?? false;
        const reason = a.confidentialityReason?.trim() ? a.confidentialityReason.trim() : null;
        if (confidentialityRequested && !reason) {
          return void fields.push({ path: `answers.${q.id}.confidentialityReason`, message: `${q.code}: say why the answer should be confidential` });
        }
        clean.push({ questionId: q.id, value: shape.value, note, confidentialityRequested, confidentialityReason: confidentialityRequested ? reason : null });
      });
      if (fields.length) throw badUserInput(fields, fields[0].message);

      const before: { question_id: string; value: unknown; note: string | null; confidentiality_requested: boolean; confidentiality_reason: string | null }[] =
        clean.length
          ? await em.query(
              `SELECT question_id, value, note, confidentiality_requested, confidentiality_reason FROM answer
               WHERE report_id = $1 AND question_id = ANY($2)`,
              [reportId, clean.map((c) => c.questionId)],
            )
          : [];
      const previous = new Map(before.map((b) => [b.question_id, b]));
      const changedBefore: Record<string, unknown> = {};
      const changedAfter: Record<string, unknown> = {};
      for (const c of clean) {
        const p = previous.get(c.questionId);
        const old = p
          ? { value: p.value, note: p.note, confidentialityRequested: p.confidentiality_requested, confidentialityReason: p.confidentiality_reason }
          : { value: null, note: null, confidentialityRequested: false, confidentialityReason: null };
        const next = { value: c.value, note: c.note, confidentialityRequested: c.confidentialityRequested, confidentialityReason: c.confidentialityReason };
        if (JSON.stringify(old) === JSON.stringify(next)) continue;
        const code = questions.get(c.questionId)!.code;
        changedBefore[code] = old;
        changedAfter[code] = next;
        await em.query(
          `INSERT INTO answer (report_id, question_id, template_id, value, note, confidentiality_requested, confidentiality_reason, updated_at, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8)
           ON CONFLICT (report_id, question_id) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note,
             confidentiality_requested = EXCLUDED.confidentiality_requested, confidentiality_reason = EXCLUDED.confidentiality_reason,
             updated_at = now(), updated_by = EXCLUDED.updated_by`,
          [reportId, c.questionId, report.templateId, JSON.stringify(c.value), c.note, c.confidentialityRequested, c.confidentialityReason, viewer.userId],
        );
      }
      // Not started → draft; a report returned for changes is a draft again once the provider edits it.
      const nextStatus =
        report.status === ReportStatus.NOT_STARTED || report.status === ReportStatus.CHANGES_REQUESTED ? ReportStatus.DRAFT : report.status;
      // A save that changes nothing is no change: no new version, no audit row.
      if (Object.keys(changedAfter).length === 0) return;
      // Every acknowledged change moves the version on, so the next save must carry the new one.
      const res: [unknown[], number] = await em.query(
        `UPDATE report SET version = version + 1, status = $3, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
        [reportId, expectedVersion, nextStatus],
      );
      if (res[1] !== 1) throw conflict(report.version);
      await recordAudit(em, ctx, {
        action: 'ANSWERS_SAVED',
        entityType: 'Report',
        entityId: reportId,
        before: { status: report.status, answers: changedBefore },
        after: { status: nextStatus, answers: changedAfter },
      });
    });
    ctx.loaders.reportById.clear(reportId);
    return (await ctx.em.getRepository(Report).findOneBy({ id: reportId }))!;
  },

  /**
   * Validates every answer, freezes a Submission and returns its receipt. A retry with the same
   * expected version returns the same Submission.
   */
  async submitReport(ctx: Context, reportId: string, expectedVersion: number): Promise<Submission> {
    const viewer = await access.user(ctx);
    await readableReport(ctx, reportId);
    const submissionId = await ctx.em.transaction(async (em) => {
      const report = (await lockReport(em, reportId))!;
      // Who may submit comes first: a retry is the provider's, not anyone's way to a submission.
      if (!isOwnProviderUser(viewer, report)) {
        throw new GraphQLError('Only the provider\'s own users submit its reports', { extensions: { code: ErrorCode.FORBIDDEN } });
      }
      const earlier = await em.query('SELECT id FROM submission WHERE report_id = $1 AND report_version = $2', [reportId, expectedVersion]);
      if (earlier.length) return earlier[0].id as string; // a retry after a lost response
      if (!canEdit(viewer, report)) throw notEditable(report);
      if (report.version !== expectedVersion) throw conflict(report.version);

      const questions = await templateQuestions(em, report.templateId);
      const rows: { question_id: string; value: unknown; note: string | null; confidentiality_requested: boolean; confidentiality_reason: string | null }[] =
        await em.query(
          'SELECT question_id, value, note, confidentiality_requested, confidentiality_reason FROM answer WHERE report_id = $1',
          [reportId],
        );
      const byQuestion = new Map(rows.map((r) => [r.question_id, r]));
      const problems = checkComplete(questions, new Map(rows.map((r) => [r.question_id, r.value])));
      // An attachment answer must name a live file of this report and question.
      const attachmentIds = questions
        .filter((q) => q.type === 'ATTACHMENT' && byQuestion.get(q.id)?.value)
        .map((q) => ({ q, id: byQuestion.get(q.id)!.value as string }));
      if (attachmentIds.length) {
        const live: { id: string; question_id: string }[] = await em.query(
          'SELECT id, question_id FROM attachment WHERE report_id = $1 AND deleted_at IS NULL AND id = ANY($2)',
          [reportId, attachmentIds.map((a) => a.id)],
        );
        for (const a of attachmentIds) {
          if (!live.some((l) => l.id === a.id && l.question_id === a.q.id)) {
            problems.push({ path: `answers.${a.q.id}`, message: `${a.q.code}: the file is missing; upload it again` });
          }
        }
      }
      if (problems.length) throw badUserInput(problems, `The report is not complete: ${problems.length} problem(s)`);

      const snapshot: SnapshotAnswer[] = questions
        .filter((q) => byQuestion.has(q.id))
        .map((q) => {
          const a = byQuestion.get(q.id)!;
          return {
            questionId: q.id,
            code: q.code,
            value: a.value,
            note: a.note,
            confidentialityRequested: a.confidentiality_requested,
            confidentialityReason: a.confidentiality_reason,
          };
        });
      const [row] = await em.query(
        `INSERT INTO submission (report_id, reference, report_version, submitted_by, answers)
         VALUES ($1, 'UPP-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('submission_reference_seq')::text, 6, '0'), $2, $3, $4)
         RETURNING id, reference, received_at`,
        [reportId, expectedVersion, viewer.userId, JSON.stringify(snapshot)],
      );
      await em.query(
        `UPDATE report SET status = 'SUBMITTED', submitted_at = $2, reopened_question_id = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
        [reportId, row.received_at],
      );
      const [provider] = await em.query('SELECT name FROM provider WHERE id = $1', [report.providerId]);
      await notify(em, {
        kind: 'REPORT_SUBMITTED',
        userIds: await reportReviewers(em, reportId),
        reportId,
        params: { report: report.reference, provider: provider.name },
      });
      await recordAudit(em, ctx, {
        action: 'REPORT_SUBMITTED',
        entityType: 'Report',
        entityId: reportId,
        before: { status: report.status },
        after: { status: 'SUBMITTED', submission: row.reference, submissionId: row.id },
      });
      return row.id as string;
    });
    ctx.loaders.reportById.clear(reportId);
    return (await ctx.em.getRepository(Submission).findOneBy({ id: submissionId }))!;
  },
};
