import { useTranslation } from 'react-i18next';
import type { IndicatorUnit, TargetColour } from '../../gql/graphql';
import { useFormat } from '../../shared/hooks/useFormat';
import { displayValue, type ShownValue } from './values';

const ICONS: Record<TargetColour | 'NONE', string> = { GREEN: '✓', AMBER: '–', RED: '!', NONE: '○' };

/** "✓ Uppfyller målet": an icon and words; the colour only repeats them. */
export function TargetLevel({ colour }: { colour: TargetColour | 'NONE' }) {
  const { t } = useTranslation('public');
  return (
    <span className={`pub-level pub-level--${colour.toLowerCase()}`} data-testid="target-level" data-level={colour}>
      <span aria-hidden="true" className="pub-level__icon">
        {ICONS[colour]}
      </span>
      {t(`level.${colour}`)}
    </span>
  );
}

/** A published value in the indicator's unit, or "Färre än 5 – visas inte" (never a number). */
export function ValueText({ value, unit, withReason = false }: { value: ShownValue; unit?: IndicatorUnit | null; withReason?: boolean }) {
  const { t } = useTranslation('public');
  const { t: tDefault } = useTranslation();
  const { language } = useFormat();
  const shown = displayValue(value, unit, language, t, tDefault);
  if (shown.kind === 'suppressed') {
    return (
      <span className="pub-suppressed" data-testid="suppressed-value">
        <span className="pub-suppressed__label">{shown.text}</span>
        {withReason && <span className="pub-suppressed__reason">{shown.reason}</span>}
      </span>
    );
  }
  if (shown.kind === 'text') return <span className="pub-text" lang={typeof value.flag === 'boolean' ? undefined : 'sv'}>{shown.text}</span>;
  return <span className={shown.kind === 'number' ? 'pub-number' : undefined}>{shown.text}</span>;
}

/** How to read the colours: each level in words with its icon. */
export function LevelLegend() {
  const { t } = useTranslation('public');
  return (
    <div className="pub-legend" data-testid="level-legend">
      <p className="pub-legend__lead">{t('level.legend')}</p>
      <ul className="pub-legend__list">
        {(['GREEN', 'AMBER', 'RED'] as const).map((c) => (
          <li key={c}>
            <TargetLevel colour={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}

const OWNERSHIP_TONES = { IN_HOUSE: 'inhouse', PRIVATE: 'private', PUBLIC_COMPANY: 'company', NON_PROFIT: 'nonprofit' } as const;

/** Ownership in words as a badge (egen regi, privat, …); the colour only repeats the word. */
export function OwnershipTag({ ownership }: { ownership: keyof typeof OWNERSHIP_TONES }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${OWNERSHIP_TONES[ownership]}`}>
      <span className="visually-hidden">{t('providers.ownership')}: </span>
      {t(`ownership.${ownership}`)}
    </span>
  );
}

/** lang="sv" for texts decided in Swedish when the page is in English (WCAG 3.1.2). */
export function useSwedishData(): 'sv' | undefined {
  const { i18n } = useTranslation();
  return i18n.language === 'sv' ? undefined : 'sv';
}
