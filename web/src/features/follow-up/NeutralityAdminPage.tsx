import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { hasErrors, type FieldMessage } from '../../shared/forms/errors';
import { Form, FormActions, TextField, useFormErrors } from '../../shared/forms/Form';
import { isIsoDate } from '../../shared/forms/values';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { YearSelect } from '../../shared/ui/YearSelect';
import { useApiErrors } from '../access/useApiErrors';
import { NeutralityFiguresView, YEAR_PARAM } from './figures';
import { FollowUpNav } from './FollowUpNav';

const PreviewQuery = graphql(`
  query NeutralityAdminPage($year: Int!) {
    neutralityFigures(year: $year) {
      ...NeutralityFiguresView_figures
    }
    neutralityReport(year: $year) {
      id
      version
      decisionReference
      adoptedOn
    }
  }
`);

const AdoptMutation = graphql(`
  mutation AdoptNeutralityReport($year: Int!, $decisionReference: String!, $adoptedOn: LocalDate!, $expectedVersion: Int!) {
    adoptNeutralityReport(year: $year, decisionReference: $decisionReference, adoptedOn: $adoptedOn, expectedVersion: $expectedVersion) {
      id
      year
      version
      decisionReference
      adoptedOn
    }
  }
`);

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - 4 + i);

/** /uppfoljning/konkurrensneutralitet — the region previews a year's neutrality figures; ADMIN and REVIEWER adopt them. */
export default function NeutralityAdminPage() {
  const { t } = useTranslation('followUp');
  useDocumentTitle(t('region.neutralityTitle'));
  const format = useFormat();
  const { viewer } = useViewer();
  const [year, setYear] = useState(thisYear - 1);
  const { data, error, refetch, loading } = useQuery(PreviewQuery, { variables: { year }, fetchPolicy: 'network-only' });
  const inForce = data?.neutralityReport ?? null;
  return (
    <div className="page">
      <PageHeader title={t('region.neutralityTitle')} lead={t('region.neutralityLead')} />
      <FollowUpNav />
      <YearSelect label={t('common.year')} value={year} onChange={setYear} years={YEARS} testId="neutrality-year" />
      {loading && !data && <Loading label={t('common.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {data && (
        <>
          <p data-testid="neutrality-in-force">
            {inForce
              ? t('region.inForce', { version: inForce.version, reference: inForce.decisionReference, date: format.date(inForce.adoptedOn) })
              : t('region.noneInForce')}{' '}
            {inForce && <Link to={`${paths.neutrality}?${YEAR_PARAM}=${year}`}>{t('neutrality.reportTitle', { year })}</Link>}
          </p>
          <p className="fu-note">{t('common.live')}</p>
          <NeutralityFiguresView figures={data.neutralityFigures} fileTitle={t('neutrality.reportTitle', { year })} />
          {mayUse(viewer?.roles, 'followUpEdit') && (
            <AdoptForm key={`${year}-${inForce?.version ?? 0}`} year={year} expectedVersion={inForce?.version ?? 0} onConflict={() => void refetch()} />
          )}
        </>
      )}
    </div>
  );
}

function AdoptForm({ year, expectedVersion, onConflict }: { year: number; expectedVersion: number; onConflict: () => void }) {
  const { t } = useTranslation('followUp');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const [decisionReference, setReference] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const [message, setMessage] = useState<{ kind: 'done' | 'conflict'; text: string } | null>(null);
  const [adopt, { loading }] = useMutation(AdoptMutation, {
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'neutralityReport' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'neutralityReports' });
      cache.gc();
    },
  });
  const submit = async () => {
    if (loading) return;
    setMessage(null);
    const fields: Record<string, FieldMessage> = {};
    if (!decisionReference.trim()) fields['decisionReference'] = { text: t('region.referenceMissing') };
    if (!isIsoDate(adoptedOn.trim())) fields['adoptedOn'] = { text: t('region.dateFormat') };
    if (hasErrors({ fields, general: [] })) return form.show({ fields, general: [] });
    try {
      const { data } = await adopt({ variables: { year, decisionReference: decisionReference.trim(), adoptedOn: adoptedOn.trim(), expectedVersion } });
      form.clear();
      setMessage({ kind: 'done', text: t('region.adoptedNeutrality', { year, version: data!.adoptNeutralityReport.version }) });
      onConflict();
    } catch (error) {
      const { errors, problem } = mapError(error, (key) => key === 'decisionReference' || key === 'adoptedOn');
      if (problem.code === 'CONFLICT') {
        form.clear();
        setMessage({ kind: 'conflict', text: t('region.neutralityConflict') });
        onConflict();
        return;
      }
      form.show(errors);
    }
  };
  return (
    <section className="fu-section">
      <h2 id="adopt-neutrality">{t('region.adoptHeading')}</h2>
      <p>{t('region.adoptLead')}</p>
      {message && (
        <div className={`notice ${message.kind === 'done' ? 'notice--success' : 'notice--warning'}`} role={message.kind === 'done' ? 'status' : 'alert'} data-testid="adopt-message">
          <p>{message.text}</p>
        </div>
      )}
      <Form state={form} onSubmit={() => void submit()} idPrefix="adopt-neutrality" testId="adopt-neutrality-form">
        <div className="field-row">
          <TextField name="decisionReference" label={t('region.decisionReference')} width="medium" autoComplete="off" value={decisionReference} onChange={setReference} />
          <TextField name="adoptedOn" label={t('region.adoptedOn')} hint={t('region.dateHint')} width="medium" autoComplete="off" value={adoptedOn} onChange={setAdoptedOn} />
        </div>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="adopt-neutrality-submit">
            {loading ? t('region.adopting') : t('region.adopt')}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}
