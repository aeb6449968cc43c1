import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { mayUse } from '../../../app/access';
import { paths } from '../../../app/routes';
import { useViewer } from '../../../app/viewer';
import { isoDay } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { RoundStatusBadge } from '../ui';
import '../reporting.css';

const RoundsQuery = graphql(`
  query RoundsPage {
    followUpRounds {
      id
      name
      period
      status
      opensAt
      dueAt
      template {
        id
        name
        version
      }
      statusCounts {
        status
        ownership
        count
        overdue
      }
    }
  }
`);

/** Counts of a round's reports: all, submitted or further on, and overdue. */
export function roundTotals(counts: readonly { status: string; count: number; overdue: number }[]) {
  let total = 0;
  let submitted = 0;
  let overdue = 0;
  for (const c of counts) {
    total += c.count;
    overdue += c.overdue;
    if (['SUBMITTED', 'APPROVED', 'PUBLISHED'].includes(c.status)) submitted += c.count;
  }
  return { total, submitted, overdue };
}

/** Follow-up rounds, newest first, with how far their reports have come. */
export default function RoundsPage() {
  const { t } = useTranslation('reporting');
  useDocumentTitle(t('rounds.title'));
  const format = useFormat();
  const { viewer } = useViewer();
  const canPlan = mayUse(viewer?.roles, 'roundsEdit');
  const { data, error, refetch } = useQuery(RoundsQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <div data-testid="rounds-page">
      <PageHeader title={t('rounds.heading')} lead={canPlan ? t('rounds.lead') : t('rounds.leadReadOnly')}>
        {canPlan && (
          <p>
            <Link to={paths.newRound} className="button button--primary" data-testid="new-round">
              {t('rounds.new')}
            </Link>
          </p>
        )}
      </PageHeader>
      {!data && !error && <Loading label={t('rounds.loading')} />}
      {error && !data && <ErrorNotice onRetry={() => void refetch()} />}
      {data && data.followUpRounds.length === 0 && <EmptyNotice title={t('rounds.empty')} />}
      {data && data.followUpRounds.length > 0 && (
        <TableScroll label={t('rounds.tableLabel')}>
          <table className="table table--full" data-testid="rounds-table">
            <caption className="visually-hidden">{t('rounds.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rounds.name')}</th>
                <th scope="col">{t('rounds.period')}</th>
                <th scope="col">{t('rounds.status')}</th>
                <th scope="col">{t('rounds.dueAt')}</th>
                <th scope="col" className="num">
                  {t('rounds.reports')}
                </th>
                <th scope="col" className="num">
                  {t('rounds.submitted')}
                </th>
                <th scope="col" className="num">
                  {t('rounds.overdue')}
                </th>
                <th scope="col">{t('rounds.template')}</th>
              </tr>
            </thead>
            <tbody>
              {data.followUpRounds.map((round) => {
                const totals = roundTotals(round.statusCounts);
                return (
                  <tr key={round.id} data-testid="round-row" className={totals.overdue > 0 ? 'is-overdue' : undefined}>
                    <th scope="row">
                      <Link to={paths.round(round.id)} lang="sv">
                        {round.name}
                      </Link>
                    </th>
                    <td className="nowrap">{round.period}</td>
                    <td>
                      <RoundStatusBadge status={round.status} />
                    </td>
                    <td className="nowrap-wide">{format.date(isoDay(round.dueAt))}</td>
                    <td className="num">{totals.total}</td>
                    <td className="num">{totals.submitted}</td>
                    <td className="num">
                      {totals.overdue > 0 ? (
                        <span className="overdue-count">
                          <span aria-hidden="true">! </span>
                          {totals.overdue}
                        </span>
                      ) : (
                        0
                      )}
                    </td>
                    <td>
                      <span lang="sv">{round.template.name}</span> <span className="muted nowrap">({t('common.version', { n: round.template.version })})</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
