import { useId, useState } from 'react';
import { ListMore } from '../../access/ListMore';
import { useLoadMore } from '../../../shared/hooks/useLoadMore';
import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { graphql } from '../../../gql';
import type { Ownership, ReportFilter, ReportStatus, RoundPage_RoundFragment } from '../../../gql/graphql';
import { mayUse } from '../../../app/access';
import { paths } from '../../../app/routes';
import { useViewer } from '../../../app/viewer';
import { isNotFound } from '../../../shared/errors';
import { isoDay } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { Dialog } from '../../../shared/ui/Dialog';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { useFlash } from '../../access/flash';
import { OwnershipBadge } from '../../providers/OwnershipBadge';
import { REPORT_STATUSES } from '../dates';
import { Breadcrumb, DueText, ProgressMeter, ReportStatusBadge, RoundStatusBadge } from '../ui';
import { localized } from '../values';
import { roundTotals } from './RoundsPage';
import '../reporting.css';

const OWNERSHIPS: Ownership[] = ['IN_HOUSE', 'PRIVATE', 'PUBLIC_COMPANY', 'NON_PROFIT'];
const PAGE_SIZE = 25;

const RoundQuery = graphql(`
  query RoundPage($id: ID!) {
    followUpRound(id: $id) {
      id
      ...RoundPage_round
    }
  }
`);

export const RoundFragment = graphql(`
  fragment RoundPage_round on FollowUpRound {
    id
    name
    period
    status
    opensAt
    dueAt
    openedAt
    agreementForms
    choiceSystem {
      id
      name
    }
    template {
      id
      name
      nameEn
      version
    }
    statusCounts {
      status
      ownership
      count
      overdue
    }
  }
`);

const RoundReportsQuery = graphql(`
  query RoundReports($filter: ReportFilter, $first: Int!, $after: String) {
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
          reference
          status
          dueAt
          overdue
          submittedAt
          provider {
            id
            name
            ownership
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
      }
    }
  }
`);

const OpenRoundMutation = graphql(`
  mutation OpenFollowUpRound($id: ID!) {
    openFollowUpRound(id: $id) {
      id
      ...RoundPage_round
    }
  }
`);

/** A round: its facts, how many reports are in each status by ownership, and its reports. */
export default function RoundPage() {
  const { id } = useParams();
  return <RoundView key={id} id={id!} />;
}

