import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title to "<page> – Insyn" (or the given full title when `full`). */
export function useDocumentTitle(title: string | null | undefined, options: { full?: boolean } = {}): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    if (!title) return;
    document.title = options.full ? title : `${title} – ${suffix}`;
  }, [title, suffix, options.full]);
}
