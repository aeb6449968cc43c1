import { localeOf } from '../../app/i18n';

/**
 * Kronor for the language, with öre only when there are any: "1 799 999,60 kr" / "1 500 000 kr"
 * in Swedish, "SEK 1,799,999.60" in English.
 */
export function formatKronor(value: number, language: string): string {
  const whole = Math.abs(Math.round(value * 100) % 100) === 0;
  return new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency: 'SEK',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(value);
}

/** A percentage on the 0–100 scale: "80 %" / "80%". */
export function formatShare(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

/**
 * An amount typed by a person: spaces between thousands, a decimal comma or point, at most two
 * decimals ("1 250 000,50", "1250000.5"). NaN for anything else; null when empty.
 */
export function parseKronor(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|sek)$/i, '');
  if (s === '') return null;
  if (!/^\d+([.,]\d{1,2})?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/** An amount as the form shows it for editing: "1250000,5" in Swedish, "1250000.5" in English. */
export function kronorInput(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '';
  const text = String(Math.round(value * 100) / 100);
  return language === 'en' ? text : text.replace('.', ',');
}
