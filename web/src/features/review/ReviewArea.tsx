import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { DEFAULT_LANGUAGE, isLanguage, loadNamespace, useNamespace } from '../../app/i18n';

/**
 * The review pages (queue and report review): load their texts (the "review" namespace) and the
 * follow-up texts they share with the report pages (statuses, question types, answers) before
 * any of them renders. Both are fetched at once.
 */
export default function ReviewArea() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  // Start the second while waiting for the first (the loader remembers the request).
  loadNamespace(i18n, 'reporting', language)?.catch(() => undefined);
  useNamespace('review');
  useNamespace('reporting');
  return <Outlet />;
}
