import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';

export const adminSections = [
  { key: 'users', to: paths.users },
  { key: 'providers', to: paths.adminProviders },
  { key: 'choiceSystems', to: paths.choiceSystems },
  { key: 'programs', to: paths.adminPrograms },
  { key: 'indicators', to: paths.adminIndicators },
  { key: 'templates', to: paths.adminTemplates },
  { key: 'conditions', to: paths.adoptConditions },
] as const;

export type AdminSection = (typeof adminSections)[number]['key'];

/**
 * The administration's pages: a breadcrumb, the section menu (for administrators; an auditor
 * reading the user list sees only that), and the page.
 */
export function AdminFrame({ crumbs, children }: { crumbs?: { label: string; to?: string }[]; children: ReactNode }) {
  const { t } = useTranslation('access');
  const { viewer } = useViewer();
  const isAdmin = mayUse(viewer?.roles, 'admin');
  const trail = isAdmin ? [{ label: t('admin.title'), to: paths.admin }, ...(crumbs ?? [])] : (crumbs ?? []);
  return (
    <div className={isAdmin ? 'admin-frame' : 'admin-frame admin-frame--single'}>
      {isAdmin && (
        <nav className="subnav" aria-label={t('admin.navLabel')}>
          <p className="subnav__title" aria-hidden="true">
            {t('admin.title')}
          </p>
          <ul className="subnav__list">
            {adminSections.map((section) => (
              <li key={section.key}>
                <NavLink to={section.to} className="subnav__link">
                  {t(`admin.sections.${section.key}.title`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="admin-frame__main">
        {trail.length > 1 && (
          <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
            <ol>
              {trail.map((crumb, index) =>
                index < trail.length - 1 && crumb.to ? (
                  <li key={`${index}-${crumb.label}`}>
                    <Link to={crumb.to}>{crumb.label}</Link>
                  </li>
                ) : (
                  <li key={`${index}-${crumb.label}`}>
                    <span aria-current={index === trail.length - 1 ? 'page' : undefined}>{crumb.label}</span>
                  </li>
                ),
              )}
            </ol>
          </nav>
        )}
        {children}
      </div>
    </div>
  );
}
