import { describe, expect, it } from 'vitest';
import { formatKronor, formatShare, kronorInput, parseKronor } from './money';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money of the compensation pages', () => {
  it('formats kronor the Swedish way, with öre only when there are any', () => {
    expect(nbsp(formatKronor(1_799_999.6, 'sv'))).toBe('1 799 999,60 kr');
    expect(nbsp(formatKronor(1_500_000, 'sv'))).toBe('1 500 000 kr');
    expect(nbsp(formatKronor(0, 'sv'))).toBe('0 kr');
    expect(formatKronor(1_799_999.6, 'en')).toMatch(/1,799,999\.60/);
    expect(nbsp(formatShare(80, 'sv'))).toBe('80 %');
  });

  it('reads typed amounts with spaces and a decimal comma or point, and refuses the rest', () => {
    expect(parseKronor('1 250 000,50')).toBe(1_250_000.5);
    expect(parseKronor('1250000.5')).toBe(1_250_000.5);
    expect(parseKronor(' 12 000 kr')).toBe(12_000);
    expect(parseKronor('')).toBeNull();
    expect(parseKronor('-5')).toBeNaN();
    expect(parseKronor('1,005')).toBeNaN();
    expect(parseKronor('1.250.000')).toBeNaN();
    expect(kronorInput(1_250_000.5, 'sv')).toBe('1250000,5');
    expect(kronorInput(null, 'sv')).toBe('');
  });
});
