import { describe, expect, it } from 'vitest';
import { loginPath, mainNavItems, mayUse, safeReturnPath, startPathFor } from './access';

describe('what each role is offered', () => {
  const keys = (roles: Parameters<typeof mainNavItems>[0]) => mainNavItems(roles).map((i) => i.key);

  it('shows only the public pages to someone not logged in', () => {
    expect(keys(null)).toEqual(['start', 'program', 'indicators', 'providers', 'compare', 'insight']);
  });

  it('adds the areas of each role, and "My account" for everyone logged in', () => {
    expect(keys(['ADMIN'])).toEqual(['start', 'program', 'indicators', 'providers', 'compare', 'insight', 'rounds', 'review', 'insightRequests', 'lastResort', 'followUp', 'admin', 'audit', 'apiTokens', 'account']);
    expect(keys(['AUDITOR'])).toEqual(['start', 'program', 'indicators', 'providers', 'compare', 'insight', 'rounds', 'review', 'insightRequests', 'lastResort', 'followUp', 'users', 'audit', 'account']);
    expect(keys(['ANALYST'])).toEqual(['start', 'program', 'indicators', 'providers', 'compare', 'insight', 'apiTokens', 'account']);
    expect(keys(['REVIEWER'])).toEqual(['start', 'program', 'indicators', 'providers', 'compare', 'insight', 'rounds', 'review', 'insightRequests', 'lastResort', 'followUp', 'account']);
    expect(keys(['PROVIDER'])).toEqual(['start', 'program', 'indicators', 'providers', 'compare', 'insight', 'reports', 'insightRequests', 'account']);
    // An administrator who is also an auditor reaches the users through Administration.
    expect(keys(['ADMIN', 'AUDITOR'])).not.toContain('users');
  });

  it('lets only the right roles into each area', () => {
    expect(mayUse(['ADMIN'], 'admin')).toBe(true);
    expect(mayUse(['AUDITOR'], 'admin')).toBe(false);
    expect(mayUse(['AUDITOR'], 'users')).toBe(true);
    expect(mayUse(['AUDITOR'], 'audit')).toBe(true);
    expect(mayUse(['ANALYST'], 'audit')).toBe(false);
    expect(mayUse(['ANALYST'], 'apiTokens')).toBe(true);
    expect(mayUse(['AUDITOR'], 'apiTokens')).toBe(false);
    expect(mayUse(['PROVIDER'], 'account')).toBe(true);
    expect(mayUse(undefined, 'account')).toBe(false);
    // Follow-up: providers their own reports; the region plans rounds; auditors read them.
    expect(mayUse(['PROVIDER'], 'reports')).toBe(true);
    expect(mayUse(['REVIEWER'], 'reports')).toBe(false);
    expect(mayUse(['AUDITOR'], 'rounds')).toBe(true);
    expect(mayUse(['AUDITOR'], 'roundsEdit')).toBe(false);
    expect(mayUse(['REVIEWER'], 'roundsEdit')).toBe(true);
    expect(mayUse(['PROVIDER'], 'rounds')).toBe(false);
    expect(mayUse(['ANALYST'], 'reportRead')).toBe(false);
    expect(mayUse(['AUDITOR'], 'reportRead')).toBe(true);
  });

  it('starts each role where its work is', () => {
    expect(startPathFor(['ADMIN'])).toBe('/admin');
    expect(startPathFor(['AUDITOR'])).toBe('/granskningslogg');
    expect(startPathFor(['ANALYST'])).toBe('/api-nycklar');
    expect(startPathFor(['REVIEWER'])).toBe('/uppfoljning');
    expect(startPathFor(['PROVIDER'])).toBe('/rapporter');
  });
});

describe('return address after login', () => {
  it('accepts paths of this app', () => {
    expect(safeReturnPath('/admin/anvandare?roll=ADMIN')).toBe('/admin/anvandare?roll=ADMIN');
    expect(loginPath('/granskningslogg')).toBe('/logga-in?till=%2Fgranskningslogg');
    expect(loginPath('/')).toBe('/logga-in');
  });

  it('never sends the user to another site or back to the login page', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, '/logga-in', '/logga-in?till=/x', '/a\nb']) {
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    }
  });
});
