import { ListMore } from '../access/ListMore';
import { useLoadMore } from '../../shared/hooks/useLoadMore';
import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { LastResortNav } from './LastResortNav';

const PAGE_SIZE = 50;

export const ObligationsQuery = graphql(`
  query LastResortObligations($filter: LastResortObligationFilter, $first: Int, $after: String) {
    municipalities {
      code
      name
    }
    lastResortObligations(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          municipality { code name }
          choiceSystem { id name }
          unit { id name }
          minimumService
          openingDaysPerWeek
          decisionReference
          validFrom
          validTo
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** The register of last-resort obligations: who holds it where, what they must keep, and since when. */
export default function ObligationsPage() {
  const { t } = useTranslation('lastResort');
  useDocumentTitle(t('register.title'));
  const format = useFormat();
  const { viewer } = useViewer();
  const canEdit = mayUse(viewer?.roles, 'lastResortEdit');
  const filterId = useId();
  const [municipalityCode, setMunicipalityCode] = useState('');
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(ObligationsQuery, {
    variables: { filter: municipalityCode ? { municipalityCode } : null, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const connection = shown?.lastResortObligations;
  const edges = connection?.edges ?? [];

  const more = useLoadMore(connection?.pageInfo, fetchMore, networkStatus);

  return (
    <div className="page">
      <PageHeader title={t('title')} lead={t('register.lead')}>
        {canEdit && (
          <p>
            <Link to={paths.lastResortObligationNew} className="button button--primary" data-testid="new-obligation">
              {t('register.new')}
            </Link>
          </p>
        )}
      </PageHeader>
      <LastResortNav />
      <h2>{t('register.title')}</h2>
      {shown && (
        <p>
          <label htmlFor={filterId}>{t('register.municipality')}</label>{' '}
          <select id={filterId} value={municipalityCode} onChange={(e) => setMunicipalityCode(e.target.value)} data-testid="obligation-municipality" className="select--compact">
            <option value="">{t('register.allMunicipalities')}</option>
            {shown.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </p>
      )}
      {!shown && !error && <Loading label={t('register.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {connection && (
        <p role="status" className="muted">
          {t('register.showing', { shown: edges.length, total: connection.totalCount })}
        </p>
      )}
      {connection && edges.length === 0 && <EmptyNotice title={t('register.empty')} />}
      {edges.length > 0 && (
        <TableScroll label={t('register.tableLabel')}>
          <table className="table table--full" data-testid="obligations-table">
            <caption>{t('register.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('register.municipality')}</th>
                <th scope="col">{t('register.choiceSystem')}</th>
                <th scope="col">{t('register.holder')}</th>
                <th scope="col">{t('register.minimumService')}</th>
                <th scope="col">{t('register.decision')}</th>
                <th scope="col">{t('register.validity')}</th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node: o }) => (
                <tr key={o.id}>
                  <th scope="row">{o.municipality.name}</th>
                  <td lang="sv">{o.choiceSystem.name}</td>
                  <td>
                    {canEdit ? (
                      <Link to={paths.lastResortObligation(o.id)}>
                        {o.unit.name}
                        <span className="visually-hidden">{t('register.editLabel', { municipality: o.municipality.name, system: o.choiceSystem.name })}</span>
                      </Link>
                    ) : (
                      o.unit.name
                    )}
                  </td>
                  <td>
                    {o.openingDaysPerWeek ? <div>{t('coverage.openingDays', { count: o.openingDaysPerWeek })}</div> : null}
                    <div>{o.minimumService}</div>
                  </td>
                  <td>{o.decisionReference}</td>
                  <td>
                    {o.validTo
                      ? t('register.validFromTo', { from: format.date(o.validFrom), to: format.date(o.validTo) })
                      : t('register.validFrom', { from: format.date(o.validFrom) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ListMore more={more} />
    </div>
  );
}
