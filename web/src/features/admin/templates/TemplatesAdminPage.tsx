import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { paths } from '../../../app/routes';
import { isoDay } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { TemplateStatusBadge } from '../../reporting/ui';
import { localized } from '../../reporting/values';
import { AdminFrame } from '../AdminFrame';
import '../../reporting/reporting.css';

const TemplatesQuery = graphql(`
  query TemplatesAdminPage {
    reportTemplates {
      id
      name
      nameEn
      version
      status
      serviceArea
      publishedAt
      sections {
        id
        questions {
          id
        }
      }
    }
  }
`);

/** Report templates with version and status: drafts are edited, published ones get new versions. */
export default function TemplatesAdminPage() {
  const { t, i18n } = useTranslation('reporting');
  const { t: tMain } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('templates.title'));
  const { data, error, refetch } = useQuery(TemplatesQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <AdminFrame crumbs={[{ label: t('templates.title') }]}>
      <PageHeader title={t('templates.heading')} lead={t('templates.lead')}>
        <p>
          <Link to={paths.newTemplate} className="button button--primary" data-testid="new-template">
            {t('templates.new')}
          </Link>
        </p>
      </PageHeader>
      {!data && !error && <Loading label={t('templates.loading')} />}
      {error && !data && <ErrorNotice onRetry={() => void refetch()} />}
      {data && data.reportTemplates.length === 0 && <EmptyNotice title={t('templates.empty')} />}
      {data && data.reportTemplates.length > 0 && (
        <TableScroll label={t('templates.tableLabel')}>
          <table className="table table--full" data-testid="templates-table">
            <caption className="visually-hidden">{t('templates.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('templates.name')}</th>
                <th scope="col" className="num">
                  {t('templates.version')}
                </th>
                <th scope="col">{t('templates.status')}</th>
                <th scope="col">{t('templates.serviceArea')}</th>
                <th scope="col" className="num">
                  {t('templates.questions')}
                </th>
                <th scope="col">{t('templates.publishedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.reportTemplates.map((tpl) => {
                const name = localized(tpl.name, tpl.nameEn, i18n.language);
                return (
                  <tr key={tpl.id} data-testid="template-row">
                    <th scope="row">
                      <Link to={paths.adminTemplate(tpl.id)} lang={name.lang}>
                        {name.text}
                      </Link>
                    </th>
                    <td className="num">{tpl.version}</td>
                    <td>
                      <TemplateStatusBadge status={tpl.status} />
                    </td>
                    <td>{tMain(`serviceArea.${tpl.serviceArea}`)}</td>
                    <td className="num">{tpl.sections.reduce((n, s) => n + s.questions.length, 0)}</td>
                    <td className="nowrap-wide">{tpl.publishedAt ? format.date(isoDay(tpl.publishedAt)) : <span className="muted">–</span>}</td>
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
