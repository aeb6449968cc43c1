import type { EntityManager } from 'typeorm';
import { formatDate, notify, providerUsers, reportReviewers } from './notify.js';

export interface ReminderSettings {
  reminderDays: number[];
  reviewDeadlineDays: number;
}

interface DueRow {
  id: string;
  reference: string;
  provider_id: string;
  provider: string;
  due_at: Date;
  days_left: number;
}

/**
 * Makes the reminders due at `now`: to providers N days before the due date, on the due date and
 * when overdue (then the reviewer too); to reviewers when a submitted report has waited too long.
 * Every reminder has a key, so running again (after a restart, or in a second process) makes none
 * twice. Returns how many notifications were created.
 */
export async function runReminders(em: EntityManager, now: Date, settings: ReminderSettings): Promise<number> {
  let created = 0;
  const open: DueRow[] = await em.query(
    `SELECT r.id, r.reference, r.provider_id, p.name AS provider, r.due_at,
            (r.due_at::date - $1::timestamptz::date) AS days_left
     FROM report r JOIN provider p ON p.id = r.provider_id JOIN follow_up_round f ON f.id = r.round_id
     WHERE r.status IN ('NOT_STARTED', 'DRAFT', 'CHANGES_REQUESTED') AND f.status = 'OPEN'`,
    [now],
  );
  for (const r of open) {
    const params = { report: r.reference, provider: r.provider, due: formatDate(r.due_at), days: r.days_left };
    const users = await providerUsers(em, r.provider_id);
    if (new Date(r.due_at) < now) {
      created += await notify(em, { kind: 'OVERDUE', userIds: users, reportId: r.id, params, dedupeKey: (u) => `overdue:${r.id}:${r.due_at.toISOString()}:${u}` });
      const reviewers = await reportReviewers(em, r.id);
      created += await notify(em, { kind: 'OVERDUE', userIds: reviewers, reportId: r.id, params, dedupeKey: (u) => `overdue:${r.id}:${r.due_at.toISOString()}:${u}` });
    } else if (r.days_left === 0) {
      created += await notify(em, { kind: 'DUE_TODAY', userIds: users, reportId: r.id, params, dedupeKey: (u) => `due:${r.id}:0:${u}` });
    } else if (settings.reminderDays.includes(r.days_left)) {
      created += await notify(em, { kind: 'DUE_SOON', userIds: users, reportId: r.id, params, dedupeKey: (u) => `due:${r.id}:${r.days_left}:${u}` });
    }
  }

  const waiting: { id: string; reference: string; provider: string; submitted_at: Date }[] = await em.query(
    `SELECT r.id, r.reference, p.name AS provider, r.submitted_at
     FROM report r JOIN provider p ON p.id = r.provider_id
     WHERE r.status = 'SUBMITTED' AND r.submitted_at < $1::timestamptz - make_interval(days => $2)`,
    [now, settings.reviewDeadlineDays],
  );
  for (const r of waiting) {
    created += await notify(em, {
      kind: 'REVIEW_WAITING',
      userIds: await reportReviewers(em, r.id),
      reportId: r.id,
      params: { report: r.reference, provider: r.provider, days: settings.reviewDeadlineDays },
      dedupeKey: (u) => `review:${r.id}:${r.submitted_at.toISOString()}:${u}`,
    });
  }

  // Insight requests forwarded to a provider and due within two days: the provider's users, once per due date and day.
  const insight: { id: string; reference: string; provider_id: string; provider: string; due_at: Date; days_left: number }[] = await em.query(
    `SELECT r.id, r.reference, r.provider_id, p.name AS provider, r.due_at, (r.due_at::date - $1::timestamptz::date) AS days_left
     FROM insight_request r JOIN provider p ON p.id = r.provider_id
     WHERE r.status = 'FORWARDED' AND r.due_at >= $1::timestamptz AND r.due_at < $1::timestamptz + interval '2 days'`,
    [now],
  );
  for (const r of insight) {
    created += await notify(em, {
      kind: 'INSIGHT_DUE_SOON',
      userIds: await providerUsers(em, r.provider_id),
      reportId: null,
      insightRequestId: r.id,
      params: { request: r.reference, provider: r.provider, due: formatDate(r.due_at), days: r.days_left },
      dedupeKey: (u) => `insight-due:${r.id}:${r.due_at.toISOString()}:${u}`,
    });
  }
  return created;
}
