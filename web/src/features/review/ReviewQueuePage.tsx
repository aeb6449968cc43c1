import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ListMore } from '../access/ListMore';
import { useLoadMore } from '../../shared/hooks/useLoadMore';
import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Ownerships } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { ReportFilter, ReportStatus, ReviewQueueRow_ReportFragment } from '../../gql/graphql';
import { paths } from '../../app/routes';
import { hasAnyRole, useViewer } from '../../app/viewer';
import { isoDay } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { FieldErrorText } from '../../shared/forms/Form';
import type { FieldMessage } from '../../shared/forms/errors';
import { ReportStatusBadge } from '../reporting/ui';
import { useReviewErrors } from './errors';
import { DEFAULT_FILTER, isFiltered, queueOrder, readQueueFilter, REPORT_STATUSES, toReportFilter, writeQueueFilter, type QueueFilterState } from './queueFilter';
import { AssignReportsMutation, reportTitle } from './reviewQuery';
import '../reporting/reporting.css';
import './review.css';

/** Insight requests waiting for the region: their own small chunk and texts. */
const InsightWorkNotice = lazy(() => import('../insight-requests/InsightWorkNotice'));

export const PAGE_SIZE = 25;

const QueueQuery = graphql(`
  query ReviewQueue($filter: ReportFilter, $orderBy: ReportOrder!, $first: Int!, $after: String) {
    reports(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ReviewQueueRow_report
        }
      }
    }
  }
`);

export const QueueRowFragment = graphql(`
  fragment ReviewQueueRow_report on Report {
    id
    reference
    status
    dueAt
    submittedAt
    overdue
    openThreadCount
    provider {
      id
      name
      ownership
    }
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
    assignedTo {
      id
      name
    }
  }
`);

/** How many reports of each status match the other filters: one small count per status. */
const CountsQuery = graphql(`
  query ReviewQueueCounts(
    $notStarted: ReportFilter!
    $draft: ReportFilter!
    $submitted: ReportFilter!
    $changesRequested: ReportFilter!
    $approved: ReportFilter!
    $published: ReportFilter!
  ) {
    NOT_STARTED: reports(filter: $notStarted, first: 1) {
      totalCount
    }
    DRAFT: reports(filter: $draft, first: 1) {
      totalCount
    }
    SUBMITTED: reports(filter: $submitted, first: 1) {
      totalCount
    }
    CHANGES_REQUESTED: reports(filter: $changesRequested, first: 1) {
      totalCount
    }
    APPROVED: reports(filter: $approved, first: 1) {
      totalCount
    }
    PUBLISHED: reports(filter: $published, first: 1) {
      totalCount
    }
  }
`);

const FilterOptionsQuery = graphql(`
  query ReviewQueueFilterOptions {
    followUpRounds {
      id
      name
      period
    }
    choiceSystems {
      id
      name
    }
    municipalities {
      code
      name
    }
  }
`);

/** Everyone a report can be assigned to: the active reviewers and administrators. */
const ReviewersQuery = graphql(`
  query ReviewQueueReviewers {
    reviewers {
      id
      name
    }
  }
`);

function countVariables(filter: ReportFilter) {
  const of = (status: ReportStatus): ReportFilter => ({ ...filter, status: [status] });
  return {
    notStarted: of('NOT_STARTED'),
    draft: of('DRAFT'),
    submitted: of('SUBMITTED'),
    changesRequested: of('CHANGES_REQUESTED'),
    approved: of('APPROVED'),
    published: of('PUBLISHED'),
  };
}

