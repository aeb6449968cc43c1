import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useNamespace } from '../../../app/i18n';
import { paths } from '../../../app/routes';
import { graphql } from '../../../gql';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { NeutralityFiguresView, YEAR_PARAM } from '../figures';

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
  const [params] = useSearchParams();
  const list = useQuery(ReportsQuery);
  const years = list.data?.neutralityReports ?? [];
  const asked = Number(params.get(YEAR_PARAM));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (years[0]?.year ?? null);
  return (
    <div className="fu-page">
      <PageHeader title={t('neutrality.title')} lead={t('neutrality.lead')} />
      {list.loading && <Loading label={t('common.loading')} />}
      {list.error && <ErrorNotice onRetry={() => void list.refetch()} />}
      {list.data && years.length === 0 && <EmptyNotice title={t('neutrality.noneAdopted')} />}
      {years.length > 0 && (
        <nav aria-label={t('neutrality.adopted')} className="fu-years-nav">
          <h2 className="visually-hidden">{t('neutrality.adopted')}</h2>
          <ul className="fu-years" data-testid="neutrality-years">
            {years.map((r) => (
              <li key={r.id}>
                <Link to={`${paths.neutrality}?${YEAR_PARAM}=${r.year}`} aria-current={r.year === year ? 'page' : undefined}>
                  {r.year}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {year !== null && list.data && <Report year={year} />}
    </div>
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
