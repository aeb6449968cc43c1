import { describe, expect, it } from 'vitest';
import { notificationTarget } from './NotificationsPage';
import { kindsFor } from './NotificationSettings';

describe('where a notification leads', () => {
  it('takes reviewers to the review and providers to their report', () => {
    expect(notificationTarget('/rapporter/r1', 'r1', ['REVIEWER'])).toBe('/granskning/r1');
    expect(notificationTarget('/rapporter/r1', 'r1', ['AUDITOR'])).toBe('/granskning/r1');
    expect(notificationTarget('/rapporter/r1', 'r1', ['PROVIDER'])).toBe('/rapporter/r1');
  });

  it('never leaves the app', () => {
    expect(notificationTarget('https://evil.example/', null, ['PROVIDER'])).toBe('/notiser');
    expect(notificationTarget('//evil.example', null, ['REVIEWER'])).toBe('/notiser');
    expect(notificationTarget('/notiser', null, ['REVIEWER'])).toBe('/notiser');
  });
});

describe('which e-mail a user is offered', () => {
  const ALL = ['ROUND_OPENED', 'CHANGES_REQUESTED', 'REPORT_APPROVED', 'THREAD_STARTED', 'REPORT_SUBMITTED', 'DUE_SOON', 'DUE_TODAY', 'OVERDUE', 'REVIEW_WAITING'];

  it('offers the kinds the roles get, in the order of the list', () => {
    expect(kindsFor(['PROVIDER'], ALL)).toEqual(['ROUND_OPENED', 'CHANGES_REQUESTED', 'REPORT_APPROVED', 'THREAD_STARTED', 'DUE_SOON', 'DUE_TODAY', 'OVERDUE']);
    expect(kindsFor(['REVIEWER'], ALL)).toEqual(['REPORT_SUBMITTED', 'OVERDUE', 'REVIEW_WAITING']);
  });

  it('offers every kind when no role says otherwise, and new kinds only when known', () => {
    expect(kindsFor(['AUDITOR'], ALL)).toEqual(ALL);
    expect(kindsFor(['REVIEWER'], ['NEW_KIND'])).toEqual(['NEW_KIND']);
  });
});
