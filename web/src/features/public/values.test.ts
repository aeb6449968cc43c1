import { describe, expect, it } from 'vitest';
import { initI18n, loadNamespace } from '../../app/i18n';
import { displayValue, levelOf, median, periodLabel, sortPeriods } from './values';

async function texts(language: 'sv' | 'en' = 'sv') {
  const i18n = await initI18n(language);
  await loadNamespace(i18n, 'public/shared', language);
  return { t: i18n.getFixedT(language, 'public'), tDefault: i18n.getFixedT(language) };
}

describe('published values in words', () => {
  it('never shows a suppressed value as a number, even if one came along', async () => {
    const { t, tDefault } = await texts();
    const shown = displayValue({ value: 3, suppressed: true, suppressionReason: 'SMALL_COUNT' }, 'COUNT', 'sv', t, tDefault);
    expect(shown).toEqual({
      kind: 'suppressed',
      text: 'Färre än 5 – visas inte',
      reason: 'Värdet bygger på färre än 5 personer eller händelser. Det visas inte, så att ingen enskild person kan pekas ut.',
    });
    expect(JSON.stringify(shown)).not.toMatch(/\d(?! )/);
    expect(levelOf({ suppressed: true, colour: 'GREEN' })).toBe('NONE');
  });

  it('formats numbers in the indicator unit and language, and yes/no and texts as words', async () => {
    const sv = await texts('sv');
    expect(displayValue({ value: 86.3, suppressed: false }, 'PERCENT', 'sv', sv.t, sv.tDefault).text).toBe('86,3\u00a0%');
    expect(displayValue({ value: 289.2, suppressed: false }, 'RATE_PER_1000', 'sv', sv.t, sv.tDefault).text).toBe('289,2 per 1\u00a0000');
    expect(displayValue({ value: 24, suppressed: false }, null, 'sv', sv.t, sv.tDefault)).toEqual({ kind: 'number', text: '24' });
    expect(displayValue({ value: null, flag: true, suppressed: false }, null, 'sv', sv.t, sv.tDefault).text).toBe('Ja');
    expect(displayValue({ value: null, text: 'Alltid', suppressed: false }, null, 'sv', sv.t, sv.tDefault)).toEqual({ kind: 'text', text: 'Alltid' });
    expect(displayValue({ value: null, suppressed: false }, null, 'sv', sv.t, sv.tDefault).kind).toBe('none');
    const en = await texts('en');
    expect(displayValue({ value: 86.3, suppressed: false }, 'PERCENT', 'en', en.t, en.tDefault).text).toBe('86.3%');
    expect(displayValue({ suppressed: true }, 'PERCENT', 'en', en.t, en.tDefault).text).toBe('Fewer than 5 – not shown');
    expect(levelOf({ suppressed: false, colour: 'AMBER' })).toBe('AMBER');
    expect(levelOf({ suppressed: false, colour: null })).toBe('NONE');
  });
});

describe('periods', () => {
  it('sort by time, a year before its halves', () => {
    expect(sortPeriods(['2025-H2', '2024', '2025', '2025-H1', '2024-H2', '2025-M04', '2025-Q1', '2025-T2'])).toEqual([
      '2024',
      '2024-H2',
      '2025',
      '2025-H1',
      '2025-Q1',
      '2025-M04',
      '2025-T2',
      '2025-H2',
    ]);
  });

  it('read in plain words', async () => {
    const { t } = await texts('sv');
    expect(periodLabel('2025-H1', 'sv', t)).toBe('2025, halvår 1');
    expect(periodLabel('2025-T2', 'sv', t)).toBe('2025, tertial 2');
    expect(periodLabel('2025-M04', 'sv', t)).toBe('april 2025');
    expect(periodLabel('2025', 'sv', t)).toBe('2025');
    const en = await texts('en');
    expect(periodLabel('2025-Q3', 'en', en.t)).toBe('2025, quarter 3');
  });

  it('median of an even and an odd count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
