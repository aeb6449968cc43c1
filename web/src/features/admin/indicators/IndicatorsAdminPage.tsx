import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { paths } from '../../../app/routes';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { AdminFrame } from '../AdminFrame';

const IndicatorsAdminQuery = graphql(`
  query IndicatorsAdminPage {
    indicators {
      id
      code
      name
      unit
      direction
      goal {
        id
        code
      }
      targets {
        id
        year
      }
    }
  }
`);

/** Indicators with their unit, direction, goal and the years that have targets. */
export default function IndicatorsAdminPage() {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  useDocumentTitle(t('indicatorsAdmin.title'));
  const { data, error, refetch } = useQuery(IndicatorsAdminQuery);
  return (
    <AdminFrame crumbs={[{ label: t('indicatorsAdmin.title') }]}>
      <PageHeader title={t('indicatorsAdmin.heading')} lead={t('indicatorsAdmin.lead')}>
        <p>
          <Link to={paths.newIndicator} className="button button--primary" data-testid="new-indicator">
            {t('indicatorsAdmin.new')}
          </Link>
        </p>
      </PageHeader>
      {!data && !error && <Loading label={t('common.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {data && data.indicators.length === 0 && <EmptyNotice title={t('indicatorsAdmin.empty')} />}
      {data && data.indicators.length > 0 && (
        <TableScroll label={t('indicatorsAdmin.tableLabel')}>
          <table className="table table--full">
            <caption className="visually-hidden">{t('indicatorsAdmin.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicatorsAdmin.code')}</th>
                <th scope="col">{t('indicatorsAdmin.name')}</th>
                <th scope="col">{t('indicatorsAdmin.unit')}</th>
                <th scope="col">{t('indicatorsAdmin.direction')}</th>
                <th scope="col">{t('indicatorsAdmin.goal')}</th>
                <th scope="col">{t('indicatorsAdmin.targetYears')}</th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((i) => {
                const years = [...i.targets].map((x) => x.year).sort((a, b) => a - b);
                return (
                  <tr key={i.id} data-testid="indicator-row">
                    <td className="code nowrap">{i.code}</td>
                    <th scope="row">
                      <Link to={paths.adminIndicator(i.id)} lang="sv">
                        {i.name}
                      </Link>
                    </th>
                    <td>{tMain(`unit.${i.unit}`)}</td>
                    <td>{tMain(`direction.${i.direction}`)}</td>
                    <td className="code">{i.goal?.code ?? '–'}</td>
                    <td className="nowrap-wide">{years.length ? years.join(', ') : t('indicatorsAdmin.noTargets')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </AdminFrame>
  );
}
