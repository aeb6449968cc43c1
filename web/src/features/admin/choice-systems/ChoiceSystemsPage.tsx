import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { paths } from '../../../app/routes';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { AdminFrame } from '../AdminFrame';

export const ChoiceSystemsQuery = graphql(`
  query ChoiceSystemsAdmin {
    choiceSystems {
      id
      ...ChoiceSystemForm_choiceSystem
    }
  }
`);

export const ChoiceSystemFormFragment = graphql(`
  fragment ChoiceSystemForm_choiceSystem on ChoiceSystem {
    id
    code
    name
    startedOn
    version
  }
`);

/** The region's choice systems (valfrihetssystem enligt LOV). */
export default function ChoiceSystemsPage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('choiceSystems.title'));
  const format = useFormat();
  const { data, error, refetch } = useQuery(ChoiceSystemsQuery);
  return (
    <AdminFrame crumbs={[{ label: t('choiceSystems.title') }]}>
      <PageHeader title={t('choiceSystems.heading')} lead={t('choiceSystems.lead')}>
        <p>
          <Link to={paths.newChoiceSystem} className="button button--primary" data-testid="new-choice-system">
            {t('choiceSystems.new')}
          </Link>
        </p>
      </PageHeader>
      {!data && !error && <Loading label={t('common.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {data && data.choiceSystems.length === 0 && <EmptyNotice title={t('choiceSystems.empty')} />}
      {data && data.choiceSystems.length > 0 && (
        <TableScroll label={t('choiceSystems.tableLabel')}>
          <table className="table table--full">
            <caption className="visually-hidden">{t('choiceSystems.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('choiceSystems.name')}</th>
                <th scope="col">{t('choiceSystems.code')}</th>
                <th scope="col">{t('choiceSystems.startedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {data.choiceSystems.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={paths.choiceSystem(c.id)} lang="sv">
                      {c.name}
                    </Link>
                  </th>
                  <td className="code">{c.code}</td>
                  <td>{c.startedOn ? format.date(c.startedOn) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </AdminFrame>
  );
}
