import type { TFunction } from 'i18next';
import { formatIndicatorValue } from '../../shared/format';
import type { IndicatorUnit, TargetColour } from '../../gql/graphql';

/** What the public pages need of a published value (the API's PublicValue and ComparisonRow). */
export interface ShownValue {
  value?: number | null;
  text?: string | null;
  /** A yes/no answer. */
  flag?: boolean | null;
  suppressed: boolean;
  suppressionReason?: string | null;
}

export type ValueDisplay =
  | { kind: 'number'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'suppressed'; text: string; reason: string }
  | { kind: 'none'; text: string };

/**
 * A published value in words for the page. A suppressed value is never a number — not even one
 * the API might have sent by mistake — but "Färre än 5 – visas inte" with the reason.
 */
export function displayValue(
  v: ShownValue,
  unit: IndicatorUnit | null | undefined,
  language: string,
  t: TFunction<'public'>,
  tDefault: TFunction,
): ValueDisplay {
  if (v.suppressed) {
    const reason = v.suppressionReason === 'SMALL_COUNT' || !v.suppressionReason ? t('suppressed.SMALL_COUNT') : t('suppressed.other');
    return { kind: 'suppressed', text: t('suppressed.label'), reason };
  }
  if (typeof v.value === 'number' && Number.isFinite(v.value)) {
    return { kind: 'number', text: unit ? formatIndicatorValue(v.value, unit, language, tDefault) : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(v.value) };
  }
  if (v.text) return { kind: 'text', text: v.text };
  if (typeof v.flag === 'boolean') return { kind: 'text', text: v.flag ? t('common.yes') : t('common.no') };
  return { kind: 'none', text: t('common.none') };
}

/** The level against the target, or NONE when there is no target or no shown value. */
export function levelOf(v: ShownValue & { colour?: TargetColour | null }): TargetColour | 'NONE' {
  if (v.suppressed || v.colour == null) return 'NONE';
  return v.colour;
}

const PERIOD = /^(\d{4})(?:-(H|T|Q|M)(\d{1,2}))?$/;

/** Sort key of a period: "2025" before "2025-H1" before "2025-H2" before "2026". */
export function periodSortKey(period: string): string {
  const m = PERIOD.exec(period);
  if (!m) return period;
  const [, year, kind, n] = m;
  if (!kind) return `${year}-0`;
  // A half is 6 months, a tertial 4, a quarter 3: compare by the month the period starts in.
  const months = { H: 6, T: 4, Q: 3, M: 1 }[kind as 'H' | 'T' | 'Q' | 'M'];
  const start = (Number(n) - 1) * months + 1;
  return `${year}-1-${String(start).padStart(2, '0')}-${kind}`;
}

export function sortPeriods(periods: readonly string[]): string[] {
  return [...new Set(periods)].sort((a, b) => (periodSortKey(a) < periodSortKey(b) ? -1 : periodSortKey(a) > periodSortKey(b) ? 1 : 0));
}

/** "2025-H1" → "2025, halvår 1"; "2025-M04" → "april 2025"; a year stays a year. */
export function periodLabel(period: string, language: string, t: TFunction<'public'>): string {
  const m = PERIOD.exec(period);
  if (!m || !m[2]) return period;
  const [, year, kind, n] = m;
  if (kind === 'M') {
    const date = new Date(Date.UTC(Number(year), Number(n) - 1, 1));
    return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return t(`period.${kind as 'H' | 'T' | 'Q'}`, { year, n: Number(n) });
}

/** The median of the values, as the comparison's aggregate rows compute it (for tests and checks). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
