import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReportPage_ReportFragment } from '../../gql/graphql';
import { mayUse } from '../../app/access';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { isNotFound } from '../../shared/errors';
import { isoDay } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { answerStates, ReportAnswers } from './ReportAnswers';
import { ReportEditor } from './ReportEditor';
import { Breadcrumb, DueText, ReportStatusBadge } from './ui';
import { localized } from './values';
import { ReportPageQuery, reportTitle } from './reportQuery';
import { ReportThreadsPanel } from '../review/ReportThreadsPanel';
import './reporting.css';

/** The provider's published values and public response: their own chunk and texts. */
const ProviderPublicationPanel = lazy(() => import('../publication/ProviderPublicationPanel'));

/**
 * One report: the provider's own users fill it in (autosaved) while it is open for them; everyone
 * else who may read it, and the provider once it is submitted, read it.
 */
export default function ReportPage() {
  const { id } = useParams();
  return <ReportView key={id} id={id!} />;
}

function ReportView({ id }: { id: string }) {
  const { t } = useTranslation('reporting');
  const { viewer } = useViewer();
  const { data, error, refetch } = useQuery(ReportPageQuery, { variables: { id }, fetchPolicy: 'network-only', nextFetchPolicy: 'cache-first' });
  const report = data?.report ?? null;
  const notFound = isNotFound(error) || (data && !report);
  const isProvider = mayUse(viewer?.roles, 'reports');
  useDocumentTitle(report ? `${reportTitle(report)} – ${report.round.name}` : t('report.title'));
  const crumbs = isProvider
    ? [{ label: t('myReports.title'), to: paths.myReports }, { label: report ? reportTitle(report) : t('report.title') }]
    : [
        { label: t('rounds.title'), to: paths.rounds },
        ...(report ? [{ label: report.round.name, to: paths.round(report.round.id), lang: 'sv' }] : []),
        { label: report ? reportTitle(report) : t('report.title') },
      ];

  return (
    <div className="report-page" data-testid="report-page">
      <Breadcrumb crumbs={crumbs} />
      {!data && !error && <Loading label={t('report.loading')} />}
      {notFound && (
        <div data-testid="report-not-found">
          <PageHeader title={t('report.notFound')} lead={t('report.notFoundBody')} />
          <p>
            <Link to={isProvider ? paths.myReports : paths.rounds} className="button button--primary">
              {isProvider ? t('report.backToMine') : t('report.backToRounds')}
            </Link>
          </p>
        </div>
      )}
      {error && !notFound && <ErrorNotice onRetry={() => void refetch()} />}
      {report && (
        <>
          <ReportHeader report={report} />
          <Suspense fallback={null}>
            <ThreadsPanel reportId={report.id} />
          </Suspense>
          {isProvider && report.status === 'PUBLISHED' && (
            <Suspense fallback={<Loading label={t('report.loading')} />}>
              <ProviderPublicationPanel reportId={report.id} />
            </Suspense>
          )}
          {report.viewerCanEdit ? (
            <ReportEditor key={report.id} report={report} onGone={() => void refetch()} />
          ) : (
            <ReadOnlyReport report={report} isProvider={isProvider} />
          )}
        </>
      )}
    </div>
  );
}

/**
 * The region's comments and decisions on this report. Their texts load first, in a component of
 * their own: a component that suspends on loading texts and then calls more hooks fails to mount
 * (React #467), so nothing else is rendered next to the loading.
 */
function ThreadsPanel({ reportId }: { reportId: string }) {
  useNamespace('review');
  return <ReportThreadsPanel reportId={reportId} />;
}

function ReportHeader({ report }: { report: ReportPage_ReportFragment }) {
  const { t, i18n } = useTranslation('reporting');
  const template = localized(report.template.name, report.template.nameEn, i18n.language);
  return (
    <>
      <PageHeader title={reportTitle(report)}>
        <p className="page-header__meta report-meta">
          <ReportStatusBadge status={report.status} />
          <span lang="sv">{report.round.name}</span>
        </p>
      </PageHeader>
      <section className="panel report-facts" aria-labelledby="report-facts-heading">
        <h2 id="report-facts-heading" className="visually-hidden">
          {t('report.facts')}
        </h2>
        <dl className="facts facts--grid">
          <div>
            <dt>{t('report.provider')}</dt>
            <dd lang="sv">{report.provider.name}</dd>
          </div>
          <div>
            <dt>{t('report.agreement')}</dt>
            <dd className="code">{report.agreement.reference}</dd>
          </div>
          <div>
            <dt>{t('report.period')}</dt>
            <dd>{report.round.period}</dd>
          </div>
          <div>
            <dt>{t('report.due')}</dt>
            <dd>
              <DueText dueAt={report.dueAt} status={report.status} overdue={report.overdue} submittedAt={report.submittedAt} />
            </dd>
          </div>
          <div>
            <dt>{t('report.reference')}</dt>
            <dd className="code" data-testid="report-reference">
              {report.reference}
            </dd>
          </div>
          <div>
            <dt>{t('report.template')}</dt>
            <dd>
              <span lang={template.lang}>{template.text}</span> <span className="muted">({t('common.version', { n: report.template.version })})</span>
            </dd>
          </div>
        </dl>
      </section>
    </>
  );
}

/** A report that cannot be changed now, or a reader who does not answer it: the answers, and the receipts. */
function ReadOnlyReport({ report, isProvider }: { report: ReportPage_ReportFragment; isProvider: boolean }) {
  const { t } = useTranslation('reporting');
  const format = useFormat();
  const answers = useMemo(() => answerStates(report.answers), [report.answers]);
  const names = useMemo(() => new Map(report.attachments.map((a) => [a.id, a.fileName])), [report.attachments]);
  let note: string;
  if (!isProvider) note = t('report.readOnlyNotYours');
  else if (report.status === 'SUBMITTED') note = t('report.readOnlySubmitted', { date: report.submittedAt ? format.date(isoDay(report.submittedAt)) : '' });
  else if (report.status === 'APPROVED') note = t('report.readOnlyApproved');
  else if (report.status === 'PUBLISHED') note = t('report.readOnlyPublished');
  else note = t('report.readOnlyNotEditable');
  return (
    <>
      <p className="notice notice--info" data-testid="read-only-note">
        {note}
      </p>
      <section className="section" aria-labelledby="report-submissions">
        <h2 id="report-submissions">{t('report.submissionsHeading')}</h2>
        {report.submissions.length === 0 ? (
          <p className="muted">{t('report.submissionsNone')}</p>
        ) : (
          <ul className="plain-list submissions">
            {[...report.submissions].reverse().map((s) => (
              <li key={s.id}>
                <Link to={paths.receipt(report.id, s.id)}>{t('report.receiptLink', { reference: s.reference })}</Link>{' '}
                <span className="muted">{t('report.receivedAt', { date: format.dateTime(s.receivedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="report-answers">
        <h2 id="report-answers">{t('report.answersHeading')}</h2>
        <ReportAnswers sections={report.template.sections} answers={answers} attachmentNames={names} headingLevel={3} downloadable />
      </section>
    </>
  );
}
