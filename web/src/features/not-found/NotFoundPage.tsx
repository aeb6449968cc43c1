import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { provideTexts, useNamespace } from '../../app/i18n';
import notFoundTexts from '../../app/locales/pages/notFound.sv';

/** This page's own texts, in Swedish, come with its code (English is fetched when chosen). */
provideTexts('pages/notFound', 'sv', notFoundTexts);

/** Shown for every address the app does not know. */
export default function NotFoundPage() {
  useNamespace('pages/notFound');
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div data-testid="not-found">
      <PageHeader title={t('notFound.heading')} lead={t('notFound.body')} />
      <p>
        <Link to={paths.start} className="button button--primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
