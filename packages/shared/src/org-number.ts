/**
 * Swedish organisationsnummer (and personnummer for sole traders): ten digits,
 * written NNNNNN-NNNN, whose last digit is a Luhn (mod 10) check digit over the
 * first nine. Used by the server to refuse bad input and by the web to show the
 * error at the field before anything is sent.
 */

export type OrgNumberProblem = 'EMPTY' | 'FORMAT' | 'CHECK_DIGIT';

export interface OrgNumberResult {
  valid: boolean;
  /** Canonical form NNNNNN-NNNN when the input has ten digits. */
  normalized: string | null;
  problem: OrgNumberProblem | null;
}

/** Luhn check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkOrgNumber(input: string): OrgNumberResult {
  const trimmed = input.trim();
  if (trimmed === '') return { valid: false, normalized: null, problem: 'EMPTY' };
  // Accept 10 digits, optionally with a hyphen before the last four; or 12 digits with the
  // century prefix "16" that Skatteverket uses for legal persons.
  const match = /^(?:16)?(\d{6})-?(\d{4})$/.exec(trimmed);
  if (!match) return { valid: false, normalized: null, problem: 'FORMAT' };
  const digits = match[1] + match[2];
  const normalized = `${match[1]}-${match[2]}`;
  const expected = luhnCheckDigit(digits.slice(0, 9));
  if (expected !== Number(digits[9])) return { valid: false, normalized, problem: 'CHECK_DIGIT' };
  return { valid: true, normalized, problem: null };
}

export function isValidOrgNumber(input: string): boolean {
  return checkOrgNumber(input).valid;
}

/** Messages in both languages, keyed by problem; the web has its own i18n copies. */
export const orgNumberMessages: Record<OrgNumberProblem, { sv: string; en: string }> = {
  EMPTY: { sv: 'Ange organisationsnummer.', en: 'Enter the organisation number.' },
  FORMAT: {
    sv: 'Organisationsnummer skrivs med tio siffror, till exempel 556677-8899.',
    en: 'An organisation number has ten digits, for example 556677-8899.',
  },
  CHECK_DIGIT: {
    sv: 'Kontrollsiffran stämmer inte. Kontrollera organisationsnumret.',
    en: 'The check digit does not match. Check the organisation number.',
  },
};
