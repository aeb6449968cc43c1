import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';

/** Shown for every address the app does not know. */
export default function NotFoundPage() {
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
