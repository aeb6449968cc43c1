import { createHash, randomInt } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ErrorCode, INSIGHT_ANSWER_WORKING_DAYS, addWorkingDays, type Role } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../app/context.js';
import { access, type ProviderScope } from '../../common/access.js';
import { recordAudit } from '../../common/audit.js';
import { badField, badUserInput, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { keysetPage, type Connection } from '../../common/pagination.js';
import { lockForUpdate } from '../../common/versioned.js';
import { parseInput } from '../../common/zod-input.js';
import { formatDate, notify, notifyRequester, providerUsers } from '../notifications/notify.js';
import type { InsightStep } from '../notifications/texts.js';
import { InsightDecision, InsightEventKind, InsightRequest, InsightRequestStatus } from './entities.js';
import type { InsightRequestFilter, InsightSecretPartInput, SubmitInsightRequestInput } from './types.js';

const REVIEWERS: readonly Role[] = ['ADMIN', 'REVIEWER'];
/** Submissions per client address and hour. */
export const SUBMISSIONS_PER_HOUR = 5;
/** Working days a provider has to answer, unless the reviewer sets another date. */

// Crockford base32 without I, L, O, U: 20 characters = 100 bits, shown as XXXXX-XXXXX-XXXXX-XXXXX.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 20;

export function newTrackingCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** The code as typed (any case, spaces or dashes; O for 0, I and L for 1), or null when it cannot be one. */
export function normaliseTrackingCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 100) return null;
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

export function trackingHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/** Plain text: line breaks as \n, no control characters but newline and tab, trimmed. */
function plain(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}

const text = (what: string, max: number) =>
  z
    .string()
    .transform(plain)
    .pipe(z.string().min(1, `Enter ${what}`).max(max, `At most ${max.toLocaleString('en')} characters`));
const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v == null ? null : plain(v) || null))
    .pipe(z.string().max(max, `At most ${max.toLocaleString('en')} characters`).nullable());
const optionalId = z
  .string()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isId(v), 'Not a valid id');

const submitSchema = z.object({
  subject: text('a subject', 200),
  description: text('what you want to know', 5000),
  providerId: optionalId,
  unitId: optionalId,
  email: z
    .string()
    .nullish()
    .transform((v) => (v == null ? null : v.trim().toLowerCase() || null))
    .pipe(
      z
        .string()
        .max(254, 'E-mail address is too long')
        .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter a valid e-mail address')
        .nullable(),
    ),
  language: z
    .string()
    .nullish()
    .transform((v) => v || 'sv')
    .pipe(z.enum(['sv', 'en'], { message: 'Choose sv or en' })),
});

const answerSchema = z.object({
  answer: text('the answer', 20000),
  secretParts: z
    .array(z.object({ text: text('the secret part', 5000), reason: text('why it is a business secret', 2000) }))
    .max(50, 'At most 50 secret parts'),
});

const decideSchema = z
  .object({
    decision: z.enum(InsightDecision),
    legalGround: optionalText(500),
    appealNote: optionalText(2000),
    text: text('the decision', 10000),
  })
  .superRefine((d, ctx) => {
    if (d.decision === InsightDecision.DISCLOSED) {
      if (d.legalGround) ctx.addIssue({ code: 'custom', path: ['legalGround'], message: 'No legal ground when everything is disclosed' });
      if (d.appealNote) ctx.addIssue({ code: 'custom', path: ['appealNote'], message: 'No appeal note when everything is disclosed' });
    } else {
      if (!d.legalGround) ctx.addIssue({ code: 'custom', path: ['legalGround'], message: 'Give the legal ground, e.g. OSL 31 kap. 16 §' });
      if (!d.appealNote) ctx.addIssue({ code: 'custom', path: ['appealNote'], message: 'Say how the decision can be appealed' });
    }
  });

function rateLimited(ctx: Context, retryAfter: number): GraphQLError {
  ctx.res?.setHeader('Retry-After', String(retryAfter));
  return new GraphQLError('Too many insight requests from this address. Wait a while and try again.', {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfter },
  });
}

