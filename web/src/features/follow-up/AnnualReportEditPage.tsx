import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayUse } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { AnnualReportEditPageQuery, AnnualReportSectionKey } from '../../gql/graphql';
import { hasErrors, type FieldMessage } from '../../shared/forms/errors';
import { Form, FormActions, TextAreaField, TextField, useFormErrors } from '../../shared/forms/Form';
import { isIsoDate } from '../../shared/forms/values';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { Badge } from '../../shared/ui/Badge';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { ConflictNotice } from '../access/ConflictNotice';
import { useApiErrors } from '../access/useApiErrors';
import { AnnualFiguresView, AnnualReportSections, YEAR_PARAM } from './figures';
import { FollowUpNav } from './FollowUpNav';

const ReportQuery = graphql(`
  query AnnualReportEditPage($id: ID!) {
    regionAnnualReport(id: $id) {
      ...AnnualReportView_report
      version
      figuresFrozen
    }
  }
`);

const SaveMutation = graphql(`
  mutation SaveAnnualReport($id: ID!, $expectedVersion: Int!, $sections: [AnnualReportSectionInput!]!) {
    saveAnnualReport(id: $id, expectedVersion: $expectedVersion, sections: $sections) {
      id
      version
      sections {
        key
        text
      }
    }
  }
`);

const AdoptMutation = graphql(`
  mutation AdoptAnnualReport($id: ID!, $expectedVersion: Int!, $decisionReference: String!, $adoptedOn: LocalDate!) {
    adoptAnnualReport(id: $id, expectedVersion: $expectedVersion, decisionReference: $decisionReference, adoptedOn: $adoptedOn) {
      id
      status
      version
      decisionReference
      adoptedOn
      figuresFrozen
    }
  }
`);

const PublishMutation = graphql(`
  mutation PublishAnnualReport($id: ID!, $expectedVersion: Int!) {
    publishAnnualReport(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      version
      publishedAt
    }
  }
`);

type Report = NonNullable<AnnualReportEditPageQuery['regionAnnualReport']>;
const MAX = 20000;
const TONE = { DRAFT: 'neutral', ADOPTED: 'info', PUBLISHED: 'success' } as const;

/** Public lists change when a report is adopted or published. */
const evictPublic = (cache: { evict: (o: { id: string; fieldName: string }) => boolean; gc: () => string[] }) => {
  for (const fieldName of ['annualReport', 'annualReports', 'regionAnnualReports']) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
};

