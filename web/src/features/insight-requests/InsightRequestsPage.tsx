import { useId } from 'react';
import { ListMore } from '../access/ListMore';
import { useLoadMore } from '../../shared/hooks/useLoadMore';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InsightRequestStatus } from '../../gql/graphql';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { hasAnyRole, useViewer } from '../../app/viewer';
import { isoDay } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { INSIGHT_STATUSES, readInsightFilter, toGqlFilter, writeInsightFilter, type InsightFilterState } from './insight';
import { InsightRequestsQuery } from './insightQuery';
import { InsightStatusBadge, OverdueMark } from './InsightStatusBadge';
import '../reporting/reporting.css';
import '../review/review.css';

export const PAGE_SIZE = 25;

/**
 * Insight requests: the region sees all of them, a provider those forwarded to it. Filter by
 * status and overdue (kept in the URL), newest first, "Visa fler" for the next page.
 */
export default function InsightRequestsPage() {
  const { t } = useTranslation('publication');
  useDocumentTitle(t('insight.title'));
  const id = useId();
  const { viewer } = useViewer();
  const isProvider = mayUse(viewer?.roles, 'reports');
  const canAct = hasAnyRole(viewer, ['REVIEWER', 'ADMIN']);
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filter = readInsightFilter(params);
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(InsightRequestsQuery, {
    variables: { filter: toGqlFilter(filter), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const connection = (data ?? (searching ? previousData : undefined))?.insightRequests;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const update = (next: Partial<InsightFilterState>) => {
    more.reset();
    setParams(writeInsightFilter({ ...filter, ...next }), { replace: true });
  };
  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus, searching);
  const filtered = Boolean(filter.status || filter.overdue);
  let status = '';
  if (searching || (!connection && !error)) status = t('insight.loading');
  else if (connection) status = t('insight.showing', { shown: rows.length, total: connection.totalCount });

  return (
    <div className="insight-requests">
      <PageHeader title={t('insight.title')} lead={isProvider ? t('insight.leadProvider') : canAct ? t('insight.lead') : t('insight.leadReadOnly')} />
      <section className="filters-bar" aria-labelledby={`${id}-filter`}>
        <h2 id={`${id}-filter`} className="filters-bar__heading">
          {t('insight.filter')}
        </h2>
        <div className="filters-bar__form">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('insight.status')}</label>
            <select id={`${id}-status`} value={filter.status} onChange={(e) => update({ status: e.target.value as InsightRequestStatus | '' })} data-testid="status-filter">
              <option value="">{t('insight.allStatuses')}</option>
              {INSIGHT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`insight.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="checkbox filters-bar__check">
            <input type="checkbox" id={`${id}-overdue`} checked={filter.overdue} onChange={(e) => update({ overdue: e.target.checked })} data-testid="overdue-filter" />
            <div className="checkbox__text">
              <label htmlFor={`${id}-overdue`}>{t('insight.overdueOnly')}</label>
            </div>
          </div>
          {filtered && (
            <div className="filters-bar__actions">
              <button type="button" className="button button--link" onClick={() => update({ status: '', overdue: false })}>
                {t('insight.clear')}
              </button>
            </div>
          )}
        </div>
      </section>
      <section aria-labelledby={`${id}-results`} className="section section--tight">
        <h2 id={`${id}-results`}>{t('insight.resultsHeading')}</h2>
        <p className="results__count" role="status" data-testid="insight-count">
          {status}
        </p>
        {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
        {!connection && !error && <Loading label={t('insight.loading')} />}
        {connection && connection.totalCount === 0 && <EmptyNotice title={isProvider && !filtered ? t('insight.emptyProvider') : t('insight.empty')} />}
        {rows.length > 0 && (
          <TableScroll label={t('insight.tableLabel')}>
            <table className="table table--full insight-table" aria-busy={searching || more.loading} data-testid="insight-table">
              <caption className="visually-hidden">{t('insight.tableLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insight.reference')}</th>
                  <th scope="col">{t('insight.subject')}</th>
                  {!isProvider && <th scope="col">{t('insight.provider')}</th>}
                  <th scope="col">{t('insight.status')}</th>
                  <th scope="col">{t('insight.received')}</th>
                  <th scope="col">{t('insight.due')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-testid="insight-row" data-reference={r.reference}>
                    <th scope="row" className="nowrap-wide">
                      <Link to={paths.insightRequest(r.id)} data-testid="insight-link">
                        {r.reference}
                      </Link>
                    </th>
                    <td lang={r.language === 'en' ? 'en' : 'sv'}>{r.subject}</td>
                    {!isProvider && <td>{r.provider ? <span lang="sv">{r.provider.name}</span> : <span className="muted">{t('insight.noProvider')}</span>}</td>}
                    <td className="nowrap-wide">
                      <InsightStatusBadge status={r.status} />
                    </td>
                    <td className="nowrap-wide">{format.date(isoDay(r.receivedAt))}</td>
                    <td className="nowrap-wide">
                      {r.dueAt ? format.date(isoDay(r.dueAt)) : <span className="muted">{t('common.none')}</span>}
                      {r.overdue && (
                        <>
                          <br />
                          <OverdueMark />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <ListMore more={more} />
      </section>
    </div>
  );
}
