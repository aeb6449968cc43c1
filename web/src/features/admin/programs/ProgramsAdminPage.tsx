import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import type { ProgramStatus } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { Badge, type BadgeTone } from '../../../shared/ui/Badge';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { AdminFrame } from '../AdminFrame';

const ProgramsAdminQuery = graphql(`
  query ProgramsAdminPage {
    programs {
      id
      title
      termStart
      termEnd
      decisionReference
      programVersion
      status
      decidedAt
      goals {
        id
      }
      guidelines {
        id
      }
    }
  }
`);

const TONE: Record<ProgramStatus, BadgeTone> = { DRAFT: 'warning', ADOPTED: 'success', SUPERSEDED: 'neutral' };

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`programStatus.${status}`)}</Badge>;
}

/** Programs with their status: drafts are edited, adopted ones get new versions. */
export default function ProgramsAdminPage() {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  useDocumentTitle(t('programsAdmin.title'));
  const { data, error, refetch } = useQuery(ProgramsAdminQuery);
  return (
    <AdminFrame crumbs={[{ label: t('programsAdmin.title') }]}>
      <PageHeader title={t('programsAdmin.heading')} lead={t('programsAdmin.lead')}>
        <p>
          <Link to={paths.newProgram} className="button button--primary" data-testid="new-program">
            {t('programsAdmin.new')}
          </Link>
        </p>
      </PageHeader>
      {!data && !error && <Loading label={t('common.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {data && data.programs.length === 0 && <EmptyNotice title={t('programsAdmin.empty')} />}
      {data && data.programs.length > 0 && (
        <TableScroll label={t('programsAdmin.tableLabel')}>
          <table className="table table--full">
            <caption className="visually-hidden">{t('programsAdmin.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programsAdmin.programTitle')}</th>
                <th scope="col">{t('programsAdmin.term')}</th>
                <th scope="col">{t('programsAdmin.decisionReference')}</th>
                <th scope="col" className="num">
                  {t('programsAdmin.version')}
                </th>
                <th scope="col">{t('programsAdmin.status')}</th>
                <th scope="col" className="num">
                  {t('programsAdmin.content')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.programs.map((p) => (
                <tr key={p.id} data-testid="program-row">
                  <th scope="row">
                    <Link to={paths.adminProgram(p.id)} lang="sv">
                      {p.title}
                    </Link>
                  </th>
                  <td className="nowrap">{tMain('format.term', { start: p.termStart, end: p.termEnd })}</td>
                  <td className="code nowrap">{p.decisionReference}</td>
                  <td className="num">{p.programVersion}</td>
                  <td>
                    <ProgramStatusBadge status={p.status} />
                  </td>
                  <td className="num nowrap-wide">{t('programsAdmin.contentCount', { goals: p.goals.length, guidelines: p.guidelines.length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </AdminFrame>
  );
}
