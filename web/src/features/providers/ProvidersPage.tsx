import { useEffect, useRef, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice } from '../../shared/ui/QueryStates';
import { ProviderCard } from './ProviderCard';
import { ProviderFilters } from './ProviderFilters';
import { isFiltered, readFilter, toGraphQLFilter, writeFilter, type ProviderFilterState } from './filters';

export const PAGE_SIZE = 20;

const ProvidersPageQuery = graphql(`
  query ProvidersPage($filter: ProviderFilter, $first: Int!, $after: String) {
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
          ...ProviderCard_provider
        }
      }
    }
  }
`);

export default function ProvidersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('providers.title'));
  const [params, setParams] = useSearchParams();
  // The filter the user sees is local state, so a checkbox changes at once; the URL follows it,
  // and a URL change from outside (back, forward, a link) flows back into it.
  const [filter, setFilterState] = useState(() => readFilter(params));
  const urlKey = params.toString();
  useEffect(() => {
    const fromUrl = readFilter(new URLSearchParams(urlKey));
    setFilterState((current) =>
      writeFilter(current).toString() === writeFilter(fromUrl).toString() ? current : fromUrl,
    );
  }, [urlKey]);
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(ProvidersPageQuery, {
    variables: { filter: toGraphQLFilter(filter), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [moreError, setMoreError] = useState(false);
  const focusFrom = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const fetchingMore = networkStatus === NetworkStatus.fetchMore;
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables || networkStatus === NetworkStatus.refetch;
  // While a new filter loads, keep the old list (marked busy) instead of flashing an empty page.
  const shown = data ?? (searching ? previousData : undefined);
  const connection = shown?.providers;
  const edges = connection?.edges ?? [];

  // After "Visa fler", move focus to the first newly shown provider.
  useEffect(() => {
    if (focusFrom.current === null || edges.length <= focusFrom.current) return;
    const heading = listRef.current?.querySelectorAll<HTMLElement>('[data-provider-heading]')[focusFrom.current];
    focusFrom.current = null;
    heading?.focus();
  }, [edges.length]);

  const setFilter = (next: ProviderFilterState) => {
    setMoreError(false);
    setFilterState(next);
    setParams(writeFilter(next), { replace: true });
  };

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor || fetchingMore) return;
    setMoreError(false);
    focusFrom.current = edges.length;
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } catch {
      focusFrom.current = null;
      setMoreError(true);
    }
  };

  let status: string;
  if (searching || (!connection && !error)) status = connection ? t('providers.countLoading') : t('providers.loading');
  else if (connection) status = t('providers.count', { shown: edges.length, total: connection.totalCount });
  else status = '';

  return (
    <>
      <PageHeader title={t('providers.heading')} lead={t('providers.lead')} />
      <div className="with-sidebar">
        <ProviderFilters value={filter} onChange={setFilter} />
        <section className="results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            {t('providers.resultsHeading')}
          </h2>
          {/* Announced politely whenever the filter or the number shown changes. */}
          <p className="results__count" role="status" aria-live="polite" data-testid="providers-count">
            {status}
          </p>
          {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
          {connection && connection.totalCount === 0 && (
            <EmptyNotice title={t('providers.empty')}>
              <p>{t('providers.emptyHint')}</p>
              {isFiltered(filter) && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setFilter({ municipalityCode: '', ownership: [], search: '' })}
                >
                  {t('providers.clearFilters')}
                </button>
              )}
            </EmptyNotice>
          )}
          {edges.length > 0 && (
            <ol className="provider-list" ref={listRef} aria-busy={searching || fetchingMore} data-testid="provider-list">
              {edges.map((edge) => (
                <ProviderCard key={edge.node.id} provider={edge.node} />
              ))}
            </ol>
          )}
          {moreError && <ErrorNotice onRetry={() => void loadMore()} />}
          {connection?.pageInfo.hasNextPage && !searching && (
            <div className="load-more">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void loadMore()}
                aria-disabled={fetchingMore}
                data-testid="load-more"
              >
                {fetchingMore ? t('providers.loadingMore') : t('providers.loadMore')}
              </button>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
