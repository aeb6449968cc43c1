import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Link } from 'react-router';
import { useNamespace } from '../../app/i18n';
import { paths } from '../../app/routes';
import { Form, SelectField, TextAreaField, TextField, useFormErrors } from '../../shared/forms/Form';
import { apiProblem } from '../../shared/forms/errors';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import type { SubmittedInsightRequestData } from './documents';
import {
  DESCRIPTION_MAX,
  EMAIL_MAX,
  EMPTY_INSIGHT_FORM,
  insightServerErrors,
  SUBJECT_MAX,
  validateInsightForm,
  type InsightFormValues,
} from './insightForm';
import { Breadcrumb } from './Breadcrumb';
import { CACHEABLE } from './cacheable';

const SubmitInsightRequestMutation = graphql(`
  mutation SubmitInsightRequest($input: SubmitInsightRequestInput!) {
    submitInsightRequest(input: $input) { reference trackingCode receivedAt }
  }
`);

const InsightChoicesQuery = graphql(`
  query InsightChoices {
    publicUnits { id name providerId providerName municipality { code name } }
  }
`);

/** /insyn — the public's request for insight into a provider, with what happens next and the principle behind it. */
export default function InsightRequestPage() {
  useNamespace('public/shared', 'public/insight');
  const { t } = useTranslation('public');
  const [receipt, setReceipt] = useState<{ submitted: SubmittedInsightRequestData; email: string } | null>(null);
  useDocumentTitle(receipt ? t('insight.doneTitle') : t('insight.title'));
  return (
    <>
      <Breadcrumb items={[{ label: t('insight.title') }]} />
      {receipt ? (
        <Receipt submitted={receipt.submitted} email={receipt.email} onNew={() => setReceipt(null)} />
      ) : (
        <>
          <PageHeader title={t('insight.heading')} lead={t('insight.lead')} />
          <div className="pub-insight">
            <div className="pub-insight__form">
              <InsightForm onDone={(submitted, email) => setReceipt({ submitted, email })} />
            </div>
            <aside className="pub-insight__about" aria-labelledby="insight-about">
              <h2 id="insight-about">{t('insight.whatHappensHeading')}</h2>
              <ol className="pub-steps">
                <li>{t('insight.steps.received')}</li>
                <li>{t('insight.steps.forwarded')}</li>
                <li>{t('insight.steps.decided')}</li>
                <li>{t('insight.steps.answer')}</li>
              </ol>
              <p>{t('insight.anonymous')}</p>
              <h2>{t('insight.principleHeading')}</h2>
              <p>{t('insight.principle')}</p>
              <p>
                <Link to={paths.insightStatus}>{t('insight.statusLink')}</Link>
              </p>
            </aside>
          </div>
        </>
      )}
    </>
  );
}

