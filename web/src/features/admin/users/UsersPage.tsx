import { useEffect, useId, useState } from 'react';
import { ListMore } from '../../access/ListMore';
import { useLoadMore } from '../../../shared/hooks/useLoadMore';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Roles, type Role } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../../gql';
import type { UserFilter, UserRow_UserFragment } from '../../../gql/graphql';
import { mayUse } from '../../../app/access';
import { paths } from '../../../app/routes';
import { useViewer } from '../../../app/viewer';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { Badge } from '../../../shared/ui/Badge';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { AdminFrame } from '../AdminFrame';

export const PAGE_SIZE = 25;

const UsersPageQuery = graphql(`
  query UsersAdminPage($filter: UserFilter, $first: Int!, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...UserRow_user
        }
      }
    }
  }
`);

export const UserRowFragment = graphql(`
  fragment UserRow_user on User {
    id
    name
    email
    roles
    active
    lastLoginAt
    provider {
      id
      name
    }
  }
`);

type StatusFilter = '' | 'active' | 'inactive';

export function readUserFilter(params: URLSearchParams): { search: string; role: Role | ''; status: StatusFilter } {
  const role = params.get('roll') ?? '';
  const status = params.get('status') ?? '';
  return {
    search: (params.get('sok') ?? '').trim().slice(0, 100),
    role: (Roles as readonly string[]).includes(role) ? (role as Role) : '',
    status: status === 'active' || status === 'inactive' ? status : '',
  };
}

export function toUserFilter(state: ReturnType<typeof readUserFilter>): UserFilter {
  const filter: UserFilter = {};
  if (state.search) filter.search = state.search;
  if (state.role) filter.role = state.role;
  if (state.status) filter.active = state.status === 'active';
  return filter;
}

/** Users: search, filter by role and status, page through; administrators open and add users. */
export default function UsersPage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('users.title'));
  const id = useId();
  const { viewer } = useViewer();
  const canEdit = mayUse(viewer?.roles, 'admin');
  const [params, setParams] = useSearchParams();
  const filter = readUserFilter(params);
  const [search, setSearch] = useState(filter.search);
  useEffect(() => setSearch(filter.search), [filter.search]);
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(UsersPageQuery, {
    variables: { filter: toUserFilter(filter), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const connection = (data ?? (searching ? previousData : undefined))?.users;
  const edges = connection?.edges ?? [];

  const update = (next: Partial<ReturnType<typeof readUserFilter>>) => {
    const merged = { ...filter, ...next };
    const out = new URLSearchParams();
    if (merged.search) out.set('sok', merged.search);
    if (merged.role) out.set('roll', merged.role);
    if (merged.status) out.set('status', merged.status);
    more.reset();
    setParams(out, { replace: true });
  };

  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus, searching);

  let status = '';
  if (searching || (!connection && !error)) status = t('users.loading');
  else if (connection) status = t('common.showing', { shown: edges.length, total: connection.totalCount });

  return (
    <AdminFrame crumbs={[{ label: t('users.title') }]}>
      <PageHeader title={t('users.heading')} lead={canEdit ? t('users.lead') : t('users.leadReadOnly')}>
        {canEdit && (
          <p>
            <Link to={paths.newUser} className="button button--primary" data-testid="new-user">
              {t('users.new')}
            </Link>
          </p>
        )}
      </PageHeader>

      <section className="panel filters-bar" aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`} className="filters-bar__heading">
          {t('common.filter')}
        </h2>
        <form
          role="search"
          className="filters-bar__form"
          onSubmit={(event) => {
            event.preventDefault();
            update({ search: search.trim() });
          }}
        >
          <div className="field filters-bar__search">
            <label htmlFor={`${id}-search`}>{t('users.search')}</label>
            <div className="search-row">
              <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} autoComplete="off" data-testid="users-search" />
              <button type="submit" className="button button--primary">
                {t('common.search')}
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('users.role')}</label>
            <select id={`${id}-role`} value={filter.role} onChange={(e) => update({ role: e.target.value as Role | '' })} data-testid="users-role">
              <option value="">{t('users.allRoles')}</option>
              {Roles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('users.status')}</label>
            <select id={`${id}-status`} value={filter.status} onChange={(e) => update({ status: e.target.value as StatusFilter })}>
              <option value="">{t('users.allStatuses')}</option>
              <option value="active">{t('users.activePlural')}</option>
              <option value="inactive">{t('users.inactivePlural')}</option>
            </select>
          </div>
        </form>
      </section>

      <section aria-labelledby={`${id}-results`} className="section section--tight">
        <h2 id={`${id}-results`} className="visually-hidden">
          {t('users.resultsHeading')}
        </h2>
        <p className="results__count" role="status" data-testid="users-count">
          {status}
        </p>
        {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
        {!connection && !error && <Loading label={t('users.loading')} />}
        {connection && connection.totalCount === 0 && <EmptyNotice title={t('users.empty')} />}
        {edges.length > 0 && (
          <TableScroll label={t('users.tableLabel')}>
            <table className="table table--full" aria-busy={searching || more.loading} data-testid="users-table">
              <caption className="visually-hidden">{t('users.tableLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.roles')}</th>
                  <th scope="col">{t('users.provider')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('users.lastLogin')}</th>
                </tr>
              </thead>
              <tbody>
                {edges.map((edge) => (
                  <UserRow key={edge.node.id} user={edge.node} canEdit={canEdit} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <ListMore more={more} />
      </section>
    </AdminFrame>
  );
}

function UserRow({ user, canEdit }: { user: UserRow_UserFragment; canEdit: boolean }) {
  const { t } = useTranslation('access');
  const format = useFormat();
  return (
    <tr data-testid="user-row">
      <th scope="row">{canEdit ? <Link to={paths.user(user.id)}>{user.name}</Link> : user.name}</th>
      <td className="nowrap-wide">{user.email}</td>
      <td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
      <td>{user.provider?.name ?? <span className="muted">–</span>}</td>
      <td>{user.active ? <Badge tone="success">{t('users.active')}</Badge> : <Badge tone="neutral">{t('users.inactive')}</Badge>}</td>
      <td className="nowrap-wide">{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : <span className="muted">{t('users.neverLoggedIn')}</span>}</td>
    </tr>
  );
}
