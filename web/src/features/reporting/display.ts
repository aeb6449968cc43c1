import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorUnit, QuestionType } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';
import type { ServerProblem } from './messages';
import { displayValue, localized } from './values';

export interface DisplayableQuestion {
  type: QuestionType;
  unitLabel?: string | null;
  options?: readonly { key: string; label: string; labelEn?: string | null }[] | null;
  indicator?: { unit: IndicatorUnit } | null;
}

/** Answers in words in the UI language: "Ja", "37,5 timmar/vecka", "43 av 50 (86 %)", a file's name. */
export function useAnswerText(attachmentNames: ReadonlyMap<string, string>): (q: DisplayableQuestion, value: unknown) => string {
  const { t, i18n } = useTranslation('reporting');
  const format = useFormat();
  const language = i18n.language;
  return useCallback(
    (q, value) =>
      displayValue(q, value, {
        yes: t('common.yes'),
        no: t('common.no'),
        empty: t('common.noAnswer'),
        ratio: (numerator, denominator, result) =>
          result ? t('answer.ratioWithResult', { numerator, denominator, result }) : t('answer.ratio', { numerator, denominator }),
        number: (v) => format.number(v, 3),
        percent: (v) => format.percent(v),
        date: (d) => format.date(d),
        indicator: (v, unit) => format.indicator(v, unit),
        optionLabel: (key) => {
          const option = q.options?.find((o) => o.key === key);
          return option ? localized(option.label, option.labelEn, language).text : key;
        },
        attachmentName: (id) => attachmentNames.get(id) ?? t('attachment.unknown'),
      }),
    [t, format, language, attachmentNames],
  );
}

/** The message of a problem with an answer, in the UI language. */
export function useProblemText(): (problem: ServerProblem) => string {
  const { t } = useTranslation('reporting');
  const format = useFormat();
  return useCallback(
    (p: ServerProblem) => {
      switch (p.kind) {
        case 'min':
          return t('problem.min', { min: format.number(p.min, 3) });
        case 'max':
          return t('problem.max', { max: format.number(p.max, 3) });
        case 'minChoices':
          return t('problem.minChoices', { count: p.min });
        case 'maxChoices':
          return t('problem.maxChoices', { count: p.max });
        default:
          return t(`problem.${p.kind}`);
      }
    },
    [t, format],
  );
}
