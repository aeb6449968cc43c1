import { useId, useRef, useState } from 'react';
import { ListMore } from '../access/ListMore';
import { useLoadMore } from '../../shared/hooks/useLoadMore';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { NotificationItem_NotificationFragment } from '../../gql/graphql';
import type { Role } from '@insyn/shared';
import { safeReturnPath } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { useFlash } from '../access/flash';
import { UnreadCountQuery } from './NotificationBell';
import './notifications.css';

export const PAGE_SIZE = 20;

const NotificationsQuery = graphql(`
  query NotificationsPage($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...NotificationItem_notification
        }
      }
    }
    unreadNotificationCount
  }
`);

export const NotificationItemFragment = graphql(`
  fragment NotificationItem_notification on Notification {
    id
    kind
    title
    body
    link
    reportId
    createdAt
    readAt
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/**
 * Where a notification leads in this app. The server links reports to /rapporter/<id>, the
 * provider's page; the region's reviewers go to the review of the report instead. Anything that
 * is not a path of this app leads to the notifications.
 */
export function notificationTarget(link: string, reportId: string | null | undefined, roles: readonly Role[] | undefined): string {
  const reviewer = Boolean(roles?.some((r) => r === 'REVIEWER' || r === 'ADMIN' || r === 'AUDITOR'));
  const provider = Boolean(roles?.includes('PROVIDER'));
  if (reportId && reviewer && !provider) return paths.reviewReport(reportId);
  return safeReturnPath(link) ?? paths.notifications;
}

/** Your notifications, newest first; unread ones say so in words; "Markera alla som lästa". */
export default function NotificationsPage() {
  const { t } = useTranslation('review');
  useDocumentTitle(t('notifications.title'));
  const id = useId();
  const client = useApolloClient();
  const { flash } = useFlash();
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(NotificationsQuery, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [markRead] = useMutation(MarkReadMutation);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const connection = data?.notifications;
  const unread = data?.unreadNotificationCount ?? 0;

  const refresh = async () => {
    await client.refetchQueries({ include: [NotificationsQuery, UnreadCountQuery] });
  };

  const markAll = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await markRead({ variables: { ids: null } });
      await refresh();
      flash(t('notifications.markedAll'));
      // The button is gone now: keep the place with the count, which says there is nothing unread.
      statusRef.current?.focus();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus);

  return (
    <div className="notifications-page" data-testid="notifications-page">
      <PageHeader title={t('notifications.heading')} lead={t('notifications.lead')}>
        <p>
          <Link to={`${paths.account}#epost`}>{t('notifications.settingsLink')}</Link>
        </p>
      </PageHeader>
      {!connection && !error && <Loading label={t('notifications.loading')} />}
      {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
      {connection && (
        <section aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`} className="visually-hidden">
            {t('notifications.listLabel')}
          </h2>
          <div className="section-head">
            <p className="results__count" role="status" data-testid="unread-status" ref={statusRef} tabIndex={-1}>
              {t('notifications.unreadCount', { count: unread })}
            </p>
            {unread > 0 && (
              <button type="button" className="button button--secondary" onClick={() => void markAll()} aria-disabled={busy} data-testid="mark-all-read">
                {busy ? t('notifications.marking') : t('notifications.markAll')}
              </button>
            )}
          </div>
          {failed && (
            <p className="field-error" role="alert">
              {t('common.actionFailed')}
            </p>
          )}
          {connection.totalCount === 0 ? (
            <EmptyNotice title={t('notifications.empty')} />
          ) : (
            <ul className="notification-list" data-testid="notification-list">
              {connection.edges.map((edge) => (
                <NotificationItem key={edge.node.id} notification={edge.node} onOpen={(nid) => void markRead({ variables: { ids: [nid] } }).then(refresh, () => undefined)} />
              ))}
            </ul>
          )}
          <ListMore more={more} />
        </section>
      )}
    </div>
  );
}

function NotificationItem({ notification: n, onOpen }: { notification: NotificationItem_NotificationFragment; onOpen: (id: string) => void }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const { viewer } = useViewer();
  const unread = !n.readAt;
  const to = notificationTarget(n.link, n.reportId, viewer?.roles);
  return (
    <li className={`notification notification--${unread ? 'unread' : 'read'}`} data-testid="notification" data-read={!unread}>
      <h3 className="notification__title">
        <span className="notification__state">{unread ? t('notifications.unread') : t('notifications.read')}</span>
        <Link to={to} onClick={() => unread && onOpen(n.id)}>
          {n.title}
        </Link>
      </h3>
      <p className="notification__body">{n.body}</p>
      <p className="notification__when">
        <time dateTime={n.createdAt}>{format.dateTime(n.createdAt)}</time>
      </p>
    </li>
  );
}
