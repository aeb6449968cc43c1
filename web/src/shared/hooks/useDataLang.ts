import { useTranslation } from 'react-i18next';

/**
 * Program, goals, indicators and provider texts are decided in Swedish. When the UI is in another
 * language, those parts carry lang="sv" so screen readers pronounce them right (WCAG 3.1.2).
 */
export function useDataLang(): 'sv' | undefined {
  const { i18n } = useTranslation();
  return i18n.language === 'sv' ? undefined : 'sv';
}