function RoundView({ id }: { id: string }) {
  const { t, i18n } = useTranslation('reporting');
  const format = useFormat();
  const { viewer } = useViewer();
  const canOpen = mayUse(viewer?.roles, 'roundsEdit');
  const { data, error, refetch } = useQuery(RoundQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const round = data?.followUpRound ?? null;
  const notFound = isNotFound(error) || (data && !round);
  useDocumentTitle(round?.name ?? t('round.title'));

  return (
    <div data-testid="round-page">
      <Breadcrumb crumbs={[{ label: t('rounds.title'), to: paths.rounds }, { label: round?.name ?? t('round.title'), lang: round ? 'sv' : undefined }]} />
      {!data && !error && <Loading label={t('round.loading')} />}
      {notFound && (
        <>
          <PageHeader title={t('round.notFound')} />
          <p>
            <Link to={paths.rounds} className="button button--primary">
              {t('round.backToList')}
            </Link>
          </p>
        </>
      )}
      {error && !notFound && !data && <ErrorNotice onRetry={() => void refetch()} />}
      {round && (
        <>
          <PageHeader title={round.name} lang="sv">
            <p className="page-header__meta">
              <RoundStatusBadge status={round.status} /> <span>{t('round.period')}: {round.period}</span>
            </p>
          </PageHeader>
          <section className="panel" aria-labelledby="round-facts">
            <h2 id="round-facts" className="panel__heading">
              {t('round.facts')}
            </h2>
            <dl className="facts facts--grid">
              <div>
                <dt>{t('round.template')}</dt>
                <dd>
                  {(() => {
                    const name = localized(round.template.name, round.template.nameEn, i18n.language);
                    return <span lang={name.lang}>{name.text}</span>;
                  })()}{' '}
                  <span className="muted">({t('common.version', { n: round.template.version })})</span>
                </dd>
              </div>
              <div>
                <dt>{t('round.choiceSystem')}</dt>
                <dd lang={round.choiceSystem ? 'sv' : undefined}>{round.choiceSystem?.name ?? t('round.allChoiceSystems')}</dd>
              </div>
              <div>
                <dt>{t('round.agreementForms')}</dt>
                <dd>{round.agreementForms.map((f) => t(`agreementForm.${f}`)).join(', ')}</dd>
              </div>
              <div>
                <dt>{t('round.opensAt')}</dt>
                <dd>{format.date(isoDay(round.opensAt))}</dd>
              </div>
              <div>
                <dt>{t('round.dueAt')}</dt>
                <dd>{format.date(isoDay(round.dueAt))}</dd>
              </div>
              {round.openedAt && (
                <div>
                  <dt>{t('round.openedAt')}</dt>
                  <dd>{format.dateTime(round.openedAt)}</dd>
                </div>
              )}
            </dl>
          </section>
          {canOpen && round.status !== 'CLOSED' && <OpenRound round={round} />}
          {round.status === 'CLOSED' && <p className="notice notice--info">{t('round.closed')}</p>}
          <StatusCounts round={round} />
          <RoundReports roundId={round.id} />
        </>
      )}
    </div>
  );
}

/** Opening a round (or again, for agreements added since): asks first; opening twice creates nothing twice. */
function OpenRound({ round }: { round: RoundPage_RoundFragment }) {
  const { t } = useTranslation('reporting');
  const format = useFormat();
  const { flash } = useFlash();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, { loading }] = useMutation(OpenRoundMutation, {
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'reports' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'followUpRounds' });
      cache.gc();
    },
  });
  const planned = round.status === 'PLANNED';
  const confirm = async () => {
    if (loading) return;
    setFailure(null);
    try {
      const { data } = await open({ variables: { id: round.id } });
      setConfirming(false);
      flash(t('round.opened', { count: roundTotals(data!.openFollowUpRound.statusCounts).total }));
    } catch {
      setConfirming(false);
      setFailure(t('common.actionFailed'));
    }
  };
  return (
    <section className="section panel" aria-labelledby="round-open">
      <h2 id="round-open" className="panel__heading">
        {planned ? t('round.openConfirm') : t('round.openAgainConfirm')}
      </h2>
      <p>{planned ? t('round.openLead') : t('round.openAgainLead')}</p>
      <button type="button" className={planned ? 'button button--primary' : 'button button--secondary'} onClick={() => setConfirming(true)} data-testid="open-round">
        {planned ? t('round.open') : t('round.openAgain')}
      </button>
      {failure && (
        <p className="field-error" role="alert">
          <span aria-hidden="true" className="field-error__icon">
            !
          </span>
          <span>{failure}</span>
        </p>
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={planned ? t('round.openConfirmTitle', { name: round.name }) : t('round.openAgainConfirmTitle')}
        testId="open-round-dialog"
      >
        <p>{t('round.openConfirmBody', { due: format.date(isoDay(round.dueAt)) })}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => void confirm()} aria-disabled={loading} data-testid="open-round-confirm">
            {loading ? t('round.opening') : planned ? t('round.openConfirm') : t('round.openAgainConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)} data-autofocus>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

/** Reports by status (rows) and ownership (columns), overdue ones in brackets. */
function StatusCounts({ round }: { round: RoundPage_RoundFragment }) {
  const { t } = useTranslation('reporting');
  const { t: tMain } = useTranslation();
  const counts = round.statusCounts;
  const ownerships = OWNERSHIPS.filter((o) => counts.some((c) => c.ownership === o));
  const cell = (status: ReportStatus | null, ownership: Ownership | null) => {
    const matching = counts.filter((c) => (status === null || c.status === status) && (ownership === null || c.ownership === ownership));
    return { count: matching.reduce((s, c) => s + c.count, 0), overdue: matching.reduce((s, c) => s + c.overdue, 0) };
  };
  const show = ({ count, overdue }: { count: number; overdue: number }) => (
    <>
      {count}
      {overdue > 0 && <span className="overdue-count"> {t('round.overdueIn', { count: overdue })}</span>}
    </>
  );
  return (
    <section className="section" aria-labelledby="round-counts">
      <h2 id="round-counts">{t('round.countsHeading')}</h2>
      <p className="section__lead">{t('round.countsLead')}</p>
      {counts.length === 0 ? (
        <EmptyNotice title={t('round.countsEmpty')} />
      ) : (
        <TableScroll label={t('round.countsTable')} fit>
          <table className="table counts-table" data-testid="status-counts">
            <caption className="visually-hidden">{t('round.countsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('round.status')}</th>
                {ownerships.map((o) => (
                  <th scope="col" className="num" key={o}>
                    {tMain(`ownership.${o}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('round.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {REPORT_STATUSES.map((status) => (
                <tr key={status}>
                  <th scope="row">
                    <ReportStatusBadge status={status} />
                  </th>
                  {ownerships.map((o) => (
                    <td className="num" key={o}>
                      {show(cell(status, o))}
                    </td>
                  ))}
                  <td className="num">
                    <strong>{show(cell(status, null))}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('round.total')}</th>
                {ownerships.map((o) => (
                  <td className="num" key={o}>
                    <strong>{show(cell(null, o))}</strong>
                  </td>
                ))}
                <td className="num">
                  <strong>{show(cell(null, null))}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function readFilter(params: URLSearchParams): { status: ReportStatus | ''; ownership: Ownership | ''; overdue: boolean } {
  const status = params.get('status') ?? '';
  const ownership = params.get('driftform') ?? '';
  return {
    status: (REPORT_STATUSES as string[]).includes(status) ? (status as ReportStatus) : '',
    ownership: (OWNERSHIPS as string[]).includes(ownership) ? (ownership as Ownership) : '',
    overdue: params.get('forsenade') === '1',
  };
}

/** The round's reports, filtered by status, ownership and lateness; paged. */
function RoundReports({ roundId }: { roundId: string }) {
  const { t } = useTranslation('reporting');
  const { t: tMain } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const variables: ReportFilter = { roundId };
  if (filter.status) variables.status = [filter.status];
  if (filter.ownership) variables.ownership = [filter.ownership];
  if (filter.overdue) variables.overdue = true;
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(RoundReportsQuery, {
    variables: { filter: variables, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const connection = (data ?? (searching ? previousData : undefined))?.reports;
  const edges = connection?.edges ?? [];

  const update = (next: Partial<ReturnType<typeof readFilter>>) => {
    const merged = { ...filter, ...next };
    const out = new URLSearchParams();
    if (merged.status) out.set('status', merged.status);
    if (merged.ownership) out.set('driftform', merged.ownership);
    if (merged.overdue) out.set('forsenade', '1');
    more.reset();
    setParams(out, { replace: true });
  };
  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus, searching);
  let status = '';
  if (searching || (!connection && !error)) status = t('round.reportsLoading');
  else if (connection) status = t('common.showing', { shown: edges.length, total: connection.totalCount });

  return (
    <section className="section" aria-labelledby={`${id}-reports`}>
      <h2 id={`${id}-reports`}>{t('round.reportsHeading')}</h2>
      <div className="panel filters-bar">
        <h3 className="filters-bar__heading">{t('common.filter')}</h3>
        <div className="filters-bar__form">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('round.status')}</label>
            <select id={`${id}-status`} value={filter.status} onChange={(e) => update({ status: e.target.value as ReportStatus | '' })} data-testid="round-reports-status">
              <option value="">{t('myReports.allStatuses')}</option>
              {REPORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-ownership`}>{t('round.ownership')}</label>
            <select id={`${id}-ownership`} value={filter.ownership} onChange={(e) => update({ ownership: e.target.value as Ownership | '' })}>
              <option value="">{t('round.allOwnership')}</option>
              {OWNERSHIPS.map((o) => (
                <option key={o} value={o}>
                  {tMain(`ownership.${o}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="checkbox filters-bar__check">
            <input id={`${id}-overdue`} type="checkbox" checked={filter.overdue} onChange={(e) => update({ overdue: e.target.checked })} />
            <div className="checkbox__text">
              <label htmlFor={`${id}-overdue`}>{t('round.overdueOnly')}</label>
            </div>
          </div>
        </div>
      </div>
      <p className="results__count" role="status">
        {status}
      </p>
      {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
      {!connection && !error && <Loading label={t('round.reportsLoading')} />}
      {connection && connection.totalCount === 0 && <EmptyNotice title={t('round.reportsEmpty')} />}
      {edges.length > 0 && (
        <TableScroll label={t('round.reportsTable')}>
          <table className="table table--full round-reports" aria-busy={searching || more.loading} data-testid="round-reports">
            <caption className="visually-hidden">{t('round.reportsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('round.report')}</th>
                <th scope="col">{t('round.provider')}</th>
                <th scope="col">{t('round.agreement')}</th>
                <th scope="col">{t('round.status')}</th>
                <th scope="col">{t('round.due')}</th>
                <th scope="col">{t('round.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node: r }) => (
                <tr key={r.id} className={r.overdue ? 'is-overdue' : undefined} data-testid="round-report-row">
                  <th scope="row" className="nowrap">
                    <Link to={paths.report(r.id)}>{r.reference}</Link>
                  </th>
                  <td>
                    <span lang="sv">{r.provider.name}</span>
                    <br />
                    <OwnershipBadge ownership={r.provider.ownership} />
                  </td>
                  <td>
                    <span className="code">{r.agreement.reference}</span>
                    {r.agreement.units.length > 0 && (
                      <span className="block small" lang="sv">
                        {r.agreement.units.map((u) => u.name).join(', ')}
                      </span>
                    )}
                  </td>
                  <td>
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td>
                    <DueText dueAt={r.dueAt} status={r.status} overdue={r.overdue} submittedAt={r.submittedAt} />
                  </td>
                  <td>
                    <ProgressMeter answered={r.progress.requiredAnswered} required={r.progress.required} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ListMore more={more} />
    </section>
  );
}
