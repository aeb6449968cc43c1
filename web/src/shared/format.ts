import type { TFunction } from 'i18next';
import { localeOf } from '../app/i18n';
import type { IndicatorUnit } from '../gql/graphql';

/** Plain number for the language: "1 234,5" in Swedish, "1,234.5" in English. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits }).format(value);
}

/** A percentage given on the 0–100 scale the API uses: 86.4 → "86,4 %" / "86.4%". */
export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** Whole kronor: "12 000 kr" / "SEK 12,000". */
export function formatSek(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency: 'SEK',
    maximumFractionDigits: 0,
  }).format(value);
}

/** An indicator value or target in the indicator's unit. */
export function formatIndicatorValue(value: number, unit: IndicatorUnit, language: string, t: TFunction): string {
  switch (unit) {
    case 'PERCENT':
      return formatPercent(value, language);
    case 'RATE_PER_1000':
      return t('format.per1000', {
        value: formatNumber(value, language),
        base: formatNumber(1000, language),
        lng: language,
      });
    case 'SEK':
      return formatSek(value, language);
    case 'DAYS':
      return t('format.days', { count: value, value: formatNumber(value, language), lng: language });
    case 'COUNT':
      return formatNumber(value, language, 0);
    case 'INDEX':
    default:
      return formatNumber(value, language);
  }
}

/**
 * A calendar date (LocalDate, "YYYY-MM-DD") in words: "21 februari 2024" / "21 February 2024".
 * Read as a date, not a moment, so no time zone can move it to the day before.
 */
export function formatDate(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment (DateTime, ISO 8601 UTC) in Swedish time: "24 nov. 2026 14:05" / "24 Nov 2026, 14:05". */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(date);
}

/** The calendar day of a moment in Swedish time, "YYYY-MM-DD" (for date inputs and comparisons). */
export function isoDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Stockholm' }).format(date);
}

/** The last second of a calendar day in Swedish time, as a DateTime (for "up to and including"). */
export function endOfDay(date: string): string {
  // 23:59:59 in Stockholm is 22:59:59Z in winter and 21:59:59Z in summer.
  for (const hour of ['22', '21']) {
    const candidate = new Date(`${date}T${hour}:59:59Z`);
    if (isoDay(candidate.toISOString()) === date && isoDay(new Date(candidate.getTime() + 1000).toISOString()) !== date) {
      return candidate.toISOString();
    }
  }
  return new Date(`${date}T22:59:59Z`).toISOString();
}

/** The first second of a calendar day in Swedish time, as a DateTime. */
export function startOfDay(date: string): string {
  for (const hour of ['23', '22']) {
    const candidate = new Date(`${date}T00:00:00Z`);
    candidate.setUTCHours(candidate.getUTCHours() - (24 - Number(hour)));
    if (isoDay(candidate.toISOString()) === date && isoDay(new Date(candidate.getTime() - 1000).toISOString()) !== date) {
      return candidate.toISOString();
    }
  }
  return new Date(`${date}T00:00:00Z`).toISOString();
}
