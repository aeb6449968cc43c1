import type { ReportStatus } from '../../gql/graphql';
import { isoDay } from '../../shared/format';

/** Every report status, in the order of the workflow (for filters and counts). */
export const REPORT_STATUSES: ReportStatus[] = ['NOT_STARTED', 'DRAFT', 'CHANGES_REQUESTED', 'SUBMITTED', 'APPROVED', 'PUBLISHED'];

/** Statuses in which the provider still has to act: only these can be overdue. */
export const OPEN_STATUSES = ['NOT_STARTED', 'DRAFT', 'CHANGES_REQUESTED'] as const;

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

/**
 * Whole calendar days (Swedish time) from `now` to the due moment: 0 on the due day, negative
 * after it. "12 dagar kvar" counts days as people do, not hours.
 */
export function daysUntil(dueAt: string, now: Date = new Date()): number {
  return dayNumber(isoDay(dueAt)) - dayNumber(isoDay(now.toISOString()));
}

export type DueInfo = { kind: 'left'; days: number } | { kind: 'today' } | { kind: 'overdue'; days: number } | { kind: 'none' };

/** What to say about the due date of a report in this status. */
export function dueInfo(dueAt: string, status: string, overdue: boolean, now: Date = new Date()): DueInfo {
  if (!(OPEN_STATUSES as readonly string[]).includes(status)) return { kind: 'none' };
  const days = daysUntil(dueAt, now);
  if (overdue || new Date(dueAt).getTime() < now.getTime()) return { kind: 'overdue', days: Math.max(1, -days) };
  if (days <= 0) return { kind: 'today' };
  return { kind: 'left', days };
}
