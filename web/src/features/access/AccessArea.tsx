import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@insyn/shared';
import { loginPath, mayUse, RETURN_PARAM, startPathFor, type Area } from '../../app/access';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { useViewer, type SessionViewer } from '../../app/viewer';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { Loading } from '../../shared/ui/QueryStates';
import { FlashProvider, FlashRegion } from './flash';

export { LoggedInRoutes } from './LoggedInRoutes';

/**
 * Everything behind the login: loads the texts of the logged-in pages (their own namespace) and
 * keeps the success messages, which are announced in a polite live region.
 */
export default function AccessArea() {
  useNamespace('access');
  return (
    <FlashProvider>
      <FlashRegion />
      <Outlet />
    </FlashProvider>
  );
}

/**
 * Lets the user in when their roles allow the area: anonymous users go to the login page (and
 * come back afterwards), users with a temporary password change it first, and users without the
 * role get a polite page that says so.
 */
export function RequireArea({ area }: { area: Area }) {
  const { t } = useTranslation('access');
  const { viewer } = useViewer();
  const { pathname, search } = useLocation();
  if (viewer === undefined) return <Loading label={t('guard.checking')} />;
  if (viewer === null) return <Navigate to={loginPath(pathname + search)} replace />;
  if (viewer.mustChangePassword && pathname !== paths.changePassword) {
    const back = pathname === paths.account ? '' : `?${RETURN_PARAM}=${encodeURIComponent(pathname + search)}`;
    return <Navigate to={`${paths.changePassword}${back}`} replace />;
  }
  if (!mayUse(viewer.roles, area)) return <NoAccess viewer={viewer} area={area} />;
  return <Outlet />;
}

const AREA_ROLE_NAMES: Record<Area, Role[]> = {
  admin: ['ADMIN'],
  users: ['ADMIN', 'AUDITOR'],
  audit: ['ADMIN', 'AUDITOR'],
  apiTokens: ['ADMIN', 'ANALYST'],
  account: [],
  reports: ['PROVIDER'],
  reportRead: ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER'],
  rounds: ['ADMIN', 'REVIEWER', 'AUDITOR'],
  roundsEdit: ['ADMIN', 'REVIEWER'],
  review: ['ADMIN', 'REVIEWER', 'AUDITOR'],
  insightRequests: ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER'],
  lastResort: ['ADMIN', 'REVIEWER', 'AUDITOR'],
  lastResortEdit: ['ADMIN', 'REVIEWER'],
  followUp: ['ADMIN', 'REVIEWER', 'AUDITOR'],
  followUpEdit: ['ADMIN', 'REVIEWER'],
};

/** "You do not have access": who you are, who the page is for, and where you can go instead. */
export function NoAccess({ viewer, area }: { viewer: SessionViewer; area: Area }) {
  const { t } = useTranslation('access');
  useDocumentTitle(t('noAccess.title'));
  const roles = AREA_ROLE_NAMES[area].map((r) => t(`roles.${r}`)).join(t('common.or'));
  return (
    <div data-testid="no-access">
      <PageHeader title={t('noAccess.heading')} lead={t('noAccess.lead', { roles })} />
      <p>{t('noAccess.signedInAs', { name: viewer.name, roles: viewer.roles.map((r) => t(`roles.${r}`)).join(', ') })}</p>
      <p>{t('noAccess.help')}</p>
      <p className="button-row">
        <Link to={startPathFor(viewer.roles)} className="button button--primary">
          {t('noAccess.toStart')}
        </Link>
        <Link to={paths.start} className="button button--secondary">
          {t('noAccess.toPublic')}
        </Link>
      </p>
    </div>
  );
}