/** /uppfoljning/arsrapporter/:id — one annual report: its texts (a draft), adoption, publication and figures. */
export default function AnnualReportEditPage() {
  const { t } = useTranslation('followUp');
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ReportQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const report = data?.regionAnnualReport ?? null;
  useDocumentTitle(report ? t('region.editTitle', { year: report.year }) : t('region.annualTitle'));
  return (
    <div className="page">
      <p className="no-print">
        <Link to={paths.regionAnnualReports}>{t('region.back')}</Link>
      </p>
      {!data && !error && <Loading label={t('common.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {report && <Editor key={`${report.id}-${report.status}`} report={report} reload={() => void refetch()} />}
    </div>
  );
}

function Editor({ report, reload }: { report: Report; reload: () => void }) {
  const { t } = useTranslation('followUp');
  const format = useFormat();
  const { viewer } = useViewer();
  const mayEdit = mayUse(viewer?.roles, 'followUpEdit');
  const title = t('region.editTitle', { year: report.year });
  const [version, setVersion] = useState(report.version);
  const [saved, setSaved] = useState(() => Object.fromEntries(report.sections.map((s) => [s.key, s.text])) as Record<string, string>);
  const [texts, setTexts] = useState(saved);
  const dirty = report.sections.some((s) => (texts[s.key] ?? '') !== (saved[s.key] ?? ''));
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={title}>
        <p>
          <Badge tone={TONE[report.status]}>{t(`status.${report.status}`)}</Badge>{' '}
          {report.decisionReference && report.adoptedOn && (
            <span className="fu-meta">{t('common.decision', { reference: report.decisionReference, date: format.date(report.adoptedOn) })}</span>
          )}
        </p>
      </PageHeader>
      <FollowUpNav />
      {notice && (
        <div className="notice notice--success" role="status" data-testid="annual-notice">
          <p>{notice}</p>
        </div>
      )}
      {report.status === 'DRAFT' && mayEdit ? (
        <SectionsForm
          report={report}
          version={version}
          texts={texts}
          setTexts={setTexts}
          dirty={dirty}
          onSaved={(v, stored) => {
            setVersion(v);
            setSaved(stored);
            setTexts(stored);
            setNotice(t('region.saved'));
          }}
          onNotice={setNotice}
        />
      ) : (
        <section className="fu-report-sections">
          <h2 id="texts">{t('region.sectionsHeading')}</h2>
          {report.status !== 'DRAFT' && <p className="fu-note">{t('region.frozenTexts')}</p>}
          <AnnualReportSections sections={report.sections} />
        </section>
      )}
      {mayEdit && report.status === 'DRAFT' && <AdoptForm report={report} version={version} dirty={dirty} onStale={reload} />}
      {mayEdit && report.status === 'ADOPTED' && <PublishForm report={report} onStale={reload} />}
      {report.status === 'PUBLISHED' && (
        <p>
          <Link to={`${paths.annualReports}?${YEAR_PARAM}=${report.year}`}>{t('region.publicLink')}</Link>
        </p>
      )}
      <h2 className="fu-figures-heading">{t('annual.figuresHeading')}</h2>
      <p className="fu-note">{report.figuresFrozen && report.adoptedOn ? t('common.frozen', { date: format.date(report.adoptedOn) }) : t('common.live')}</p>
      {report.figures && <AnnualFiguresView figures={report.figures} fileTitle={title} />}
    </>
  );
}

function SectionsForm({
  report,
  version,
  texts,
  setTexts,
  dirty,
  onSaved,
  onNotice,
}: {
  report: Report;
  version: number;
  texts: Record<string, string>;
  setTexts: (update: (prev: Record<string, string>) => Record<string, string>) => void;
  dirty: boolean;
  onSaved: (version: number, stored: Record<string, string>) => void;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation('followUp');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const [conflict, setConflict] = useState<{ version: number; texts: Record<string, string> } | null>(null);
  const [save, { loading }] = useMutation(SaveMutation);
  const client = useApolloClient();
  const keys = report.sections.map((s) => s.key);

  const submit = async (expected = version) => {
    if (loading) return;
    onNotice(null);
    const fields: Record<string, FieldMessage> = {};
    for (const key of keys) if ((texts[key] ?? '').length > MAX) fields[`sections.${keys.indexOf(key)}.text`] = { text: t('region.characters', { count: texts[key]!.length, max: MAX }) };
    if (hasErrors({ fields, general: [] })) return form.show({ fields, general: [] });
    try {
      const { data } = await save({ variables: { id: report.id, expectedVersion: expected, sections: keys.map((key) => ({ key, text: texts[key] ?? '' })) } });
      form.clear();
      setConflict(null);
      const stored = Object.fromEntries(data!.saveAnnualReport.sections.map((s) => [s.key, s.text]));
      onSaved(data!.saveAnnualReport.version, stored);
    } catch (error) {
      const { errors, problem } = mapError(error, (key) => /^sections\.\d+\.text$/.test(key));
      if (problem.code === 'CONFLICT') {
        form.clear();
        // Fetch what the other person saved, to show both side by side.
        const fresh = await client.query({ query: ReportQuery, variables: { id: report.id }, fetchPolicy: 'network-only' }).catch(() => null);
        const theirs = fresh?.data?.regionAnnualReport;
        if (theirs) setConflict({ version: theirs.version, texts: Object.fromEntries(theirs.sections.map((s) => [s.key, s.text])) });
        return;
      }
      form.show(errors);
    }
  };

  return (
    <section className="fu-sections-editor">
      <h2 id="texts">{t('region.sectionsHeading')}</h2>
      {conflict && (
        <ConflictNotice
          what={t('region.editTitle', { year: report.year })}
          rows={keys.map((key) => ({ label: t(`section.${key as AnnualReportSectionKey}`), mine: texts[key] ?? '', saved: conflict.texts[key] ?? '' }))}
          onUseSaved={() => {
            onSaved(conflict.version, conflict.texts);
            setConflict(null);
          }}
          onKeepMine={() => void submit(conflict.version)}
          busy={loading}
        />
      )}
      <Form state={form} onSubmit={() => void submit()} idPrefix="annual" testId="annual-sections-form">
        {keys.map((key, i) => (
          <TextAreaField
            key={key}
            name={`sections.${i}.text`}
            label={t(`section.${key as AnnualReportSectionKey}`)}
            rows={6}
            maxLength={MAX}
            lang="sv"
            value={texts[key] ?? ''}
            onChange={(v) => setTexts((prev) => ({ ...prev, [key]: v }))}
          />
        ))}
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="annual-save">
            {loading ? t('region.saving') : t('region.save')}
          </button>
          {dirty && <span className="fu-note">{t('region.unsaved')}</span>}
        </FormActions>
      </Form>
    </section>
  );
}

function AdoptForm({ report, version, dirty, onStale }: { report: Report; version: number; dirty: boolean; onStale: () => void }) {
  const { t } = useTranslation('followUp');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const [decisionReference, setReference] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const [stale, setStale] = useState(false);
  const [adopt, { loading }] = useMutation(AdoptMutation, { update: evictPublic });
  const submit = async () => {
    if (loading) return;
    setStale(false);
    const fields: Record<string, FieldMessage> = {};
    if (!decisionReference.trim()) fields['decisionReference'] = { text: t('region.referenceMissing') };
    if (!isIsoDate(adoptedOn.trim())) fields['adoptedOn'] = { text: t('region.dateFormat') };
    const general = dirty ? [{ text: t('region.unsavedFirst') }] : [];
    if (hasErrors({ fields, general })) return form.show({ fields, general });
    try {
      await adopt({ variables: { id: report.id, expectedVersion: version, decisionReference: decisionReference.trim(), adoptedOn: adoptedOn.trim() } });
      form.clear();
      onStale();
    } catch (error) {
      const { errors, problem } = mapError(error, (key) => key === 'decisionReference' || key === 'adoptedOn');
      if (problem.code === 'CONFLICT') {
        form.clear();
        setStale(true);
        return;
      }
      form.show(errors);
    }
  };
  return (
    <section className="fu-section no-print">
      <h2 id="adopt-annual">{t('region.adoptAnnualHeading')}</h2>
      <p>{t('region.adoptAnnualLead')}</p>
      {stale && (
        <div className="notice notice--warning" role="alert">
          <p>{t('region.stale')}</p>
          <p>
            <button type="button" className="button button--secondary" onClick={onStale}>
              {t('region.takeTheirs')}
            </button>
          </p>
        </div>
      )}
      <Form state={form} onSubmit={() => void submit()} idPrefix="adopt-annual" testId="adopt-annual-form">
        <div className="field-row">
          <TextField name="decisionReference" label={t('region.decisionReference')} width="medium" autoComplete="off" value={decisionReference} onChange={setReference} />
          <TextField name="adoptedOn" label={t('region.adoptedOn')} hint={t('region.dateHint')} width="medium" autoComplete="off" value={adoptedOn} onChange={setAdoptedOn} />
        </div>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="adopt-annual-submit">
            {loading ? t('region.adopting') : t('region.adopt')}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

function PublishForm({ report, onStale }: { report: Report; onStale: () => void }) {
  const { t } = useTranslation('followUp');
  const mapError = useApiErrors();
  const [problem, setProblem] = useState<string | null>(null);
  const [publish, { loading }] = useMutation(PublishMutation, { update: evictPublic });
  const submit = async () => {
    if (loading) return;
    setProblem(null);
    try {
      await publish({ variables: { id: report.id, expectedVersion: report.version } });
      onStale();
    } catch (error) {
      const { errors, problem: p } = mapError(error, () => false);
      setProblem(p.code === 'CONFLICT' ? t('region.stale') : (errors.general[0]?.text ?? t('region.stale')));
    }
  };
  return (
    <section className="fu-section no-print">
      <h2 id="publish-annual">{t('region.publishHeading')}</h2>
      <p>{t('region.publishLead')}</p>
      {problem && (
        <div className="notice notice--warning" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <p>
        <button type="button" className="button button--primary" aria-disabled={loading} onClick={() => void submit()} data-testid="publish-annual">
          {loading ? t('region.publishing') : t('region.publish')}
        </button>
      </p>
    </section>
  );
}