function InsightForm({ onDone }: { onDone: (submitted: SubmittedInsightRequestData, email: string) => void }) {
  const { t, i18n } = useTranslation('public');
  const [values, setValues] = useState<InsightFormValues>(EMPTY_INSIGHT_FORM);
  const state = useFormErrors();
  const [submit, { loading }] = useMutation(SubmitInsightRequestMutation);
  const choices = useQuery(InsightChoicesQuery, CACHEABLE);
  const units = [...(choices.data?.publicUnits ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const providers = [...new Map(units.map((u) => [u.providerId, u.providerName])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  const unitOptions = units
    .filter((u) => !values.providerId || u.providerId === values.providerId)
    .map((u) => ({ value: u.id, label: values.providerId ? u.name : `${u.name} (${u.providerName})` }));
  const set = (patch: Partial<InsightFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const onSubmit = async () => {
    if (loading) return;
    const problems = validateInsightForm(values, t);
    if (Object.keys(problems.fields).length) {
      state.show(problems);
      return;
    }
    try {
      const result = await submit({
        variables: {
          input: {
            subject: values.subject.trim(),
            description: values.description.trim(),
            providerId: values.providerId || null,
            unitId: values.unitId || null,
            email: values.email.trim() || null,
            language: i18n.language === 'en' ? 'en' : 'sv',
          },
        },
      });
      if (!result.data) throw new Error('no data');
      state.clear();
      onDone(result.data.submitInsightRequest, values.email.trim());
    } catch (error) {
      const problem = apiProblem(error);
      if (problem.code === 'BAD_USER_INPUT') state.show(insightServerErrors(problem.fields, t));
      else if (problem.code === 'RATE_LIMITED') {
        const wait = problem.retryAfter;
        const text =
          wait === null
            ? t('insight.errors.rateLimitedNoWait')
            : t('insight.errors.rateLimited', {
                wait: wait >= 60 ? t('insight.minutes', { count: Math.ceil(wait / 60) }) : t('insight.seconds', { count: wait }),
              });
        state.show({ fields: {}, general: [{ text }] });
      } else state.show({ fields: {}, general: [{ text: t('insight.errors.failed') }] });
    }
  };

  return (
    <Form state={state} onSubmit={() => void onSubmit()} idPrefix="insyn" labelledBy="insight-form-heading" testId="insight-form">
      <h2 id="insight-form-heading">{t('insight.formHeading')}</h2>
      <TextField name="subject" label={t('insight.subject')} hint={t('insight.subjectHint')} value={values.subject} onChange={(subject) => set({ subject })} maxLength={SUBJECT_MAX} width="long" />
      <TextAreaField
        name="description"
        label={t('insight.description')}
        summaryLabel={t('insight.descriptionShort')}
        hint={`${t('insight.descriptionHint')} ${t('insight.characters', { max: new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE').format(DESCRIPTION_MAX) })}`}
        value={values.description}
        onChange={(description) => set({ description })}
        rows={8}
        maxLength={DESCRIPTION_MAX}
      />
      <SelectField
        name="providerId"
        label={t('insight.provider')}
        hint={t('insight.providerHint')}
        optional
        value={values.providerId}
        onChange={(providerId) => setValues((v) => ({ ...v, providerId, unitId: units.some((u) => u.id === v.unitId && u.providerId === providerId) ? v.unitId : '' }))}
        options={providers}
        placeholder={t('insight.noChoice')}
      />
      <SelectField
        name="unitId"
        label={t('insight.unit')}
        hint={t('insight.unitHint')}
        optional
        value={values.unitId}
        onChange={(unitId) => {
          const unit = units.find((u) => u.id === unitId);
          set({ unitId, ...(unit ? { providerId: unit.providerId } : {}) });
        }}
        options={unitOptions}
        placeholder={t('insight.noChoice')}
      />
      <TextField
        name="email"
        type="email"
        label={t('insight.email')}
        hint={t('insight.emailHint')}
        optional
        value={values.email}
        onChange={(email) => set({ email })}
        autoComplete="email"
        maxLength={EMAIL_MAX}
        width="long"
        spellCheck={false}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="insight-submit">
          {loading ? t('insight.submitting') : t('insight.submit')}
        </button>
      </div>
    </Form>
  );
}

/** The receipt: reference and tracking code, shown this once, with the advice to keep the code. */
function Receipt({ submitted, email, onNew }: { submitted: SubmittedInsightRequestData; email: string; onNew: () => void }) {
  const { t } = useTranslation('public');
  const { i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="pub-receipt" aria-labelledby="receipt-heading" data-testid="insight-receipt">
      <header className="page-header">
        <h1 id="receipt-heading" ref={headingRef} tabIndex={-1}>
          {t('insight.doneHeading')}
        </h1>
      </header>
      <div className="panel pub-receipt__panel">
        <dl className="facts facts--grid">
          <div>
            <dt>{t('insight.reference')}</dt>
            <dd data-testid="insight-reference">{submitted.reference}</dd>
          </div>
          <div>
            <dt>{t('insight.receivedAt')}</dt>
            <dd>
              {new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(
                new Date(submitted.receivedAt),
              )}
            </dd>
          </div>
          <div className="facts__wide">
            <dt>{t('insight.trackingCode')}</dt>
            <dd>
              <span className="pub-code" data-testid="insight-tracking-code">
                {submitted.trackingCode}
              </span>
            </dd>
          </div>
        </dl>
        <p className="notice notice--info pub-receipt__save">
          <strong>{t('insight.saveCode')}</strong>
        </p>
        {typeof navigator !== 'undefined' && navigator.clipboard && (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                navigator.clipboard.writeText(submitted.trackingCode).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {t('insight.copy')}
            </button>{' '}
            <span role="status">{copied ? t('insight.copied') : ''}</span>
          </p>
        )}
        {email && <p>{t('insight.emailNote', { email })}</p>}
      </div>
      <p className="button-row">
        <Link to={paths.insightStatus} state={{ trackingCode: submitted.trackingCode }} className="button button--primary" data-testid="insight-follow">
          {t('insight.followLink')}
        </Link>
        <button type="button" className="button button--link" onClick={onNew}>
          {t('insight.newRequest')}
        </button>
      </p>
    </section>
  );
}
