import { describe, expect, it } from 'vitest';
import { formatExactKronor, formatKronor, formatShare, kronorInput, parseKronor, parsePercent, percentInput } from './money';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money of the compensation pages', () => {
  it('formats whole kronor the Swedish way, without decimals', () => {
    expect(nbsp(formatKronor(1_799_999, 'sv'))).toBe('1 799 999 kr');
    expect(nbsp(formatKronor(1_500_000, 'sv'))).toBe('1 500 000 kr');
    expect(nbsp(formatKronor(0, 'sv'))).toBe('0 kr');
    expect(formatKronor(1_799_999, 'en')).toMatch(/1,799,999(?!\.)/);
    expect(nbsp(formatShare(80, 'sv'))).toBe('80 %');
    expect(nbsp(formatShare(33.33, 'sv'))).toBe('33,33 %');
  });

  it('shows the exact share of a deficit before rounding with its decimals', () => {
    expect(nbsp(formatExactKronor(1_799_999.2, 'sv'))).toBe('1 799 999,2 kr');
    expect(nbsp(formatExactKronor(749_924.6667, 'sv'))).toBe('749 924,6667 kr');
  });

  it('reads typed whole kronor with spaces, "kr" and a zero decimal part, and names what is wrong', () => {
    expect(parseKronor('1 250 000')).toEqual({ value: 1_250_000 });
    expect(parseKronor('1\u00a0250\u00a0000')).toEqual({ value: 1_250_000 });
    expect(parseKronor(' 12 000 kr')).toEqual({ value: 12_000 });
    expect(parseKronor('1 234 567,00')).toEqual({ value: 1_234_567 });
    expect(parseKronor('1234567.00')).toEqual({ value: 1_234_567 });
    expect(parseKronor('0')).toEqual({ value: 0 });
    expect(parseKronor('')).toEqual({ value: null });
    expect(parseKronor('1 250 000,50')).toEqual({ problem: 'ore' });
    expect(parseKronor('1250000.5')).toEqual({ problem: 'ore' });
    expect(parseKronor('-5')).toEqual({ problem: 'invalid' });
    expect(parseKronor('1,005')).toEqual({ problem: 'invalid' });
    expect(parseKronor('1.250.000')).toEqual({ problem: 'invalid' });
    expect(parseKronor('400 000 001')).toEqual({ problem: 'tooLarge' });
    expect(kronorInput(1_250_000)).toBe('1250000');
    expect(kronorInput(null)).toBe('');
  });

  it('reads a typed percentage with at most two decimals', () => {
    expect(parsePercent('33,33')).toBe(33.33);
    expect(parsePercent('80 %')).toBe(80);
    expect(parsePercent('')).toBeNull();
    expect(parsePercent('1,005')).toBeNaN();
    expect(percentInput(33.33, 'sv')).toBe('33,33');
    expect(percentInput(null, 'sv')).toBe('');
  });
});
