import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { AdminFrame, adminSections } from './AdminFrame';

/** The administration's start: one card per section. */
export default function AdminHomePage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('admin.title'));
  return (
    <AdminFrame>
      <PageHeader title={t('admin.heading')} lead={t('admin.lead')} />
      <ul className="cards cards--admin">
        {adminSections.map((section) => (
          <li key={section.key} className="card card--link">
            <h2 className="card__title">
              <Link to={section.to} className="card__link">
                {t(`admin.sections.${section.key}.title`)}
              </Link>
            </h2>
            <p>{t(`admin.sections.${section.key}.body`)}</p>
            <span className="card__arrow" aria-hidden="true">
              →
            </span>
          </li>
        ))}
      </ul>
    </AdminFrame>
  );
}
