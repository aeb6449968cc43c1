import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { graphql } from '../../gql';
import { paths } from '../../app/routes';
import './notifications.css';

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** How often the header asks for new notifications while the page stays open. */
export const POLL_MS = 60_000;

/**
 * "Notiser (3)" in the header: a link to the notifications whose accessible name says what the
 * number is ("Notiser (3 olästa)"). Asked again every minute and on every page change.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data, refetch } = useQuery(UnreadCountQuery, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void refetch().catch(() => undefined);
  }, [pathname, refetch]);
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Link
      to={paths.notifications}
      className={`header-button notification-link${count > 0 ? ' notification-link--unread' : ''}`}
      aria-current={pathname === paths.notifications ? 'page' : undefined}
      aria-label={count > 0 ? t('nav.notificationsUnread', { count }) : undefined}
      data-testid="notification-link"
    >
      <BellIcon />
      <span>{t('nav.notifications')}</span>
      {count > 0 && (
        <span className="notification-link__count" data-testid="notification-count">
          ({count})
        </span>
      )}
    </Link>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" className="header-icon">
      <path d="M6 17V11a6 6 0 0 1 12 0v6l2 2H4l2-2z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
      <path d="M10 21a2 2 0 0 0 4 0" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
