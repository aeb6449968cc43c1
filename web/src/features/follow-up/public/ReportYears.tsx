import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { YEAR_PARAM } from '../figures';

/**
 * A public page of yearly reports: its heading, the years that have a report as links (the year
 * shown is the current one), and the report of the year in the address (?ar=2024), or of the
 * latest year when the address names none.
 */
export function ReportYears({
  title,
  lead,
  list,
  years,
  none,
  label,
  headed,
  path,
  testId,
  children,
}: {
  title: string;
  lead: string;
  /** The query of the years. */
  list: { loading: boolean; error?: unknown; refetch: () => unknown; data?: unknown };
  years: readonly { id: string; year: number }[] | undefined;
  /** Said when there is no report at all. */
  none: string;
  /** The name of the list of years; with `headed`, also a heading for screen readers. */
  label: string;
  headed?: boolean;
  path: string;
  testId: string;
  children: (year: number) => ReactNode;
}) {
  const { t } = useTranslation('followUp');
  const [params] = useSearchParams();
  const shown = years ?? [];
  const asked = Number(params.get(YEAR_PARAM));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (shown[0]?.year ?? null);
  return (
    <div className="fu-page">
      <PageHeader title={title} lead={lead} />
      {list.loading && <Loading label={t('common.loading')} />}
      {Boolean(list.error) && <ErrorNotice onRetry={() => void list.refetch()} />}
      {Boolean(list.data) && shown.length === 0 && <EmptyNotice title={none} />}
      {shown.length > 0 && (
        <nav aria-label={label} className="fu-years-nav">
          {headed && <h2 className="visually-hidden">{label}</h2>}
          <ul className="fu-years" data-testid={testId}>
            {shown.map((r) => (
              <li key={r.id}>
                <Link to={`${path}?${YEAR_PARAM}=${r.year}`} aria-current={r.year === year ? 'page' : undefined}>
                  {r.year}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {year !== null && Boolean(list.data) && children(year)}
    </div>
  );
}
