import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNamespace } from '../../../app/i18n';
import { paths } from '../../../app/routes';
import { graphql } from '../../../gql';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { AnnualFiguresView, AnnualReportSections } from '../figures';
import { ReportYears } from './ReportYears';

const ReportsQuery = graphql(`
  query AnnualReportsPage {
    annualReports {
      id
      year
    }
  }
`);

const ReportQuery = graphql(`
  query AnnualReportPage($year: Int!) {
    annualReport(year: $year) {
      ...AnnualReportView_report
    }
  }
`);

/** /systemuppfoljning — the published annual reports to the board (public); prints as a clean document. */
export default function AnnualReportPage() {
  useNamespace('followUp');
  const { t } = useTranslation('followUp');
  useDocumentTitle(t('annual.title'));
  const list = useQuery(ReportsQuery);
  return (
    <ReportYears
      title={t('annual.title')}
      lead={t('annual.lead')}
      list={list}
      years={list.data?.annualReports}
      none={t('annual.nonePublished')}
      label={t('annual.published')}
      path={paths.annualReports}
      testId="annual-years"
    >
      {(year) => <Report year={year} />}
    </ReportYears>
  );
}

function Report({ year }: { year: number }) {
  const { t } = useTranslation('followUp');
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(ReportQuery, { variables: { year } });
  if (loading && !data) return <Loading label={t('common.loading')} />;
  if (error) return <ErrorNotice onRetry={() => void refetch()} />;
  const report = data?.annualReport;
  if (!report) return <EmptyNotice title={t('annual.notPublished', { year })} />;
  const title = t('annual.reportTitle', { year: report.year });
  return (
    <article aria-labelledby="annual-report" data-testid="annual-report" className="fu-report-sections">
      <h2 id="annual-report">{title}</h2>
      {report.decisionReference && report.adoptedOn && (
        <p className="fu-meta">{t('common.decision', { reference: report.decisionReference, date: format.date(report.adoptedOn) })}</p>
      )}
      <p className="no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()} data-testid="print">
          {t('annual.print')}
        </button>
      </p>
      <AnnualReportSections sections={report.sections} />
      <h2 className="fu-figures-heading">{t('annual.figuresHeading')}</h2>
      {report.adoptedOn && <p className="fu-note">{t('common.frozen', { date: format.date(report.adoptedOn) })}</p>}
      {report.figures && <AnnualFiguresView figures={report.figures} fileTitle={title} />}
    </article>
  );
}
