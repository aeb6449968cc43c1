import { describe, expect, it } from 'vitest';
import { daysUntil, dueInfo } from './dates';

describe('time left to the due date', () => {
  const now = new Date('2026-11-24T10:00:00Z');

  it('counts calendar days in Swedish time', () => {
    expect(daysUntil('2026-12-06T22:59:59Z', now)).toBe(12);
    expect(daysUntil('2026-11-24T22:59:59Z', now)).toBe(0);
    // 23:30 UTC is already the next day in Sweden.
    expect(daysUntil('2026-11-24T23:30:00Z', now)).toBe(1);
  });

  it('says days left, due today, or overdue, for reports the provider still has to send', () => {
    expect(dueInfo('2026-12-06T22:59:59Z', 'DRAFT', false, now)).toEqual({ kind: 'left', days: 12 });
    expect(dueInfo('2026-11-24T22:59:59Z', 'NOT_STARTED', false, now)).toEqual({ kind: 'today' });
    expect(dueInfo('2026-11-19T22:59:59Z', 'CHANGES_REQUESTED', true, now)).toEqual({ kind: 'overdue', days: 5 });
    expect(dueInfo('2026-11-24T08:00:00Z', 'DRAFT', false, now)).toEqual({ kind: 'overdue', days: 1 });
    expect(dueInfo('2026-11-19T22:59:59Z', 'SUBMITTED', false, now)).toEqual({ kind: 'none' });
  });
});
