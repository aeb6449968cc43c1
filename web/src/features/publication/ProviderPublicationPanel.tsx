import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { isoDay } from '../../shared/format';
import { Form, FormActions, TextAreaField, useFormErrors } from '../../shared/forms/Form';
import { useFormat } from '../../shared/hooks/useFormat';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { useFlash } from '../access/flash';
import { CorrectionLog } from './CorrectionLog';
import { usePublicationErrors } from './errors';
import { useTextsReady } from './useTexts';
import { charCount, latestResponse, RESPONSE_MAX } from './model';
import { PublishedTable, ResponseBody } from './PublicationPanel';
import { ProviderPublicationQuery, SubmitPublicResponseMutation } from './publicationQuery';
import '../review/review.css';
import './publication.css';

/**
 * The provider's own published report: what the public sees about it, the corrections, and its
 * short public response with the status of the latest one. Its texts load first.
 */
export default function ProviderPublicationPanel({ reportId }: { reportId: string }) {
  const ready = useTextsReady('publication');
  const { t } = useTranslation('reporting');
  if (!ready) return <Loading label={t('report.loading')} />;
  return <Panel reportId={reportId} />;
}

function Panel({ reportId }: { reportId: string }) {
  const { t } = useTranslation('publication');
  const ids = useId();
  const format = useFormat();
  const { data, error, refetch } = useQuery(ProviderPublicationQuery, { variables: { id: reportId }, fetchPolicy: 'cache-and-network' });
  const report = data?.report ?? null;
  if (!data && !error) return <Loading label={t('panel.loading')} />;
  if (error && !report) return <ErrorNotice onRetry={() => void refetch()} />;
  if (!report || report.status !== 'PUBLISHED') return null;
  const latest = latestResponse(report.publicResponses);
  return (
    <section className="section panel publication-panel" aria-labelledby={`${ids}-heading`} data-testid="provider-publication">
      <h2 id={`${ids}-heading`}>{t('provider.heading')}</h2>
      <p>{t('provider.lead', { date: report.publishedAt ? format.date(isoDay(report.publishedAt)) : '' })}</p>
      <section className="subsection" aria-labelledby={`${ids}-values`}>
        <h3 id={`${ids}-values`}>{t('provider.valuesHeading')}</h3>
        {report.publishedValues.length === 0 ? <p className="muted">{t('published.none')}</p> : <PublishedTable values={report.publishedValues} caption={t('published.tableLabel')} />}
      </section>
      {report.corrections.length > 0 && (
        <section className="subsection" aria-labelledby={`${ids}-corrections`}>
          <h3 id={`${ids}-corrections`}>{t('corrections.heading')}</h3>
          <CorrectionLog corrections={report.corrections} />
        </section>
      )}
      <section className="subsection" aria-labelledby={`${ids}-response`} data-testid="public-response">
        <h3 id={`${ids}-response`}>{t('provider.responseHeading')}</h3>
        <p>{t('provider.responseLead')}</p>
        {latest && (
          <div className="response response--latest" data-testid="latest-response">
            <h4 className="subheading">{t('provider.latest')}</h4>
            <ResponseBody response={latest} />
          </div>
        )}
        <ResponseForm reportId={report.id} hasPending={latest?.status === 'PENDING'} hasAny={Boolean(latest)} onDone={refetch} />
      </section>
    </section>
  );
}

/** The response form, ≤ 2000 characters with a counter that is read with the field. */
function ResponseForm({ reportId, hasPending, hasAny, onDone }: { reportId: string; hasPending: boolean; hasAny: boolean; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation('publication');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const toErrors = usePublicationErrors();
  const { flash } = useFlash();
  const [submitResponse] = useMutation(SubmitPublicResponseMutation);
  const count = charCount(body);
  const over = count > RESPONSE_MAX;

  const submit = async () => {
    if (busy) return;
    if (!body.trim()) {
      errors.show({ fields: { body: { text: t('provider.bodyMissing') } }, general: [] });
      return;
    }
    if (over) {
      errors.show({ fields: { body: { text: t('provider.tooLong', { max: RESPONSE_MAX }) } }, general: [] });
      return;
    }
    setBusy(true);
    try {
      await submitResponse({ variables: { reportId, body } });
      errors.clear();
      setBody('');
      await onDone().catch(() => undefined);
      flash(t('provider.done'));
    } catch (error) {
      errors.show(toErrors(error, (path) => (path === 'body' ? 'body' : null)).errors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Form state={errors} onSubmit={() => void submit()} testId="public-response-form">
        <TextAreaField
          name="body"
          label={t('provider.body')}
          hint={
            <>
              {t('provider.bodyHint', { max: RESPONSE_MAX })}
              {hasPending && <> {t('provider.replacesPending')}</>}{' '}
              <span className={`char-counter${over ? ' char-counter--over' : ''}`} data-testid="char-counter">
                {over && <span aria-hidden="true">! </span>}
                {t('provider.counter', { count, max: RESPONSE_MAX })}
              </span>
            </>
          }
          value={body}
          onChange={setBody}
          rows={6}
          lang="sv"
        />
        {/* Said once when the text grows past the limit, not at every keystroke. */}
        <p className="visually-hidden" aria-live="polite">
          {over ? t('provider.tooLong', { max: RESPONSE_MAX }) : ''}
        </p>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="submit-response">
            {busy ? t('common.sending') : hasAny ? t('provider.submitNew') : t('provider.submit')}
          </button>
        </FormActions>
      </Form>
    </div>
  );
}
