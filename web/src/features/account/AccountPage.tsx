import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayUse, type Area } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { NotificationSettings } from '../notifications/NotificationSettings';

const areas: { area: Area; key: 'reports' | 'rounds' | 'admin' | 'users' | 'audit' | 'apiTokens'; to: string }[] = [
  { area: 'reports', key: 'reports', to: paths.myReports },
  { area: 'rounds', key: 'rounds', to: paths.rounds },
  { area: 'admin', key: 'admin', to: paths.admin },
  { area: 'users', key: 'users', to: paths.users },
  { area: 'audit', key: 'audit', to: paths.audit },
  { area: 'apiTokens', key: 'apiTokens', to: paths.apiTokens },
];

/** Who you are logged in as, what you can do in Insyn, and your password. */
export default function AccountPage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('account.title'));
  const { viewer } = useViewer();
  if (!viewer) return null;
  const isAdmin = mayUse(viewer.roles, 'admin');
  // An administrator reaches the users through Administration.
  const offered = areas.filter((a) => mayUse(viewer.roles, a.area) && !(a.key === 'users' && isAdmin));
  return (
    <div data-testid="account-page">
      <PageHeader title={t('account.heading')} lead={t('account.lead')} />
      <section className="panel" aria-labelledby="account-facts">
        <h2 id="account-facts" className="panel__heading">
          {t('account.facts')}
        </h2>
        <dl className="facts facts--grid">
          <div>
            <dt>{t('users.name')}</dt>
            <dd data-testid="account-name">{viewer.name}</dd>
          </div>
          <div>
            <dt>{t('users.email')}</dt>
            <dd>{viewer.email}</dd>
          </div>
          <div>
            <dt>{t('users.roles')}</dt>
            <dd>{viewer.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
          </div>
          {viewer.provider && (
            <div>
              <dt>{t('users.provider')}</dt>
              <dd>
                <Link to={paths.provider(viewer.provider.id)}>{viewer.provider.name}</Link>
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section className="section" aria-labelledby="account-work">
        <h2 id="account-work">{t('account.workHeading')}</h2>
        {offered.length > 0 ? (
          <ul className="cards">
            {offered.map((a) => (
              <li key={a.key} className="card card--link">
                <h3 className="card__title">
                  <Link to={a.to} className="card__link">
                    {t(`account.areas.${a.key}.title`)}
                  </Link>
                </h3>
                <p>{t(`account.areas.${a.key}.body`)}</p>
                <span className="card__arrow" aria-hidden="true">
                  →
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('account.noAreas')}</p>
        )}
      </section>

      <NotificationSettings />

      <section className="section" aria-labelledby="account-password">
        <h2 id="account-password">{t('password.heading')}</h2>
        <p>{t('account.passwordLead')}</p>
        <p>
          <Link to={paths.changePassword} className="button button--secondary" data-testid="change-password-link">
            {t('password.title')}
          </Link>
        </p>
      </section>
    </div>
  );
}
