import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorUnit } from '../../gql/graphql';
import { formatDate, formatDateTime, formatIndicatorValue, formatNumber, formatPercent } from '../format';

/** Formatters bound to the current UI language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      language,
      number: (value: number, digits?: number) => formatNumber(value, language, digits),
      percent: (value: number) => formatPercent(value, language),
      indicator: (value: number, unit: IndicatorUnit) => formatIndicatorValue(value, unit, language, t),
      date: (isoDate: string) => formatDate(isoDate, language),
      dateTime: (iso: string) => formatDateTime(iso, language),
    }),
    [language, t],
  );
}
