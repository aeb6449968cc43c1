import { describe, expect, it } from 'vitest';
import { checkOrgNumber, luhnCheckDigit } from './org-number.js';

describe('organisationsnummer', () => {
  it('accepts a valid number with and without hyphen and century prefix', () => {
    // Region Jämtland Härjedalen 232100-0214
    expect(checkOrgNumber('232100-0214')).toEqual({ valid: true, normalized: '232100-0214', problem: null });
    expect(checkOrgNumber('2321000214').valid).toBe(true);
    expect(checkOrgNumber('162321000214').normalized).toBe('232100-0214');
  });

  it('refuses a wrong check digit, naming the problem', () => {
    expect(checkOrgNumber('232100-0215')).toEqual({ valid: false, normalized: '232100-0215', problem: 'CHECK_DIGIT' });
  });

  it('refuses bad formats and empty input', () => {
    expect(checkOrgNumber('').problem).toBe('EMPTY');
    expect(checkOrgNumber('12345').problem).toBe('FORMAT');
    expect(checkOrgNumber('ABCDEF-1234').problem).toBe('FORMAT');
    expect(checkOrgNumber('232100--0214').problem).toBe('FORMAT');
  });

  it('computes the Luhn digit', () => {
    expect(luhnCheckDigit('556036079')).toBe(3); // 556036-0793
    expect(checkOrgNumber('556036-0793').valid).toBe(true);
  });
});
