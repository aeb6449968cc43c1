import { EventEmitter } from 'node:events';
import type { EntityManager } from 'typeorm';
import {
  INSIGHT_STATUS_LINK,
  REQUIRED_EMAIL,
  insightRequesterText,
  notificationText,
  type InsightMailParams,
  type NotificationKind,
  type TextParams,
} from './texts.js';

/** Tells the delivery job that e-mail is waiting (after the transaction had time to commit). */
export const outboxSignal = new EventEmitter();

export interface NotifyRequest {
  kind: NotificationKind;
  userIds: string[];
  reportId: string | null;
  params: TextParams;
  /** Reminders: a key per user that makes the same reminder impossible to create twice. */
  dedupeKey?: (userId: string) => string;
  /** An insight request the notification is about (its link goes there). */
  insightRequestId?: string;
}

/**
 * Where a notification takes its user: a report opens in the provider's editor for provider users
 * and in the review for the region's users; an insight request in its handling page.
 */
function linkFor(request: NotifyRequest, roles: string[]): string {
  if (request.reportId) return roles.includes('PROVIDER') ? `/rapporter/${request.reportId}` : `/granskning/${request.reportId}`;
  if (request.insightRequestId) return `/insynsbegaran/${request.insightRequestId}`;
  return '/notiser';
}

/**
 * Writes in-app notifications and, where the user wants e-mail of this kind, an outbox row — with
 * the caller's entity manager, so they commit or roll back with the change that caused them.
 * Returns how many notifications were created.
 */
export async function notify(em: EntityManager, request: NotifyRequest): Promise<number> {
  const userIds = [...new Set(request.userIds)];
  if (!userIds.length) return 0;
  const users: { id: string; email: string; language: string; roles: string[]; email_enabled: boolean | null }[] = await em.query(
    `SELECT u.id, u.email, u.language, u.roles, p.email AS email_enabled
     FROM app_user u LEFT JOIN notification_preference p ON p.user_id = u.id AND p.kind = $2
     WHERE u.id = ANY($1) AND u.active`,
    [userIds, request.kind],
  );
  let created = 0;
  for (const user of users) {
    const link = linkFor(request, user.roles);
    const text = notificationText(user.language, request.kind, request.params);
    const rows: { id: string }[] = await em.query(
      `INSERT INTO notification (user_id, kind, report_id, title, body, link, dedupe_key, insight_request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [user.id, request.kind, request.reportId, text.title, text.body, link, request.dedupeKey?.(user.id) ?? null, request.insightRequestId ?? null],
    );
    if (!rows.length) continue;
    created++;
    const wantsEmail = REQUIRED_EMAIL.includes(request.kind) || user.email_enabled !== false;
    if (wantsEmail) {
      await em.query('INSERT INTO email_outbox (notification_id, to_address, subject, body) VALUES ($1, $2, $3, $4)', [
        rows[0].id,
        user.email,
        text.title,
        text.body,
      ]);
    }
  }
  if (created) setTimeout(() => outboxSignal.emit('pending'), 200).unref();
  return created;
}

/**
 * Queues e-mail to the person who filed an insight request (they have no account, so there is no
 * in-app notification), in the caller's transaction. Nothing when they gave no address.
 */
export async function notifyRequester(
  em: EntityManager,
  request: { id: string; email: string | null; language: string },
  params: InsightMailParams,
): Promise<boolean> {
  if (!request.email) return false;
  const text = insightRequesterText(request.language, params);
  await em.query('INSERT INTO email_outbox (insight_request_id, to_address, subject, body, link) VALUES ($1, $2, $3, $4, $5)', [
    request.id,
    request.email,
    text.title,
    text.body,
    INSIGHT_STATUS_LINK,
  ]);
  setTimeout(() => outboxSignal.emit('pending'), 200).unref();
  return true;
}

/** Users of a provider (its staff). */
export async function providerUsers(em: EntityManager, providerId: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(`SELECT id FROM app_user WHERE provider_id = $1 AND active`, [providerId]);
  return rows.map((r) => r.id);
}

/** The reviewer a report is assigned to, or every reviewer when nobody is. */
export async function reportReviewers(em: EntityManager, reportId: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT u.id FROM report r JOIN app_user u ON u.id = r.assigned_to WHERE r.id = $1 AND u.active
     UNION ALL
     SELECT u.id FROM app_user u WHERE u.active AND 'REVIEWER' = ANY(u.roles)
       AND NOT EXISTS (SELECT 1 FROM report r JOIN app_user a ON a.id = r.assigned_to WHERE r.id = $1 AND a.active)`,
    [reportId],
  );
  return rows.map((r) => r.id);
}

export function formatDate(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10);
}
