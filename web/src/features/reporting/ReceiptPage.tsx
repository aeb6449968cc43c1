import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { isNotFound } from '../../shared/errors';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { answerStates, ReportAnswers } from './ReportAnswers';
import { reportTitle } from './reportQuery';
import { Breadcrumb } from './ui';
import './reporting.css';

const ReceiptQuery = graphql(`
  query ReceiptPage($id: ID!) {
    report(id: $id) {
      id
      reference
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
      provider {
        id
        name
      }
      template {
        id
        sections {
          id
          title
          titleEn
          questions {
            id
            code
            text
            textEn
            type
            unitLabel
            options {
              key
              label
              labelEn
            }
            indicator {
              id
              unit
            }
          }
        }
      }
      attachments {
        id
        fileName
      }
      submissions {
        id
        reference
        receivedAt
        answers {
          question {
            id
          }
          value
          note
          confidentialityRequested
          confidentialityReason
        }
      }
    }
  }
`);

/**
 * The receipt of a submission (inkommen handling): its reference and received time, what report it
 * is, and the answers exactly as submitted. Printable.
 */
export default function ReceiptPage() {
  const { t } = useTranslation('reporting');
  const { t: tMain } = useTranslation();
  const format = useFormat();
  const { id, submissionId } = useParams();
  const { viewer } = useViewer();
  const isProvider = mayUse(viewer?.roles, 'reports');
  const { data, error, refetch } = useQuery(ReceiptQuery, { variables: { id: id! }, fetchPolicy: 'cache-and-network' });
  const report = data?.report ?? null;
  const submission = report?.submissions.find((s) => s.id === submissionId) ?? null;
  const notFound = isNotFound(error) || (data && !submission);
  useDocumentTitle(submission ? `${t('receipt.title')} ${submission.reference}` : t('receipt.title'));
  const answers = useMemo(() => answerStates(submission?.answers ?? []), [submission]);
  const names = useMemo(() => new Map((report?.attachments ?? []).map((a) => [a.id, a.fileName])), [report]);

  return (
    <div className="receipt-page" data-testid="receipt-page">
      <Breadcrumb
        crumbs={[
          isProvider ? { label: t('myReports.title'), to: paths.myReports } : { label: t('rounds.title'), to: paths.rounds },
          ...(report ? [{ label: reportTitle(report), to: paths.report(report.id) }] : []),
          { label: t('receipt.title') },
        ]}
      />
      {!data && !error && <Loading label={t('common.loading')} />}
      {notFound && (
        <>
          <PageHeader title={t('receipt.notFound')} />
          <p>
            <Link to={isProvider ? paths.myReports : paths.rounds} className="button button--primary">
              {isProvider ? t('receipt.toMine') : t('report.backToRounds')}
            </Link>
          </p>
        </>
      )}
      {error && !notFound && !data && <ErrorNotice onRetry={() => void refetch()} />}
      {report && submission && (
        <>
          <p className="print-only receipt__brand">
            {tMain('app.name')} · {tMain('app.region')}
          </p>
          <PageHeader title={t('receipt.heading')} lead={t('receipt.lead')} />
          <section className="receipt" aria-labelledby="receipt-facts" data-testid="receipt">
            <h2 id="receipt-facts" className="visually-hidden">
              {t('receipt.title')}
            </h2>
            <div className="receipt__reference">
              <span className="receipt__reference-label">{t('receipt.reference')}</span>
              <span className="receipt__reference-value" data-testid="receipt-reference">
                {submission.reference}
              </span>
            </div>
            <dl className="facts facts--grid receipt__facts">
              <div>
                <dt>{t('receipt.receivedAt')}</dt>
                <dd data-testid="receipt-received">{format.dateTime(submission.receivedAt)}</dd>
              </div>
              <div>
                <dt>{t('receipt.report')}</dt>
                <dd>
                  <span className="code">{report.reference}</span> · {reportTitle(report)}
                </dd>
              </div>
              <div>
                <dt>{t('receipt.round')}</dt>
                <dd lang="sv">
                  {report.round.name} ({report.round.period})
                </dd>
              </div>
              <div>
                <dt>{t('receipt.provider')}</dt>
                <dd lang="sv">{report.provider.name}</dd>
              </div>
              <div>
                <dt>{t('receipt.agreement')}</dt>
                <dd className="code">{report.agreement.reference}</dd>
              </div>
            </dl>
            <div className="button-row receipt__actions">
              <button type="button" className="button button--primary" onClick={() => window.print()} data-testid="print">
                <PrintIcon />
                {t('common.print')}
              </button>
              <Link to={paths.report(report.id)} className="button button--secondary">
                {t('receipt.toReport')}
              </Link>
              {isProvider && (
                <Link to={paths.myReports} className="button button--secondary">
                  {t('receipt.toMine')}
                </Link>
              )}
            </div>
          </section>
          <section className="section" aria-labelledby="receipt-answers">
            <h2 id="receipt-answers">{t('receipt.answersHeading')}</h2>
            <p className="section__lead">{t('receipt.answersLead')}</p>
            <ReportAnswers sections={report.template.sections} answers={answers} attachmentNames={names} headingLevel={3} />
          </section>
        </>
      )}
    </div>
  );
}

function PrintIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M7 9V3h10v6M7 17H4v-6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v6h-3" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M7 14h10v7H7z" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
