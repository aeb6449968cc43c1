import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicationQuestion_QuestionFragment, TargetColour } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';
import { useAnswerText } from '../reporting/display';
import { localized } from '../reporting/values';

const NO_FILES: ReadonlyMap<string, string> = new Map();

/** "1.3 Telefontid per vecka", in the UI language when the template has it. */
export function QuestionLabel({ question }: { question: Pick<PublicationQuestion_QuestionFragment, 'code' | 'text' | 'textEn'> }) {
  const { i18n } = useTranslation();
  const text = localized(question.text, question.textEn, i18n.language);
  return (
    <>
      <span className="code">{question.code}</span> <span lang={text.lang}>{text.text}</span>
    </>
  );
}

export interface ShownValue {
  value?: unknown;
  valueNumber?: number | null;
  suppressed: boolean;
}

/**
 * A value as the public sees it: an indicator's reading in its unit, other answers in words; a
 * suppressed value as words, never as a number.
 */
export function usePublishedText(): (question: PublicationQuestion_QuestionFragment, shown: ShownValue) => string {
  const { t } = useTranslation('publication');
  const format = useFormat();
  const answerText = useAnswerText(NO_FILES);
  return useCallback(
    (question, shown) => {
      if (shown.suppressed) return t('preview.suppressed');
      if (question.indicator && typeof shown.valueNumber === 'number' && question.type === 'INDICATOR_VALUE') {
        return format.indicator(shown.valueNumber, question.indicator.unit);
      }
      if (shown.value !== null && shown.value !== undefined) return answerText(question, shown.value);
      if (typeof shown.valueNumber === 'number') return format.number(shown.valueNumber, 3);
      return t('common.none');
    },
    [t, format, answerText],
  );
}

/** A value cell: suppressed values say so in words and why. */
export function ValueCell({ question, shown }: { question: PublicationQuestion_QuestionFragment; shown: ShownValue }) {
  const { t } = useTranslation('publication');
  const text = usePublishedText();
  if (shown.suppressed) {
    return (
      <span className="suppressed" data-testid="suppressed">
        <span aria-hidden="true" className="suppressed__icon">
          ∅
        </span>{' '}
        {t('preview.suppressed')}
        <span className="block small muted">{t('preview.suppressedHint')}</span>
      </span>
    );
  }
  return <span data-testid="shown-value">{text(question, shown)}</span>;
}

/** The target in the indicator's unit, or a dash. */
export function TargetText({ question, target }: { question: PublicationQuestion_QuestionFragment; target?: number | null }) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  if (target === null || target === undefined) return <>{t('common.none')}</>;
  return <>{question.indicator ? format.indicator(target, question.indicator.unit) : format.number(target, 3)}</>;
}

/** Green, amber or red in words with an icon; the colour only repeats them. */
export function LevelText({ colour }: { colour?: TargetColour | null }) {
  const { t } = useTranslation('publication');
  if (!colour) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className={`target-level target-level--${colour.toLowerCase()}`} data-testid="target-level" data-level={colour}>
      <span aria-hidden="true" className="target-level__icon">
        {colour === 'GREEN' ? '✓' : colour === 'AMBER' ? '–' : '!'}
      </span>
      {t(`level.${colour}`)}
    </span>
  );
}
