import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useNamespace } from '../../../app/i18n';
import { paths } from '../../../app/routes';
import { graphql } from '../../../gql';
import type { AnnualReportSectionKey } from '../../../gql/graphql';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { AnnualFiguresView, Paragraphs, YEAR_PARAM } from '../figures';

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
      id
      year
      status
      decisionReference
      adoptedOn
      publishedAt
      sections {
        key
        text
      }
      figures {
        ...AnnualFiguresView_figures
      }
    }
  }
`);

/** /systemuppfoljning — the published annual reports to the board (public); prints as a clean document. */
export default function AnnualReportPage() {
  useNamespace('followUp');
  const { t } = useTranslation('followUp');
  useDocumentTitle(t('annual.title'));
  const [params] = useSearchParams();
  const list = useQuery(ReportsQuery);
  const years = list.data?.annualReports ?? [];
  const asked = Number(params.get(YEAR_PARAM));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (years[0]?.year ?? null);
  return (
    <div className="fu-page">
      <PageHeader title={t('annual.title')} lead={t('annual.lead')} />
      {list.loading && <Loading label={t('common.loading')} />}
      {list.error && <ErrorNotice onRetry={() => void list.refetch()} />}
      {list.data && years.length === 0 && <EmptyNotice title={t('annual.nonePublished')} />}
      {years.length > 0 && (
        <nav aria-label={t('annual.published')} className="fu-years-nav">
          <ul className="fu-years" data-testid="annual-years">
            {years.map((r) => (
              <li key={r.id}>
                <Link to={`${paths.annualReports}?${YEAR_PARAM}=${r.year}`} aria-current={r.year === year ? 'page' : undefined}>
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
  const report = data?.annualReport;
  if (!report) return <EmptyNotice title={t('annual.notPublished', { year })} />;
  const title = t('annual.reportTitle', { year: report.year });
  return (
    <article aria-labelledby="annual-report" data-testid="annual-report" className="fu-report-sections">
      <h2 id="annual-report">{title}</h2>
      {report.decisionReference && report.adoptedOn && (
        <p className="fu-meta">{t('common.decision', { reference: report.decisionReference, date: format.date(report.adoptedOn) })}</p>
      )}
      <p className="fu-no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()} data-testid="print">
          {t('annual.print')}
        </button>
      </p>
      {report.sections.map((s) => (
        <section key={s.key} aria-labelledby={`section-${s.key}`}>
          <h3 id={`section-${s.key}`}>{t(`section.${s.key as AnnualReportSectionKey}`)}</h3>
          <div lang="sv">{s.text.trim() ? <Paragraphs text={s.text} /> : <p>{t('annual.noText')}</p>}</div>
        </section>
      ))}
      <h2 className="fu-figures-heading">{t('annual.figuresHeading')}</h2>
      {report.adoptedOn && <p className="fu-note">{t('common.frozen', { date: format.date(report.adoptedOn) })}</p>}
      <AnnualFiguresView figures={report.figures} fileTitle={title} />
    </article>
  );
}
