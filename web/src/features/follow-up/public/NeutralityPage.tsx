import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNamespace } from '../../../app/i18n';
import { paths } from '../../../app/routes';
import { graphql } from '../../../gql';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { NeutralityFiguresView } from '../figures';
import { ReportYears } from './ReportYears';

const ReportsQuery = graphql(`
  query NeutralityReportsPage {
    neutralityReports {
      id
      year
      version
    }
  }
`);

const ReportQuery = graphql(`
  query NeutralityReportPage($year: Int!) {
    neutralityReport(year: $year) {
      id
      year
      version
      decisionReference
      adoptedOn
      figures {
        ...NeutralityFiguresView_figures
      }
    }
  }
`);

/** /konkurrensneutralitet — the adopted neutrality reports, one year at a time (public). */
export default function NeutralityPage() {
  useNamespace('followUp');
  const { t } = useTranslation('followUp');
  useDocumentTitle(t('neutrality.title'));
  const list = useQuery(ReportsQuery);
  return (
    <ReportYears
      title={t('neutrality.title')}
      lead={t('neutrality.lead')}
      list={list}
      years={list.data?.neutralityReports}
      none={t('neutrality.noneAdopted')}
      label={t('neutrality.adopted')}
      headed
      path={paths.neutrality}
      testId="neutrality-years"
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
  const report = data?.neutralityReport;
  if (!report) return <EmptyNotice title={t('neutrality.notAdopted', { year })} />;
  const title = t('neutrality.reportTitle', { year: report.year });
  return (
    <article aria-labelledby="neutrality-report" data-testid="neutrality-report">
      <h2 id="neutrality-report">{title}</h2>
      <p className="fu-meta">
        {t('common.decision', { reference: report.decisionReference, date: format.date(report.adoptedOn) })} · {t('common.version', { version: report.version })}
      </p>
      <p className="fu-note">{t('common.frozen', { date: format.date(report.adoptedOn) })}</p>
      <NeutralityFiguresView figures={report.figures} fileTitle={title} />
    </article>
  );
}
