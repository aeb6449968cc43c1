import { localeOf } from '../../app/i18n';

/** The most one amount may be, in whole kronor (as the API: the five reimbursement components stay within its Int). */
export const MAX_KRONOR = 400_000_000;

/** Whole kronor for the language, without decimals: "1 799 999 kr" in Swedish, "SEK 1,799,999" in English. */
export function formatKronor(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'SEK', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(value);
}

/**
 * An exact amount that is not whole kronor (the share of a deficit before it is rounded), with the
 * decimals it has: "1 799 999,2 kr".
 */
export function formatExactKronor(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'SEK', minimumFractionDigits: 0, maximumFractionDigits: 4 }).format(value);
}

/** A percentage on the 0–100 scale: "80 %" / "80%". */
export function formatShare(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

export type KronorProblem = 'invalid' | 'ore' | 'tooLarge';

/** The message (in the compensation namespace) for each problem of a typed amount. */
export const KRONOR_MESSAGE = { invalid: 'money.invalid', ore: 'money.ore', tooLarge: 'money.tooLarge' } as const satisfies Record<KronorProblem, string>;

/**
 * An amount in whole kronor typed by a person: spaces between thousands, "kr" after it and a
 * decimal part of zeros are fine ("1 250 000", "1 250 000,00 kr"). Empty: null. Öre, signs and
 * anything else: the problem, for a message at the field.
 */
export function parseKronor(text: string): { value: number | null } | { problem: KronorProblem } {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|sek)$/i, '');
  if (s === '') return { value: null };
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return { problem: 'invalid' };
  if (m[2] !== undefined && Number(m[2]) !== 0) return { problem: 'ore' };
  const value = Number(m[1]);
  return value > MAX_KRONOR ? { problem: 'tooLarge' } : { value };
}

/** A percentage typed by a person, at most two decimals, with a decimal comma or point ("80", "33,33"). NaN for anything else; null when empty. */
export function parsePercent(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (s === '') return null;
  if (!/^\d+([.,]\d{1,2})?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/** An amount as the form shows it for editing: whole kronor, digits only ("1250000"). */
export function kronorInput(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(Math.round(value));
}

/** A percentage as the form shows it for editing: "33,33" in Swedish, "33.33" in English. */
export function percentInput(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '';
  const text = String(Math.round(value * 100) / 100);
  return language === 'en' ? text : text.replace('.', ',');
}