/** The reviewer's queue: reports by status and the other filters (all in the URL), assignment in bulk. */
export default function ReviewQueuePage() {
  const { t } = useTranslation('review');
  useDocumentTitle(t('queue.title'));
  const id = useId();
  const { viewer } = useViewer();
  const canAssign = hasAnyRole(viewer, ['REVIEWER', 'ADMIN']);
  const [params, setParams] = useSearchParams();
  const filter = readQueueFilter(params);
  const gqlFilter = toReportFilter(filter);
  const key = JSON.stringify(gqlFilter);
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(QueueQuery, {
    variables: { filter: gqlFilter, orderBy: queueOrder(filter), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const counts = useQuery(CountsQuery, { variables: countVariables(toReportFilter(filter, { withStatus: false })), fetchPolicy: 'no-cache' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A new filter is a new list: nothing stays selected that the user cannot see.
  useEffect(() => setSelected(new Set()), [key]);
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const connection = (data ?? (searching ? previousData : undefined))?.reports;
  const edges = connection?.edges ?? [];
  const rows = edges.map((e) => e.node);

  const update = (next: Partial<QueueFilterState>) => {
    more.reset();
    setParams(writeQueueFilter({ ...filter, ...next }), { replace: true });
  };

  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus, searching);

  const reload = async () => {
    await Promise.all([refetch(), counts.refetch()]);
  };

  let status = '';
  if (searching || (!connection && !error)) status = t('queue.loading');
  else if (connection) status = `${t('common.showing', { shown: edges.length, total: connection.totalCount })}. ${queueOrder(filter) === 'SUBMITTED_AT' ? t('queue.orderSubmitted') : t('queue.orderDue')}`;

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));
  const toggle = (reportId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(reportId);
      else next.delete(reportId);
      return next;
    });

  return (
    <div className="review-queue">
      <PageHeader title={t('queue.heading')} lead={canAssign ? t('queue.lead') : t('queue.leadReadOnly')} />
      <Suspense fallback={null}>
        <InsightWorkNotice />
      </Suspense>

      <StatusCounts filter={filter} counts={counts.data} onPick={(s) => update({ status: s })} />

      <QueueFilters filter={filter} onChange={update} />

      <section aria-labelledby={`${id}-results`} className="section section--tight">
        <h2 id={`${id}-results`}>{t('queue.resultsHeading')}</h2>
        <p className="results__count" role="status" data-testid="queue-count">
          {status}
        </p>
        {error && !connection && <ErrorNotice onRetry={() => void refetch()} />}
        {!connection && !error && <Loading label={t('queue.loading')} />}
        {connection && connection.totalCount === 0 && <EmptyNotice title={t('queue.empty')} />}
        {rows.length > 0 && (
          <TableScroll label={t('queue.tableLabel')}>
            <table className="table table--full queue-table" aria-busy={searching || more.loading} data-testid="queue-table">
              <caption className="visually-hidden">{t('queue.tableLabel')}</caption>
              <thead>
                <tr>
                  {canAssign && (
                    <th scope="col" className="queue-table__select">
                      <SelectAll checked={allSelected} indeterminate={someSelected && !allSelected} onChange={(on) => setSelected(on ? new Set(rows.map((r) => r.id)) : new Set())} />
                    </th>
                  )}
                  <th scope="col">{t('queue.reference')}</th>
                  <th scope="col">{t('queue.provider')}</th>
                  <th scope="col">{t('queue.round')}</th>
                  <th scope="col">{t('queue.status')}</th>
                  <th scope="col">{t('queue.dates')}</th>
                  <th scope="col">{t('queue.assignee')}</th>
                  <th scope="col">{t('queue.openThreads')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <QueueRow key={row.id} report={row} selectable={canAssign} selected={selected.has(row.id)} onSelect={(on) => toggle(row.id, on)} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <ListMore more={more} />
      </section>

      {canAssign && rows.length > 0 && (
        <BulkAssign
          selected={rows.filter((r) => selected.has(r.id))}
          seen={rows}
          onDone={async () => {
            setSelected(new Set());
            await reload();
          }}
        />
      )}
    </div>
  );
}

/** "Välj alla som visas", with the mixed state when some are chosen. */
function SelectAll({ checked, indeterminate, onChange }: { checked: boolean; indeterminate: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation('review');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input type="checkbox" ref={ref} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-label={t('queue.selectAll')} data-testid="select-all" />
  );
}

function QueueRow({
  report,
  selectable,
  selected,
  onSelect,
}: {
  report: ReviewQueueRow_ReportFragment;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  return (
    <tr data-testid="queue-row" data-reference={report.reference} className={selected ? 'is-selected' : undefined}>
      {selectable && (
        <td className="queue-table__select">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={t('queue.selectRow', { reference: report.reference })} data-testid="select-row" />
        </td>
      )}
      <th scope="row">
        <Link to={paths.reviewReport(report.id)} data-testid="queue-link">
          {report.reference}
        </Link>
        <br />
        <span className="small" lang="sv">
          {reportTitle(report)}
        </span>
      </th>
      <td>
        <span lang="sv">{report.provider.name}</span>
        <br />
        <span className="small muted">{t(`ownership.${report.provider.ownership}`)}</span>
      </td>
      <td>
        <span lang="sv">{report.round.name}</span>
      </td>
      <td className="nowrap-wide">
        <ReportStatusBadge status={report.status} />
      </td>
      <td className="nowrap-wide">
        {report.submittedAt && <span className="block">{t('queue.submitted', { date: format.date(isoDay(report.submittedAt)) })}</span>}
        <span className="block">{t('queue.due', { date: format.date(isoDay(report.dueAt)) })}</span>
        {report.overdue && (
          <span className="due__overdue">
            <span aria-hidden="true">! </span>
            {t('queue.overdueMark')}
          </span>
        )}
      </td>
      <td>{report.assignedTo?.name ?? <span className="muted">{t('queue.unassigned')}</span>}</td>
      <td className="queue-table__threads">
        {report.openThreadCount > 0 ? (
          <span className="open-threads open-threads--some">{t('queue.openThreadsCount', { count: report.openThreadCount })}</span>
        ) : (
          <span className="muted">0</span>
        )}
      </td>
    </tr>
  );
}

/** The number of reports per status for the other filters; each a link that shows that status. */
function StatusCounts({
  filter,
  counts,
  onPick,
}: {
  filter: QueueFilterState;
  counts: Partial<Record<ReportStatus, { totalCount: number }>> | undefined;
  onPick: (status: ReportStatus | null) => void;
}) {
  const { t } = useTranslation('review');
  const { t: tr } = useTranslation('reporting');
  const id = useId();
  return (
    <nav className="status-counts" aria-labelledby={`${id}-heading`} data-testid="status-counts">
      <h2 id={`${id}-heading`} className="status-counts__heading">
        {t('queue.countsHeading')}
      </h2>
      <ul className="status-counts__list">
        {REPORT_STATUSES.map((s) => {
          const count = counts?.[s]?.totalCount;
          const current = filter.status === s;
          return (
            <li key={s}>
              <Link
                to={{ search: writeQueueFilter({ ...filter, status: s }).toString() }}
                replace
                aria-current={current ? 'true' : undefined}
                className={`status-count${current ? ' status-count--current' : ''}`}
                onClick={(event) => {
                  event.preventDefault();
                  onPick(s);
                }}
                data-testid={`count-${s}`}
              >
                <span className="status-count__label">{tr(`status.${s}`)}</span> <span className="status-count__n">{count === undefined ? '…' : count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The filters; each applies at once and lands in the URL (the result count is announced). */
function QueueFilters({ filter, onChange }: { filter: QueueFilterState; onChange: (next: Partial<QueueFilterState>) => void }) {
  const { t } = useTranslation('review');
  const { t: tr } = useTranslation('reporting');
  const id = useId();
  const { data } = useQuery(FilterOptionsQuery);
  const rounds = data?.followUpRounds ?? [];
  const choiceSystems = data?.choiceSystems ?? [];
  const municipalities = data?.municipalities ?? [];
  return (
    <section className="panel filters-bar" aria-labelledby={`${id}-filters`}>
      <h2 id={`${id}-filters`} className="filters-bar__heading">
        {t('common.filter')}
      </h2>
      <form className="filters-bar__form" onSubmit={(e) => e.preventDefault()} data-testid="queue-filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('queue.status')}</label>
          <select id={`${id}-status`} value={filter.status ?? ''} onChange={(e) => onChange({ status: (e.target.value || null) as ReportStatus | null })} data-testid="filter-status">
            <option value="">{t('queue.allStatuses')}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tr(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-round`}>{t('queue.round')}</label>
          <select id={`${id}-round`} value={filter.roundId} onChange={(e) => onChange({ roundId: e.target.value })} data-testid="filter-round">
            <option value="">{t('queue.allRounds')}</option>
            {filter.roundId && !rounds.some((r) => r.id === filter.roundId) && <option value={filter.roundId}>{t('common.loading')}</option>}
            {rounds.map((r) => (
              <option key={r.id} value={r.id} lang="sv">
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cs`}>{t('queue.choiceSystem')}</label>
          <select id={`${id}-cs`} value={filter.choiceSystemId} onChange={(e) => onChange({ choiceSystemId: e.target.value })} data-testid="filter-choice-system">
            <option value="">{t('queue.allChoiceSystems')}</option>
            {filter.choiceSystemId && !choiceSystems.some((c) => c.id === filter.choiceSystemId) && <option value={filter.choiceSystemId}>{t('common.loading')}</option>}
            {choiceSystems.map((c) => (
              <option key={c.id} value={c.id} lang="sv">
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-ownership`}>{t('queue.ownership')}</label>
          <select id={`${id}-ownership`} value={filter.ownership} onChange={(e) => onChange({ ownership: e.target.value as QueueFilterState['ownership'] })} data-testid="filter-ownership">
            <option value="">{t('queue.allOwnerships')}</option>
            {Ownerships.map((o) => (
              <option key={o} value={o}>
                {t(`ownership.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-municipality`}>{t('queue.municipality')}</label>
          <select id={`${id}-municipality`} value={filter.municipalityCode} onChange={(e) => onChange({ municipalityCode: e.target.value })} data-testid="filter-municipality">
            <option value="">{t('queue.allMunicipalities')}</option>
            {filter.municipalityCode && !municipalities.some((m) => m.code === filter.municipalityCode) && (
              <option value={filter.municipalityCode}>{filter.municipalityCode}</option>
            )}
            {municipalities.map((m) => (
              <option key={m.code} value={m.code} lang="sv">
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-assignment`}>{t('queue.assignment')}</label>
          <select id={`${id}-assignment`} value={filter.assignment} onChange={(e) => onChange({ assignment: e.target.value as QueueFilterState['assignment'] })} data-testid="filter-assignment">
            <option value="">{t('queue.assignmentAll')}</option>
            <option value="mine">{t('queue.assignmentMine')}</option>
            <option value="nobody">{t('queue.assignmentNobody')}</option>
          </select>
        </div>
        <div className="field filters-bar__check">
          <div className="checkbox">
            <input type="checkbox" id={`${id}-overdue`} checked={filter.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} data-testid="filter-overdue" />
            <label htmlFor={`${id}-overdue`}>{t('queue.overdue')}</label>
          </div>
        </div>
        {isFiltered(filter) && (
          <div className="filters-bar__actions">
            <button type="button" className="button button--secondary button--small" onClick={() => onChange(DEFAULT_FILTER)}>
              {t('queue.clear')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

/** Assign the chosen reports to a reviewer (or to nobody). */
function BulkAssign({ selected, seen, onDone }: { selected: ReviewQueueRow_ReportFragment[]; seen: ReviewQueueRow_ReportFragment[]; onDone: () => Promise<void> }) {
  const { t } = useTranslation('review');
  const id = useId();
  const { viewer } = useViewer();
  const reviewers = useQuery(ReviewersQuery);
  const [assign] = useMutation(AssignReportsMutation);
  const toErrors = useReviewErrors();
  const [reviewerId, setReviewerId] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<FieldMessage | null>(null);
  const [general, setGeneral] = useState<FieldMessage | null>(null);
  const [done, setDone] = useState('');
  const selectRef = useRef<HTMLSelectElement>(null);

  // Who can be chosen: me first, then every reviewer, and anyone already assigned.
  const options = useMemo(() => {
    const map = new Map<string, { label: string; name: string }>();
    if (viewer && hasAnyRole(viewer, ['REVIEWER', 'ADMIN'])) map.set(viewer.id, { label: t('assign.me', { name: viewer.name }), name: viewer.name });
    for (const person of reviewers.data?.reviewers ?? []) if (!map.has(person.id)) map.set(person.id, { label: person.name, name: person.name });
    for (const r of seen) if (r.assignedTo && !map.has(r.assignedTo.id)) map.set(r.assignedTo.id, { label: r.assignedTo.name, name: r.assignedTo.name });
    return [...map.entries()].map(([value, o]) => ({ value, ...o }));
  }, [viewer, reviewers.data, seen, t]);

  const submit = async () => {
    if (busy) return;
    setGeneral(null);
    setDone('');
    if (selected.length === 0) {
      setGeneral({ text: t('assign.pickReports') });
      return;
    }
    if (!reviewerId) {
      setFieldError({ text: t('assign.pickReviewer') });
      selectRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    const target = reviewerId === 'none' ? null : reviewerId;
    try {
      await assign({ variables: { reportIds: selected.map((r) => r.id), reviewerId: target } });
      const count = selected.length;
      const name = options.find((o) => o.value === reviewerId)?.name ?? '';
      await onDone();
      setDone(target ? t('assign.done', { count, name }) : t('assign.unassigned', { count }));
    } catch (error) {
      const { errors } = toErrors(error, (path) => (path === 'reviewerId' ? 'reviewerId' : null));
      if (errors.fields['reviewerId']) setFieldError(errors.fields['reviewerId']);
      setGeneral(errors.general[0] ?? null);
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  return (
    <section className="panel bulk-assign" aria-labelledby={`${id}-heading`} data-testid="bulk-assign">
      <h2 id={`${id}-heading`}>{t('assign.heading')}</h2>
      <p className="bulk-assign__count" aria-live="polite" data-testid="selected-count">
        {selected.length === 0 ? t('assign.noneSelected') : t('assign.selected', { count: selected.length })}
      </p>
      <form
        className="bulk-assign__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className={`field${fieldError ? ' field--error' : ''}`}>
          <label htmlFor={`${id}-reviewer`}>{t('assign.reviewer')}</label>
          {fieldError && <FieldErrorText id={errorId} message={fieldError} />}
          <select
            id={`${id}-reviewer`}
            ref={selectRef}
            value={reviewerId}
            onChange={(e) => {
              setReviewerId(e.target.value);
              setFieldError(null);
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? errorId : undefined}
            data-testid="assign-reviewer"
          >
            <option value="">{t('assign.chooseReviewer')}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
            <option value="none">{t('assign.nobody')}</option>
          </select>
        </div>
        <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="assign-submit">
          {busy ? t('assign.assigning') : t('assign.submit')}
        </button>
      </form>
      {general && (
        <p className="field-error" role="alert">
          <span lang={general.lang}>{general.text}</span>
        </p>
      )}
      <p role="status" className="bulk-assign__done" data-testid="assign-status">
        {done}
      </p>
    </section>
  );
}
