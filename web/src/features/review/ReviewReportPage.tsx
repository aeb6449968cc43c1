import { lazy, Suspense, useId, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReviewReport_ReportFragment } from '../../gql/graphql';
import { hasAnyRole, useViewer } from '../../app/viewer';
import { paths } from '../../app/routes';
import { isNotFound } from '../../shared/errors';
import { isoDay } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { useFlash } from '../access/flash';
import { Breadcrumb, ReportStatusBadge } from '../reporting/ui';
import { ApproveDialog, ReopenQuestionDialog, RequestChangesDialog } from './DecisionDialogs';
import { useReviewErrors } from './errors';
import { ReviewAnswers } from './ReviewAnswers';
import { ReviewDecisions, ReviewHistory } from './ReviewHistory';
import { AssignReportsMutation, reportTitle, ReviewReportQuery } from './reviewQuery';
import { ThreadList, type ThreadRights } from './Threads';
import { CommentBody } from './CommentBody';
import '../reporting/reporting.css';
import './review.css';

type Report = ReviewReport_ReportFragment;

/** Publication of an approved report: its own chunk and texts, loaded only for approved and published reports. */
const PublicationPanel = lazy(() => import('../publication/PublicationPanel'));
type DialogKind = 'request' | 'approve' | 'reopen';

/** One report for review: its answers and threads, the decisions, and its history. */
export default function ReviewReportPage() {
  const { id } = useParams();
  return <ReviewView key={id} id={id!} />;
}