function wrongState(status: InsightRequestStatus, action: string, allowed: InsightRequestStatus[]): GraphQLError {
  return new GraphQLError(`A request that is ${status} cannot be ${action}; only ${allowed.join(' or ')}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ path: 'id', message: `Not allowed when the request is ${status}` }], status },
  });
}

interface Row {
  id: string;
  reference: string;
  status: InsightRequestStatus;
  provider_id: string | null;
  unit_id: string | null;
  requester_email: string | null;
  language: string;
  forwarded_at: Date | null;
  due_at: Date | null;
  decision: InsightDecision | null;
  version: number;
}

async function event(em: EntityManager, requestId: string, kind: InsightEventKind, actorId: string | null, note: string | null = null): Promise<void> {
  await em.query('INSERT INTO insight_request_event (request_id, kind, actor_id, public_note) VALUES ($1, $2, $3, $4)', [requestId, kind, actorId, note]);
}

async function mailRequester(em: EntityManager, row: Row, step: InsightStep, extra: { due?: Date | null; decision?: InsightDecision | null } = {}): Promise<void> {
  await notifyRequester(
    em,
    { id: row.id, email: row.requester_email, language: row.language },
    { reference: row.reference, step, due: extra.due ? formatDate(extra.due) : undefined, decision: extra.decision ?? null },
  );
}

async function viewerId(ctx: Context): Promise<string> {
  return (await ctx.auth.viewer())!.userId;
}

export const insightService = {
  /** Files a request from the public (no login needed), rate-limited per client address. */
  async submit(ctx: Context, input: SubmitInsightRequestInput): Promise<{ reference: string; trackingCode: string; receivedAt: Date }> {
    const data = parseInput(submitSchema, input);
    // The provider follows from the unit; a unit of another provider than the one named is refused.
    let providerId = data.providerId;
    let provider: { id: string; name: string } | undefined;
    if (data.unitId) {
      const [unit] = await ctx.em.query('SELECT id, provider_id FROM unit WHERE id = $1', [data.unitId]);
      if (!unit) throw badField('input.unitId', 'No such unit');
      if (providerId && unit.provider_id !== providerId) throw badField('input.unitId', 'The unit is not one of the provider\'s');
      providerId = unit.provider_id;
    }
    if (providerId) {
      [provider] = await ctx.em.query('SELECT id, name FROM provider WHERE id = $1', [providerId]);
      if (!provider) throw badField('input.providerId', 'No such provider');
    }
    const code = newTrackingCode();
    const result = await ctx.em.transaction(async (em) => {
      // One address at a time, so that parallel submissions cannot pass the limit together.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`insight-submit:${ctx.ip}`]);
      const [limit] = await em.query(
        `SELECT count(*)::int AS n, ceil(extract(epoch FROM min(at) + interval '1 hour' - now()))::int AS retry_after
         FROM insight_request_submission WHERE ip = $1 AND at > now() - interval '1 hour'`,
        [ctx.ip],
      );
      if (limit.n >= SUBMISSIONS_PER_HOUR) throw rateLimited(ctx, Math.max(1, limit.retry_after ?? 3600));
      await em.query('INSERT INTO insight_request_submission (ip) VALUES ($1)', [ctx.ip]);
      // Rows older than a day count for nothing.
      await em.query(`DELETE FROM insight_request_submission WHERE at < now() - interval '1 day'`);
      const [row] = await em.query(
        `INSERT INTO insight_request (reference, tracking_hash, subject, description, provider_id, unit_id, requester_email, language)
         VALUES ('INS-' || to_char(now() AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-' || lpad(nextval('insight_request_reference_seq')::text, 4, '0'),
                 $1, $2, $3, $4, $5, $6, $7)
         RETURNING id, reference, status, provider_id, unit_id, requester_email, language, forwarded_at, due_at, decision, version, created_at`,
        [trackingHash(normaliseTrackingCode(code)!), data.subject, data.description, providerId, data.unitId, data.email, data.language],
      );
      await event(em, row.id, InsightEventKind.RECEIVED, null);
      await mailRequester(em, row, 'RECEIVED');
      await recordAudit(em, ctx, {
        action: 'INSIGHT_REQUEST_SUBMITTED',
        entityType: 'InsightRequest',
        entityId: row.id,
        // Neither the tracking code nor the requester's address: what was asked, and about whom.
        after: {
          reference: row.reference,
          subject: data.subject,
          description: data.description,
          providerId,
          unitId: data.unitId,
          emailGiven: data.email !== null,
          language: data.language,
        },
      });
      return { reference: row.reference as string, receivedAt: row.created_at as Date };
    });
    return { ...result, trackingCode: code };
  },

  /** The public facts of a request, by tracking code; null for a code that names none. */
  async status(ctx: Context, trackingCode: string) {
    const code = normaliseTrackingCode(trackingCode);
    if (!code) return null;
    const [row] = await ctx.em.query(
      `SELECT r.id, r.reference, r.subject, r.status, r.created_at, r.due_at, r.decision, r.legal_ground, r.appeal_note,
              r.decision_text, r.decided_at, r.closed_at, p.name AS provider_name, u.name AS unit_name
       FROM insight_request r LEFT JOIN provider p ON p.id = r.provider_id LEFT JOIN unit u ON u.id = r.unit_id
       WHERE r.tracking_hash = $1`,
      [trackingHash(code)],
    );
    if (!row) return null;
    const events: { kind: InsightEventKind; at: Date; public_note: string | null }[] = await ctx.em.query(
      'SELECT kind, at, public_note FROM insight_request_event WHERE request_id = $1 ORDER BY at, id',
      [row.id],
    );
    return {
      reference: row.reference,
      subject: row.subject,
      status: row.status,
      providerName: row.provider_name,
      unitName: row.unit_name,
      receivedAt: row.created_at,
      // The due date is the provider's, shown while it is theirs to answer.
      dueAt: row.status === InsightRequestStatus.FORWARDED ? row.due_at : null,
      decision: row.decision,
      legalGround: row.legal_ground,
      appealNote: row.appeal_note,
      decisionText: row.decision_text,
      decidedAt: row.decided_at,
      closedAt: row.closed_at,
      events: events.map((e) => ({ kind: e.kind, at: e.at, note: e.public_note })),
    };
  },

  async list(ctx: Context, filter: InsightRequestFilter | null, first: number | null, after: string | null): Promise<Connection<InsightRequest>> {
    const viewer = await access.require(ctx, ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER']);
    const scope = access.providerScope(viewer);
    const qb = ctx.em.getRepository(InsightRequest).createQueryBuilder('r');
    if (!scope.all) qb.where('r.forwarded_at IS NOT NULL AND r.provider_id = ANY(:scope)', { scope: scope.providerIds });
    if (filter?.status?.length) qb.andWhere('r.status IN (:...status)', { status: filter.status });
    if (filter?.providerId != null) {
      if (!isId(filter.providerId)) throw badField('filter.providerId', 'Not a valid id');
      qb.andWhere('r.provider_id = :provider', { provider: filter.providerId });
    }
    if (filter?.overdue != null) {
      qb.andWhere(filter.overdue ? `r.status = 'FORWARDED' AND r.due_at < now()` : `NOT (r.status = 'FORWARDED' AND r.due_at < now())`);
    }
    return keysetPage(qb, {
      first,
      after,
      keys: [`date_trunc('milliseconds', r.created_at)`, 'r.id'],
      direction: 'DESC',
      keyOf: (r) => [new Date(r.receivedAt).toISOString(), r.id],
    });
  },

  /** One request the viewer may read: NOT_FOUND otherwise (also for ids that name nothing). */
  async get(ctx: Context, id: string): Promise<InsightRequest> {
    const viewer = await access.require(ctx, ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER']);
    if (!isId(id)) throw notFound('Insight request');
    const request = await ctx.em.getRepository(InsightRequest).findOneBy({ id });
    if (!request || !readable(access.providerScope(viewer), request)) throw notFound('Insight request');
    return request;
  },

  async register(ctx: Context, id: string, expectedVersion: number): Promise<InsightRequest> {
    await access.requireWriter(ctx, REVIEWERS);
    await step(ctx, id, expectedVersion, async (em, row) => {
      if (row.status !== InsightRequestStatus.RECEIVED) throw wrongState(row.status, 'registered', [InsightRequestStatus.RECEIVED]);
      await em.query(`UPDATE insight_request SET status = 'REGISTERED', registered_at = now(), registered_by = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
        await viewerId(ctx),
      ]);
      await event(em, id, InsightEventKind.REGISTERED, await viewerId(ctx));
      await mailRequester(em, row, 'REGISTERED');
      return { action: 'INSIGHT_REQUEST_REGISTERED', before: { status: row.status }, after: { status: 'REGISTERED' } };
    });
    return insightService.reload(ctx, id);
  },

  /** Sends a request to a private provider to answer by a date (default: 10 working days). */
  async forward(ctx: Context, id: string, expectedVersion: number, providerId: string, dueAt: Date | null): Promise<InsightRequest> {
    await access.requireWriter(ctx, REVIEWERS);
    const [provider] = isId(providerId) ? await ctx.em.query('SELECT id, name, ownership FROM provider WHERE id = $1', [providerId]) : [];
    if (!provider) throw badField('providerId', 'No such provider');
    if (provider.ownership === 'IN_HOUSE') {
      throw badField('providerId', 'In-house units answer directly: record the answer instead of forwarding the request');
    }
    const now = new Date();
    const due = dueAt ?? addWorkingDays(now, INSIGHT_ANSWER_WORKING_DAYS);
    if (!(due instanceof Date) || Number.isNaN(due.getTime()) || due <= now) throw badField('dueAt', 'Choose a due date in the future');
    if (due.getTime() - now.getTime() > 366 * 86_400_000) throw badField('dueAt', 'Choose a due date within a year');
    await step(ctx, id, expectedVersion, async (em, row) => {
      if (row.status !== InsightRequestStatus.REGISTERED) throw wrongState(row.status, 'forwarded', [InsightRequestStatus.REGISTERED]);
      // A unit of another provider no longer fits the request once it goes elsewhere.
      const [unit] = row.unit_id ? await em.query('SELECT provider_id FROM unit WHERE id = $1', [row.unit_id]) : [];
      const unitId = unit && unit.provider_id === provider.id ? row.unit_id : null;
      await em.query(
        `UPDATE insight_request SET status = 'FORWARDED', provider_id = $2, unit_id = $3, forwarded_at = now(), forwarded_by = $4, due_at = $5,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, provider.id, unitId, await viewerId(ctx), due],
      );
      await event(em, id, InsightEventKind.FORWARDED, await viewerId(ctx));
      await notify(em, {
        kind: 'INSIGHT_FORWARDED',
        userIds: await providerUsers(em, provider.id),
        reportId: null,
        insightRequestId: id,
        params: { request: row.reference, provider: provider.name, due: formatDate(due) },
      });
      await mailRequester(em, row, 'FORWARDED', { due });
      return {
        action: 'INSIGHT_REQUEST_FORWARDED',
        before: { status: row.status, providerId: row.provider_id, unitId: row.unit_id },
        after: { status: 'FORWARDED', providerId: provider.id, unitId, dueAt: due.toISOString() },
      };
    });
    return insightService.reload(ctx, id);
  },

  /** Reminds the provider's users of a forwarded request. */
  async remind(ctx: Context, id: string): Promise<InsightRequest> {
    await access.requireWriter(ctx, REVIEWERS);
    if (!isId(id)) throw notFound('Insight request');
    await ctx.em.transaction(async (em) => {
      const [row]: Row[] = await em.query('SELECT * FROM insight_request WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw notFound('Insight request');
      if (row.status !== InsightRequestStatus.FORWARDED) throw wrongState(row.status, 'reminded', [InsightRequestStatus.FORWARDED]);
      const [provider] = await em.query('SELECT name FROM provider WHERE id = $1', [row.provider_id]);
      await em.query('UPDATE insight_request SET reminded_at = now(), version = version + 1, updated_at = now() WHERE id = $1', [id]);
      await event(em, id, InsightEventKind.REMINDED, await viewerId(ctx));
      const sent = await notify(em, {
        kind: 'INSIGHT_REMINDED',
        userIds: await providerUsers(em, row.provider_id!),
        reportId: null,
        insightRequestId: id,
        params: { request: row.reference, provider: provider.name, due: formatDate(row.due_at!) },
      });
      await recordAudit(em, ctx, {
        action: 'INSIGHT_REQUEST_REMINDED',
        entityType: 'InsightRequest',
        entityId: id,
        after: { providerId: row.provider_id, dueAt: new Date(row.due_at!).toISOString(), notified: sent },
      });
    });
    return insightService.reload(ctx, id);
  },

  /**
   * The answer: by the provider's own users for a request forwarded to them, or recorded by a
   * reviewer (the provider's answer received otherwise, or the region's own for in-house units).
   */
  async answer(ctx: Context, id: string, expectedVersion: number, answer: string, secretParts: InsightSecretPartInput[]): Promise<InsightRequest> {
    const request = await insightService.get(ctx, id);
    const viewer = await access.requireWriter(ctx, [...REVIEWERS, 'PROVIDER']);
    const region = viewer.roles.includes('ADMIN') || viewer.roles.includes('REVIEWER');
    const data = parseInput(answerSchema, { answer, secretParts: secretParts ?? [] }, '');
    await step(ctx, request.id, expectedVersion, async (em, row) => {
      const allowed = region ? [InsightRequestStatus.REGISTERED, InsightRequestStatus.FORWARDED] : [InsightRequestStatus.FORWARDED];
      if (!allowed.includes(row.status)) throw wrongState(row.status, 'answered', allowed);
      await em.query(
        `UPDATE insight_request SET status = 'ANSWERED', answer = $2, answered_at = now(), answered_by = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [row.id, data.answer, viewer.userId],
      );
      for (const [position, part] of data.secretParts.entries()) {
        await em.query('INSERT INTO insight_request_secret_part (request_id, position, text, reason, created_by) VALUES ($1, $2, $3, $4, $5)', [
          row.id,
          position,
          part.text,
          part.reason,
          viewer.userId,
        ]);
      }
      await event(em, row.id, InsightEventKind.ANSWERED, viewer.userId);
      await mailRequester(em, row, 'ANSWERED');
      return {
        action: 'INSIGHT_REQUEST_ANSWERED',
        before: { status: row.status },
        after: { status: 'ANSWERED', answer: data.answer, secretParts: data.secretParts, by: region ? 'REGION' : 'PROVIDER' },
      };
    });
    return insightService.reload(ctx, request.id);
  },

  async decide(
    ctx: Context,
    id: string,
    expectedVersion: number,
    input: { decision: InsightDecision; legalGround: string | null; appealNote: string | null; text: string },
  ): Promise<InsightRequest> {
    await access.requireWriter(ctx, REVIEWERS);
    const data = parseInput(decideSchema, input, '');
    await step(ctx, id, expectedVersion, async (em, row) => {
      if (row.status !== InsightRequestStatus.ANSWERED) throw wrongState(row.status, 'decided', [InsightRequestStatus.ANSWERED]);
      await em.query(
        `UPDATE insight_request SET status = 'DECIDED', decision = $2, legal_ground = $3, appeal_note = $4, decision_text = $5,
                decided_at = now(), decided_by = $6, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, data.decision, data.legalGround, data.appealNote, data.text, await viewerId(ctx)],
      );
      await event(em, id, InsightEventKind.DECIDED, await viewerId(ctx));
      await mailRequester(em, row, 'DECIDED', { decision: data.decision });
      return { action: 'INSIGHT_REQUEST_DECIDED', before: { status: row.status }, after: { status: 'DECIDED', ...data } };
    });
    return insightService.reload(ctx, id);
  },

  /** Closes a decided request; one without a decision (withdrawn, not a request) only with a public note. */
  async close(ctx: Context, id: string, expectedVersion: number, note: string | null): Promise<InsightRequest> {
    await access.requireWriter(ctx, REVIEWERS);
    const closeNote = parseInput(optionalText(2000), note, 'note');
    await step(ctx, id, expectedVersion, async (em, row) => {
      if (row.status === InsightRequestStatus.CLOSED) throw wrongState(row.status, 'closed', [InsightRequestStatus.DECIDED]);
      if (row.status !== InsightRequestStatus.DECIDED && !closeNote) {
        throw badField('note', 'Say why the request is closed without a decision (shown to the requester)');
      }
      await em.query(
        `UPDATE insight_request SET status = 'CLOSED', closed_at = now(), closed_by = $2, close_note = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, await viewerId(ctx), closeNote],
      );
      await event(em, id, InsightEventKind.CLOSED, await viewerId(ctx), closeNote);
      await mailRequester(em, row, 'CLOSED');
      return { action: 'INSIGHT_REQUEST_CLOSED', before: { status: row.status }, after: { status: 'CLOSED', note: closeNote } };
    });
    return insightService.reload(ctx, id);
  },

  async reload(ctx: Context, id: string): Promise<InsightRequest> {
    return (await ctx.em.getRepository(InsightRequest).findOneBy({ id }))!;
  },
};

export function readable(scope: ProviderScope, request: Pick<InsightRequest, 'providerId' | 'forwardedAt'>): boolean {
  return scope.all || (request.forwardedAt !== null && access.inScope(scope, request.providerId));
}

/**
 * One versioned step in a transaction: locks the row (NOT_FOUND, CONFLICT with the current
 * version), runs the change and writes its audit row.
 */
async function step(
  ctx: Context,
  id: string,
  expectedVersion: number,
  change: (em: EntityManager, row: Row) => Promise<{ action: string; before: Record<string, unknown>; after: Record<string, unknown> }>,
): Promise<void> {
  if (!isId(id)) throw notFound('Insight request');
  if (!Number.isInteger(expectedVersion)) throw badUserInput([{ path: 'expectedVersion', message: 'Not a version' }]);
  await ctx.em.transaction(async (em) => {
    const row = await lockForUpdate<Row>(em, 'insight_request', id, expectedVersion, 'Insight request');
    const audit = await change(em, row);
    await recordAudit(em, ctx, { ...audit, entityType: 'InsightRequest', entityId: id });
  });
}
