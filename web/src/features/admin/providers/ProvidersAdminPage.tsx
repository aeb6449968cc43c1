import { useEffect, useId, useState } from 'react';
import { ListMore } from '../../access/ListMore';
import { useLoadMore } from '../../../shared/hooks/useLoadMore';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../../gql';
import { paths } from '../../../app/routes';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { OwnershipBadge } from '../../providers/OwnershipBadge';
import { AdminFrame } from '../AdminFrame';

const PAGE_SIZE = 50;

const ProvidersAdminQuery = graphql(`
  query ProvidersAdminPage($filter: ProviderFilter, $first: Int!, $after: String) {
    providers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          orgNumber
          ownership
          units {
            id
          }
          agreements {
            id
          }
        }
      }
    }
  }
`);

/** Providers, in-house and private alike: search, open to edit, add. */
export default function ProvidersAdminPage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('providersAdmin.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const applied = (params.get('sok') ?? '').trim().slice(0, 100);
  const [search, setSearch] = useState(applied);
  useEffect(() => setSearch(applied), [applied]);
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(ProvidersAdminQuery, {
    variables: { filter: applied ? { search: applied } : {}, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const connection = (data ?? (searching ? previousData : undefined))?.providers;
  const edges = connection?.edges ?? [];

  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus, searching);

  return (
    <AdminFrame crumbs={[{ label: t('providersAdmin.title') }]}>
      <PageHeader title={t('providersAdmin.heading')} lead={t('providersAdmin.lead')}>
        <p>
          <Link to={paths.newProvider} className="button button--primary" data-testid="new-provider">
            {t('providersAdmin.new')}
          </Link>
        </p>
      </PageHeader>
      <form
        role="search"
        className="panel filters-bar filters-bar__form"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          if (search.trim()) next.set('sok', search.trim());
          setParams(next, { replace: true });
        }}
      >
        <div className="field filters-bar__search">
          <label htmlFor={`${id}-search`}>{t('providersAdmin.search')}</label>
          <div className="search-row">
            <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} autoComplete="off" />
            <button type="submit" className="button button--primary">
              {t('common.search')}
            </button>
          </div>
        </div>
      </form>
      <p className="results__count" role="status">
        {connection && !searching ? t('common.showing', { shown: edges.length, total: connection.totalCount }) : t('providersAdmin.loading')}
      </p>
      {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
      {!connection && !error && <Loading label={t('providersAdmin.loading')} />}
      {connection && connection.totalCount === 0 && <EmptyNotice title={t('providersAdmin.empty')} />}
      {edges.length > 0 && (
        <TableScroll label={t('providersAdmin.tableLabel')}>
          <table className="table table--full" aria-busy={searching || more.loading}>
            <caption className="visually-hidden">{t('providersAdmin.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('providersAdmin.name')}</th>
                <th scope="col">{t('providersAdmin.orgNumber')}</th>
                <th scope="col">{t('providersAdmin.ownership')}</th>
                <th scope="col" className="num">
                  {t('providersAdmin.units')}
                </th>
                <th scope="col" className="num">
                  {t('providersAdmin.agreements')}
                </th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node }) => (
                <tr key={node.id} data-testid="provider-admin-row">
                  <th scope="row">
                    <Link to={paths.adminProvider(node.id)}>{node.name}</Link>
                  </th>
                  <td className="code nowrap">{node.orgNumber}</td>
                  <td>
                    <OwnershipBadge ownership={node.ownership} />
                  </td>
                  <td className="num">{node.units.length}</td>
                  <td className="num">{node.agreements.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ListMore more={more} />
    </AdminFrame>
  );
}
