import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, loadNamespace } from '../../app/i18n';
import './public.css';

/**
 * The public results pages (municipality, unit, comparison, open data, insight requests). Each
 * page loads its own texts (its part of the "public" namespace, and the part they share), so no
 * other page downloads them; the shared part starts loading here, while the page's code loads.
 */
export default function PublicArea() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  loadNamespace(i18n, 'public/shared', language)?.catch(() => undefined);
  return <Outlet />;
}
