import { describe, expect, it } from 'vitest';
import { initI18n } from '../app/i18n';
import { formatDate, formatIndicatorValue, formatNumber, formatPercent, formatSek } from './format';

// Intl uses no-break spaces (U+00A0, U+202F) in Swedish; compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('number formatting per locale', () => {
  it('groups thousands and writes decimals the Swedish and the English way', () => {
    expect(plain(formatNumber(1234.5, 'sv'))).toBe('1 234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  it('writes percentages given on the 0–100 scale', () => {
    expect(plain(formatPercent(86.4, 'sv'))).toBe('86,4 %');
    expect(formatPercent(86.4, 'en')).toBe('86.4%');
    expect(plain(formatPercent(100, 'sv'))).toBe('100 %');
  });

  it('writes whole kronor', () => {
    expect(plain(formatSek(1250000, 'sv'))).toBe('1 250 000 kr');
    expect(formatSek(1250000, 'en')).toMatch(/^SEK\s1,250,000$/);
  });
});

describe('indicator values', () => {
  it('formats each unit', async () => {
    const i18n = await initI18n('en');
    const t = i18n.t.bind(i18n);
    expect(plain(formatIndicatorValue(55, 'PERCENT', 'sv', t))).toBe('55 %');
    expect(plain(formatIndicatorValue(250, 'RATE_PER_1000', 'sv', t))).toBe('250 per 1 000');
    expect(formatIndicatorValue(250, 'RATE_PER_1000', 'en', t)).toBe('250 per 1,000');
    expect(formatIndicatorValue(3, 'DAYS', 'sv', t)).toBe('3 dagar');
    expect(formatIndicatorValue(1, 'DAYS', 'sv', t)).toBe('1 dag');
    expect(formatIndicatorValue(1, 'DAYS', 'en', t)).toBe('1 day');
    expect(formatIndicatorValue(12, 'COUNT', 'en', t)).toBe('12');
    expect(plain(formatIndicatorValue(360.5, 'INDEX', 'sv', t))).toBe('360,5');
  });
});

describe('dates', () => {
  it('writes a calendar date in words without shifting the day', () => {
    expect(formatDate('2024-02-21', 'sv')).toBe('21 februari 2024');
    expect(formatDate('2024-02-21', 'en')).toBe('21 February 2024');
    expect(formatDate('2024-01-01', 'sv')).toBe('1 januari 2024');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('snart', 'sv')).toBe('snart');
  });
});

describe('days in Swedish time', () => {
  it('knows where a day starts and ends, in winter and in summer', async () => {
    const { endOfDay, startOfDay, isoDay } = await import('./format');
    expect(startOfDay('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(endOfDay('2026-01-15')).toBe('2026-01-15T22:59:59.000Z');
    expect(startOfDay('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
    expect(endOfDay('2026-07-15')).toBe('2026-07-15T21:59:59.000Z');
    expect(isoDay('2026-07-14T22:30:00Z')).toBe('2026-07-15');
  });
});