function ReviewView({ id }: { id: string }) {
  const { t } = useTranslation('review');
  const { data, error, refetch } = useQuery(ReviewReportQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const report = data?.report ?? null;
  const notFound = isNotFound(error) || (data && !report);
  useDocumentTitle(report ? `${t('review.title')}: ${reportTitle(report)} (${report.reference})` : t('review.title'));
  const crumbs = [{ label: t('queue.title'), to: paths.review }, { label: report ? `${reportTitle(report)} (${report.reference})` : t('review.title') }];
  return (
    <div className="review-page" data-testid="review-page">
      <Breadcrumb crumbs={crumbs} />
      {!data && !error && <Loading label={t('review.loading')} />}
      {notFound && (
        <div data-testid="review-not-found">
          <PageHeader title={t('review.notFound')} lead={t('review.notFoundBody')} />
          <p>
            <Link to={paths.review} className="button button--primary">
              {t('review.backToQueue')}
            </Link>
          </p>
        </div>
      )}
      {error && !notFound && !report && <ErrorNotice onRetry={() => void refetch()} />}
      {report && <ReviewContent report={report} refetch={refetch} />}
    </div>
  );
}

function ReviewContent({ report, refetch }: { report: Report; refetch: () => Promise<unknown> }) {
  const { t } = useTranslation('review');
  const { t: tr } = useTranslation('reporting');
  const format = useFormat();
  const { viewer } = useViewer();
  const { flash } = useFlash();
  const isReviewer = hasAnyRole(viewer, ['REVIEWER', 'ADMIN']);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [changedOnly, setChangedOnly] = useState(false);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const rights: ThreadRights = { start: isReviewer, reply: isReviewer, resolve: isReviewer };
  const canCompare = report.submissions.length >= 2 && report.changes.length > 0;
  const changedCount = report.changes.filter((c) => c.changed).length;
  const reportThreads = useMemo(() => report.threads.filter((th) => !th.question), [report.threads]);
  const latestRequest = [...report.decisions].reverse().find((d) => d.kind === 'CHANGES_REQUESTED' || d.kind === 'QUESTION_REOPENED');
  const lastSubmitted = report.submissions.at(-1)?.receivedAt ?? report.submittedAt;

  const onDone = async (message: string) => {
    setDialog(null);
    await refetch().catch(() => undefined);
    flash(message);
    // The button that opened the dialog may be gone now: start again from the decision.
    requestAnimationFrame(() => decisionHeading.current?.focus());
  };

  return (
    <>
      <PageHeader title={reportTitle(report)}>
        <p className="page-header__meta report-meta">
          <ReportStatusBadge status={report.status} />
          <span className="code">{report.reference}</span>
          <span lang="sv">{report.round.name}</span>
          <span className={report.openThreadCount > 0 ? 'open-threads open-threads--some' : 'open-threads'} data-testid="open-thread-count">
            {t('review.openThreads', { count: report.openThreadCount })}
          </span>
        </p>
      </PageHeader>

      <section className="panel report-facts" aria-labelledby={`${ids}-facts`}>
        <h2 id={`${ids}-facts`} className="visually-hidden">
          {t('review.facts')}
        </h2>
        <dl className="facts facts--grid">
          <div>
            <dt>{t('review.provider')}</dt>
            <dd lang="sv">{report.provider.name}</dd>
          </div>
          <div>
            <dt>{t('review.ownership')}</dt>
            <dd>{t(`ownership.${report.provider.ownership}`)}</dd>
          </div>
          <div>
            <dt>{t('review.agreement')}</dt>
            <dd>
              <span className="code">{report.agreement.reference}</span>
              {report.agreement.choiceSystem && (
                <>
                  {' '}
                  <span lang="sv">({report.agreement.choiceSystem.name})</span>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('review.period')}</dt>
            <dd>{report.round.period}</dd>
          </div>
          <div>
            <dt>{t('review.due')}</dt>
            <dd>
              {format.date(isoDay(report.dueAt))}
              {report.overdue && (
                <span className="due__overdue">
                  {' '}
                  <span aria-hidden="true">! </span>
                  {t('queue.overdueMark')}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('review.submitted')}</dt>
            <dd>{lastSubmitted ? format.dateTime(lastSubmitted) : t('review.notSubmitted')}</dd>
          </div>
          <div>
            <dt>{t('review.assignee')}</dt>
            <dd data-testid="assignee">
              {report.assignedTo?.name ?? <span className="muted">{t('review.unassigned')}</span>}
              {isReviewer && viewer && report.assignedTo?.id !== viewer.id && <AssignMe reportId={report.id} onDone={refetch} />}
            </dd>
          </div>
        </dl>
      </section>

      <section className="section panel decision-panel" aria-labelledby={`${ids}-decision`} data-testid="decision-panel">
        <h2 id={`${ids}-decision`} ref={decisionHeading} tabIndex={-1}>
          {t('review.actionsHeading')}
        </h2>
        {latestRequest && report.status === 'CHANGES_REQUESTED' && (
          <div className="notice notice--warning latest-request" data-testid="latest-request">
            <p className="notice__title">
              {latestRequest.kind === 'QUESTION_REOPENED' && latestRequest.question
                ? t('provider.questionReopened', { code: latestRequest.question.code })
                : t('review.latestRequest')}
            </p>
            {latestRequest.reason && <CommentBody body={latestRequest.reason} className="pre-wrap" />}
            <p className="muted small">{t('review.latestRequestBy', { name: latestRequest.decidedByName, date: format.dateTime(latestRequest.decidedAt) })}</p>
          </div>
        )}
        {!isReviewer ? (
          <p>{t('review.readOnly')}</p>
        ) : report.viewerCanReview ? (
          <>
            <p>{t('review.actionsSubmitted')}</p>
            <p className="button-row">
              <button type="button" className="button button--secondary" onClick={() => setDialog('request')} data-testid="request-changes">
                {t('decision.requestChanges')}
              </button>
              <button type="button" className="button button--primary" onClick={() => setDialog('approve')} data-testid="approve">
                {t('decision.approve')}
              </button>
            </p>
          </>
        ) : report.status === 'APPROVED' ? (
          <>
            <p>{t('review.actionsApproved')}</p>
            <p className="button-row">
              <button type="button" className="button button--secondary" onClick={() => setDialog('reopen')} data-testid="reopen-question">
                {t('decision.reopen')}
              </button>
            </p>
          </>
        ) : (
          <p>{t('review.actionsNone', { status: tr(`status.${report.status}`) })}</p>
        )}
      </section>

      {(report.status === 'APPROVED' || report.status === 'PUBLISHED') && (
        <Suspense fallback={<Loading label={t('review.loading')} />}>
          <PublicationPanel reportId={report.id} onPublished={refetch} />
        </Suspense>
      )}

      <section className="section" aria-labelledby={`${ids}-report-threads`} data-testid="report-threads">
        <h2 id={`${ids}-report-threads`}>{t('review.reportThreadsHeading')}</h2>
        <ThreadList threads={reportThreads} reportId={report.id} questionId={null} rights={rights} onChanged={refetch} headingLevel={3} />
      </section>

      <section className="section" aria-labelledby={`${ids}-answers`}>
        <h2 id={`${ids}-answers`}>{t('review.answersHeading')}</h2>
        {canCompare ? (
          <div className="changed-toggle">
            <div className="checkbox">
              <input
                type="checkbox"
                id={`${ids}-changed`}
                checked={changedOnly}
                onChange={(e) => setChangedOnly(e.target.checked)}
                aria-describedby={`${ids}-changed-hint`}
                data-testid="changed-only"
              />
              <div className="checkbox__text">
                <label htmlFor={`${ids}-changed`}>{t('review.changedOnly')}</label>
                <span className="checkbox__hint" id={`${ids}-changed-hint`}>
                  {t('review.changedOnlyHint')} {t('review.changedCount', { count: changedCount })}
                </span>
              </div>
            </div>
          </div>
        ) : (
          <p className="muted">{t('review.changedOnlyUnavailable')}</p>
        )}
        <ReviewAnswers report={report} changedOnly={changedOnly && canCompare} rights={rights} onChanged={refetch} />
      </section>

      <section className="section" aria-labelledby={`${ids}-decisions`}>
        <h2 id={`${ids}-decisions`}>{t('review.decisionsHeading')}</h2>
        <ReviewDecisions report={report} />
      </section>

      <section className="section" aria-labelledby={`${ids}-history`}>
        <h2 id={`${ids}-history`}>{t('review.historyHeading')}</h2>
        <ReviewHistory history={report.history} />
      </section>

      <RequestChangesDialog open={dialog === 'request'} onClose={() => setDialog(null)} report={report} onDone={onDone} />
      <ApproveDialog open={dialog === 'approve'} onClose={() => setDialog(null)} report={report} onDone={onDone} />
      <ReopenQuestionDialog open={dialog === 'reopen'} onClose={() => setDialog(null)} report={report} onDone={onDone} />
    </>
  );
}

/** "Tilldela mig": takes the report on. */
function AssignMe({ reportId, onDone }: { reportId: string; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation('review');
  const { viewer } = useViewer();
  const [assign] = useMutation(AssignReportsMutation);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const toErrors = useReviewErrors();
  const { flash } = useFlash();
  if (!viewer) return null;
  return (
    <>
      {' '}
      <button
        type="button"
        className="button button--link"
        aria-disabled={busy}
        data-testid="assign-me"
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          setMessage(null);
          try {
            await assign({ variables: { reportIds: [reportId], reviewerId: viewer.id } });
            await onDone();
            flash(t('assign.assignedMe'));
          } catch (error) {
            setMessage(toErrors(error, () => null).errors.general[0]?.text ?? t('common.actionFailed'));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('assign.assignMe')}
      </button>
      {message && (
        <span className="field-error" role="alert">
          {message}
        </span>
      )}
    </>
  );
}
