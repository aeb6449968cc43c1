import { lazy, Suspense, useId } from 'react';
import { ListMore } from '../access/ListMore';
import { useLoadMore } from '../../shared/hooks/useLoadMore';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { ReportCard_ReportFragment, ReportFilter, ReportStatus } from '../../gql/graphql';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { REPORT_STATUSES } from './dates';
import { DueText, ProgressMeter, ReportStatusBadge } from './ui';
import './reporting.css';

/** Insight requests forwarded to the provider: their own small chunk and texts. */
const InsightWorkNotice = lazy(() => import('../insight-requests/InsightWorkNotice'));

export const PAGE_SIZE = 20;

const MyReportsQuery = graphql(`
  query MyReportsPage($filter: ReportFilter, $first: Int!, $after: String) {
    reports(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ReportCard_report
        }
      }
    }
  }
`);

export const ReportCardFragment = graphql(`
  fragment ReportCard_report on Report {
    id
    reference
    status
    dueAt
    overdue
    submittedAt
    round {
      id
      name
      period
    }
    agreement {
      id
      reference
      units {
        id
        name
      }
    }
    progress {
      required
      requiredAnswered
    }
  }
`);

/** Which rounds' reports to list: those still running (the default), the closed ones, or all. */
export type RoundsShown = 'current' | 'closed' | 'all';
const ROUNDS_PARAM: Record<Exclude<RoundsShown, 'current'>, string> = { closed: 'avslutade', all: 'alla' };

export function readReportFilter(params: URLSearchParams): { status: ReportStatus | ''; overdue: boolean; rounds: RoundsShown } {
  const status = params.get('status') ?? '';
  const rounds = params.get('omgangar');
  return {
    status: (REPORT_STATUSES as string[]).includes(status) ? (status as ReportStatus) : '',
    overdue: params.get('forsenade') === '1',
    rounds: rounds === ROUNDS_PARAM.closed ? 'closed' : rounds === ROUNDS_PARAM.all ? 'all' : 'current',
  };
}

export function toReportFilter(state: ReturnType<typeof readReportFilter>): ReportFilter {
  const filter: ReportFilter = {};
  if (state.status) filter.status = [state.status];
  if (state.overdue) filter.overdue = true;
  if (state.rounds !== 'all') filter.roundClosed = state.rounds === 'closed';
  return filter;
}

/** "Mina rapporter": the provider's reports, most urgent first; filter by status; page through. */
export default function MyReportsPage() {
  const { t } = useTranslation('reporting');
  useDocumentTitle(t('myReports.title'));
  const id = useId();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const filter = readReportFilter(params);
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(MyReportsQuery, {
    variables: { filter: toReportFilter(filter), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const connection = (data ?? (searching ? previousData : undefined))?.reports;
  const edges = connection?.edges ?? [];
  const filtered = Boolean(filter.status || filter.overdue || filter.rounds !== 'current');

  const update = (next: Partial<ReturnType<typeof readReportFilter>>) => {
    const merged = { ...filter, ...next };
    const out = new URLSearchParams();
    if (merged.status) out.set('status', merged.status);
    if (merged.overdue) out.set('forsenade', '1');
    if (merged.rounds !== 'current') out.set('omgangar', ROUNDS_PARAM[merged.rounds]);
    more.reset();
    setParams(out, { replace: true });
  };

  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus, searching);

  let status = '';
  if (searching || (!connection && !error)) status = t('myReports.loading');
  else if (connection) status = t('common.showing', { shown: edges.length, total: connection.totalCount });

  return (
    <div data-testid="my-reports">
      <PageHeader
        title={t('myReports.heading')}
        lead={viewer?.provider ? t('myReports.lead', { provider: viewer.provider.name }) : t('myReports.leadNoProvider')}
      />
      <Suspense fallback={null}>
        <InsightWorkNotice />
      </Suspense>

      <section className="panel filters-bar" aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`} className="filters-bar__heading">
          {t('common.filter')}
        </h2>
        <div className="filters-bar__form">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('myReports.status')}</label>
            <select id={`${id}-status`} value={filter.status} onChange={(e) => update({ status: e.target.value as ReportStatus | '' })} data-testid="reports-status">
              <option value="">{t('myReports.allStatuses')}</option>
              {REPORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-rounds`}>{t('myReports.rounds')}</label>
            <select id={`${id}-rounds`} value={filter.rounds} onChange={(e) => update({ rounds: e.target.value as RoundsShown })} data-testid="reports-rounds">
              <option value="current">{t('myReports.roundsCurrent')}</option>
              <option value="closed">{t('myReports.roundsClosed')}</option>
              <option value="all">{t('myReports.roundsAll')}</option>
            </select>
          </div>
          <div className="checkbox filters-bar__check">
            <input id={`${id}-overdue`} type="checkbox" checked={filter.overdue} onChange={(e) => update({ overdue: e.target.checked })} />
            <div className="checkbox__text">
              <label htmlFor={`${id}-overdue`}>{t('myReports.overdueOnly')}</label>
            </div>
          </div>
        </div>
      </section>

      <section aria-labelledby={`${id}-results`} className="section section--tight">
        <h2 id={`${id}-results`} className="visually-hidden">
          {t('myReports.resultsHeading')}
        </h2>
        <p className="results__count" role="status" data-testid="reports-count">
          {status}
        </p>
        {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
        {!connection && !error && <Loading label={t('myReports.loading')} />}
        {connection && connection.totalCount === 0 && <EmptyNotice title={filtered ? t('myReports.emptyFiltered') : t('myReports.empty')} />}
        {edges.length > 0 && (
          <ul className="report-cards" aria-busy={searching || more.loading} data-testid="report-list">
            {edges.map((edge) => (
              <ReportCard key={edge.node.id} report={edge.node} />
            ))}
          </ul>
        )}
        <ListMore more={more} />
      </section>
    </div>
  );
}

/** One report: what it is for, when it is due, how far it has come, and its status. */
function ReportCard({ report }: { report: ReportCard_ReportFragment }) {
  const { t } = useTranslation('reporting');
  const units = report.agreement.units.map((u) => u.name).join(', ');
  const title = units || report.agreement.reference;
  return (
    <li className={`report-card${report.overdue ? ' report-card--overdue' : ''}`} data-testid="report-card" data-status={report.status}>
      <div className="report-card__head">
        <h3 className="report-card__title">
          <Link to={paths.report(report.id)} className="report-card__link">
            {title}
          </Link>
        </h3>
        <ReportStatusBadge status={report.status} />
      </div>
      <dl className="report-card__facts">
        <div>
          <dt>{t('myReports.round')}</dt>
          <dd>
            <span lang="sv">{report.round.name}</span>
            <span className="block muted small">
              {t('myReports.period')} {report.round.period}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('myReports.agreement')}</dt>
          <dd className="code">{report.agreement.reference}</dd>
        </div>
        <div>
          <dt>{t('myReports.reference')}</dt>
          <dd className="code">{report.reference}</dd>
        </div>
        <div>
          <dt>{t('myReports.due')}</dt>
          <dd>
            <DueText dueAt={report.dueAt} status={report.status} overdue={report.overdue} submittedAt={report.submittedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('myReports.progress')}</dt>
          <dd>
            <ProgressMeter answered={report.progress.requiredAnswered} required={report.progress.required} compact />
          </dd>
        </div>
      </dl>
    </li>
  );
}
