import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { Form, FormActions, TextField, useFormErrors } from '../../shared/forms/Form';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { Badge } from '../../shared/ui/Badge';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useFlash } from '../access/flash';
import { useApiErrors } from '../access/useApiErrors';
import { FollowUpNav } from './FollowUpNav';

const ListQuery = graphql(`
  query AnnualReportsAdminPage {
    regionAnnualReports {
      id
      year
      status
      version
      decisionReference
      adoptedOn
      publishedAt
      updatedAt
    }
  }
`);

const CreateMutation = graphql(`
  mutation CreateAnnualReport($year: Int!) {
    createAnnualReport(year: $year) {
      id
      year
    }
  }
`);

const TONE = { DRAFT: 'neutral', ADOPTED: 'info', PUBLISHED: 'success' } as const;

/** /uppfoljning/arsrapporter — the annual reports to the board in any status; ADMIN and REVIEWER start a draft. */
export default function AnnualReportsAdminPage() {
  const { t } = useTranslation('followUp');
  useDocumentTitle(t('region.annualTitle'));
  const format = useFormat();
  const { viewer } = useViewer();
  const { data, error, refetch } = useQuery(ListQuery, { fetchPolicy: 'cache-and-network' });
  const reports = data?.regionAnnualReports ?? [];
  return (
    <div className="page">
      <PageHeader title={t('region.annualTitle')} lead={t('region.annualLead')} />
      <FollowUpNav />
      {!data && !error && <Loading label={t('common.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {data && reports.length === 0 && <EmptyNotice title={t('region.noAnnual')} />}
      {reports.length > 0 && (
        <TableScroll label={t('region.annualTitle')}>
          <table className="table" data-testid="annual-reports">
            <caption className="visually-hidden">{t('region.annualTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.year')}</th>
                <th scope="col">{t('region.statusColumn')}</th>
                <th scope="col">{t('neutrality.decisionReference')}</th>
                <th scope="col">{t('neutrality.decidedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={paths.regionAnnualReport(r.id)} aria-label={t('region.open', { year: r.year })}>
                      {r.year}
                    </Link>
                  </th>
                  <td>
                    <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                  </td>
                  <td>{r.decisionReference ?? t('common.none')}</td>
                  <td>{r.adoptedOn ? format.date(r.adoptedOn) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {mayUse(viewer?.roles, 'followUpEdit') && data && <CreateForm years={reports.map((r) => r.year)} />}
    </div>
  );
}

function CreateForm({ years }: { years: number[] }) {
  const { t } = useTranslation('followUp');
  const navigate = useNavigate();
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash } = useFlash();
  const next = years.length ? Math.max(...years) + 1 : new Date().getFullYear();
  const [year, setYear] = useState(String(next));
  const [create, { loading }] = useMutation(CreateMutation, {
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'regionAnnualReports' });
      cache.gc();
    },
  });
  const submit = async () => {
    if (loading) return;
    const value = Number(year.trim());
    if (!/^\d{4}$/.test(year.trim()) || value < 2000 || value > 2100) return form.show({ fields: { year: { text: t('region.yearInvalid') } }, general: [] });
    try {
      const { data } = await create({ variables: { year: value } });
      form.clear();
      const to = paths.regionAnnualReport(data!.createAnnualReport.id);
      flash(t('region.created', { year: value }), to);
      navigate(to);
    } catch (error) {
      form.show(mapError(error, (key) => key === 'year').errors);
    }
  };
  return (
    <section className="fu-section">
      <h2 id="create-annual">{t('region.createHeading')}</h2>
      <Form state={form} onSubmit={() => void submit()} idPrefix="create-annual" testId="create-annual-form">
        <TextField name="year" label={t('common.year')} width="short" inputMode="numeric" autoComplete="off" value={year} onChange={setYear} />
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={loading}>
            {loading ? t('region.creating') : t('region.create')}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}
