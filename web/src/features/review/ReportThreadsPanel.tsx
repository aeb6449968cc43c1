import { Suspense, useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { hasAnyRole, useViewer } from '../../app/viewer';
import { useFormat } from '../../shared/hooks/useFormat';
import { CommentBody } from './CommentBody';
import { orderThreads, ThreadList } from './Threads';
import './review.css';

const PanelQuery = graphql(`
  query ReportThreadsPanel($id: ID!) {
    report(id: $id) {
      id
      status
      openThreadCount
      decisions {
        id
        kind
        reason
        decidedAt
        decidedByName
        question {
          id
          code
        }
      }
      threads {
        id
        ...ThreadList_thread
      }
    }
  }
`);

/**
 * On the provider's report page: the region's latest request for changes and its comment
 * threads, which the provider answers here. The region's own readers get a link to the review.
 */
export function ReportThreadsPanel({ reportId }: { reportId: string }) {
  return (
    <Suspense fallback={null}>
      <Panel reportId={reportId} />
    </Suspense>
  );
}

function Panel({ reportId }: { reportId: string }) {
  useNamespace('review');
  const { t } = useTranslation('review');
  const format = useFormat();
  const id = useId();
  const { viewer } = useViewer();
  const isProvider = hasAnyRole(viewer, ['PROVIDER']);
  const isRegion = hasAnyRole(viewer, ['REVIEWER', 'ADMIN', 'AUDITOR']);
  const { data, refetch } = useQuery(PanelQuery, { variables: { id: reportId }, fetchPolicy: 'cache-and-network', skip: !isProvider });

  if (isRegion && !isProvider) {
    return (
      <p className="notice notice--info review-link" data-testid="review-link">
        {t('provider.reviewerHint')}{' '}
        <Link to={paths.reviewReport(reportId)} className="button button--secondary button--small">
          {t('provider.toReview')}
        </Link>
      </p>
    );
  }
  const report = data?.report;
  if (!report) return null;
  const latest = [...report.decisions].reverse().find((d) => d.kind === 'CHANGES_REQUESTED' || d.kind === 'QUESTION_REOPENED');
  const showRequest = report.status === 'CHANGES_REQUESTED' && latest;
  const open = orderThreads(report.threads.filter((th) => !th.resolved));
  const resolved = report.threads.filter((th) => th.resolved);
  if (!showRequest && report.threads.length === 0) return null;

  return (
    <section className="panel provider-threads" aria-labelledby={`${id}-heading`} data-testid="provider-threads">
      <h2 id={`${id}-heading`}>
        {t('provider.heading')}
        {open.length > 0 && <span className="provider-threads__count"> ({t('provider.openThreads', { count: open.length })})</span>}
      </h2>
      {showRequest && latest && (
        <div className="notice notice--warning latest-request" data-testid="change-request">
          <p className="notice__title">
            {latest.kind === 'QUESTION_REOPENED' && latest.question ? t('provider.questionReopened', { code: latest.question.code }) : t('provider.changesRequested')}
          </p>
          {latest.reason && <CommentBody body={latest.reason} className="pre-wrap" />}
          <p className="muted small">{t('provider.decidedBy', { name: latest.decidedByName, date: format.dateTime(latest.decidedAt) })}</p>
        </div>
      )}
      {open.length > 0 ? (
        <>
          <p>{t('provider.lead')}</p>
          <ThreadList threads={open} reportId={reportId} questionId={null} rights={{ start: false, reply: true, resolve: false }} onChanged={refetch} headingLevel={3} showQuestion testId="provider-open-threads" />
        </>
      ) : (
        <p className="muted">{t('provider.none')}</p>
      )}
      {resolved.length > 0 && (
        <details className="provider-threads__resolved">
          <summary>{t('threads.resolvedThreads', { count: resolved.length })}</summary>
          <ThreadList threads={resolved} reportId={reportId} questionId={null} rights={{ start: false, reply: false, resolve: false }} onChanged={refetch} headingLevel={3} showQuestion />
        </details>
      )}
    </section>
  );
}
