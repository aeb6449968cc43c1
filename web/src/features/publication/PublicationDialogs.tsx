import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { PublicationQuestion_QuestionFragment, PublicResponse_ResponseFragment, PublishedValue_ValueFragment } from '../../gql/graphql';
import { CheckboxGroup, Form, FormActions, RadioGroup, SelectField, TextAreaField, TextField, useFormErrors } from '../../shared/forms/Form';
import { Dialog } from '../../shared/ui/Dialog';
import { useProblemText } from '../reporting/display';
import { localized, parseRaw, rawFromValue, type Raw, type Ratio } from '../reporting/values';
import { usePublicationErrors } from './errors';
import { sameValue } from './model';
import { CorrectPublishedValueMutation, DecideConfidentialityMutation, DecidePublicResponseMutation, PublishReportMutation } from './publicationQuery';
import { ConflictReload } from './ConflictReload';
import { QuestionLabel, usePublishedText } from './ui';

type Done = (message: string, options?: { published?: boolean }) => Promise<void>;

/** Submit and cancel at the end of a dialog's form. */
function Actions({ busy, submit, onClose }: { busy: boolean; submit: string; onClose: () => void }) {
  const { t } = useTranslation('publication');
  return (
    <FormActions>
      <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="dialog-submit">
        {busy ? t('common.sending') : submit}
      </button>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </FormActions>
  );
}

/** Someone else changed the report first: nothing was saved; reloading closes the dialog. */
function ReloadInstead({ onClose, onReload }: { onClose: () => void; onReload: () => Promise<void> }) {
  return (
    <ConflictReload
      onReload={() => {
        onClose();
        void onReload();
      }}
    />
  );
}

const reasonOnly = (path: string) => (path === 'reason' || path.endsWith('.reason') ? 'reason' : null);

/** "Bevilja/Avslå sekretess": the region's decision on one confidentiality request, with a required reason. */
export function ConfidentialityDialog({
  open,
  reportId,
  question,
  granted,
  onClose,
  onDone,
  onReload,
}: {
  open: boolean;
  reportId: string;
  question: PublicationQuestion_QuestionFragment | null;
  granted: boolean;
  onClose: () => void;
  onDone: Done;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('publication');
  return (
    <Dialog open={open} onClose={onClose} title={granted ? t('confidentiality.grantTitle') : t('confidentiality.refuseTitle')} testId="confidentiality-dialog">
      {open && question && <ConfidentialityForm reportId={reportId} question={question} granted={granted} onClose={onClose} onDone={onDone} onReload={onReload} />}
    </Dialog>
  );
}

function ConfidentialityForm({
  reportId,
  question,
  granted,
  onClose,
  onDone,
  onReload,
}: {
  reportId: string;
  question: PublicationQuestion_QuestionFragment;
  granted: boolean;
  onClose: () => void;
  onDone: Done;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('publication');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const toErrors = usePublicationErrors();
  const [decide] = useMutation(DecideConfidentialityMutation);
  const [conflict, setConflict] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) {
      errors.show({ fields: { reason: { text: t('common.reasonMissing') } }, general: [] });
      return;
    }
    setBusy(true);
    try {
      await decide({ variables: { reportId, questionId: question.id, granted, reason } });
      errors.clear();
      await onDone(granted ? t('confidentiality.grantedDone', { code: question.code }) : t('confidentiality.refusedDone', { code: question.code }));
    } catch (error) {
      const result = toErrors(error, reasonOnly);
      if (result.conflict) setConflict(true);
      else errors.show(result.errors);
      setBusy(false);
    }
  };
  if (conflict) return <ReloadInstead onClose={onClose} onReload={onReload} />;
  return (
    <Form state={errors} onSubmit={() => void submit()} testId="confidentiality-form">
      <p className="dialog__question">
        <QuestionLabel question={question} />
      </p>
      <p>{granted ? t('confidentiality.grantLead', { code: question.code }) : t('confidentiality.refuseLead', { code: question.code })}</p>
      <TextAreaField name="reason" label={t('common.reason')} hint={t('confidentiality.reasonHint')} value={reason} onChange={setReason} rows={4} maxLength={5000} />
      <Actions busy={busy} submit={granted ? t('confidentiality.grantSubmit') : t('confidentiality.refuseSubmit')} onClose={onClose} />
    </Form>
  );
}

/** "Publicera rapporten?": a confirmation; publishing cannot be undone. */
export function PublishDialog({
  open,
  reportId,
  valuesCount,
  onClose,
  onDone,
  onReload,
}: {
  open: boolean;
  reportId: string;
  valuesCount: number;
  onClose: () => void;
  onDone: Done;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('publication');
  return (
    <Dialog open={open} onClose={onClose} title={t('publish.title')} testId="publish-dialog">
      {open && <PublishForm reportId={reportId} valuesCount={valuesCount} onClose={onClose} onDone={onDone} onReload={onReload} />}
    </Dialog>
  );
}

function PublishForm({ reportId, valuesCount, onClose, onDone, onReload }: { reportId: string; valuesCount: number; onClose: () => void; onDone: Done; onReload: () => Promise<void> }) {
  const { t } = useTranslation('publication');
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const errors = useFormErrors();
  const toErrors = usePublicationErrors();
  const [publish] = useMutation(PublishReportMutation);
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await publish({ variables: { reportId } });
      errors.clear();
      await onDone(t('publish.done'), { published: true });
    } catch (error) {
      const result = toErrors(error);
      if (result.conflict) setConflict(true);
      else errors.show(result.errors);
      setBusy(false);
    }
  };
  if (conflict) return <ReloadInstead onClose={onClose} onReload={onReload} />;
  return (
    <Form state={errors} onSubmit={() => void submit()} testId="publish-form">
      <p>{t('publish.lead')}</p>
      <p>
        <strong>{t('publish.count', { count: valuesCount })}</strong>
      </p>
      <Actions busy={busy} submit={t('publish.confirm')} onClose={onClose} />
    </Form>
  );
}

/** "Rätta": a new value for a published one, with a reason the public sees. */
export function CorrectValueDialog({
  open,
  reportId,
  value,
  onClose,
  onDone,
  onReload,
}: {
  open: boolean;
  reportId: string;
  value: PublishedValue_ValueFragment | null;
  onClose: () => void;
  onDone: Done;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('publication');
  return (
    <Dialog open={open} onClose={onClose} title={t('correct.title')} testId="correct-dialog">
      {open && value && <CorrectForm reportId={reportId} published={value} onClose={onClose} onDone={onDone} onReload={onReload} />}
    </Dialog>
  );
}

/** Server paths of the correction to the form's fields. */
export function correctionField(path: string): string | null {
  if (path === 'reason') return 'reason';
  if (path === 'value' || path.startsWith('value.')) return 'value';
  return null;
}

function CorrectForm({
  reportId,
  published,
  onClose,
  onDone,
  onReload,
}: {
  reportId: string;
  published: PublishedValue_ValueFragment;
  onClose: () => void;
  onDone: Done;
  onReload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation('publication');
  const q = published.question;
  const language = i18n.language;
  const [raw, setRaw] = useState<Raw>(() => rawFromValue(q.type, published.value, language));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const toErrors = usePublicationErrors();
  const problemText = useProblemText();
  const text = usePublishedText();
  const [correct] = useMutation(CorrectPublishedValueMutation);
  const [conflict, setConflict] = useState(false);

  const submit = async () => {
    if (busy) return;
    const fields: Record<string, { text: string }> = {};
    const parsed = parseRaw({ type: q.type, required: true, options: q.options }, raw, language);
    let value: unknown = null;
    if (!parsed.ok) fields['value'] = { text: problemText(parsed.problem) };
    else if (parsed.value === null) fields['value'] = { text: t('correct.valueMissing') };
    else if (sameValue(parsed.value, published.value)) fields['value'] = { text: t('correct.unchanged') };
    else value = parsed.value;
    if (!reason.trim()) fields['reason'] = { text: t('common.reasonMissing') };
    if (Object.keys(fields).length > 0) {
      errors.show({ fields, general: [] });
      return;
    }
    setBusy(true);
    try {
      await correct({ variables: { input: { reportId, questionId: q.id, value, reason } } });
      errors.clear();
      await onDone(t('correct.done', { code: q.code }));
    } catch (error) {
      const result = toErrors(error, (path) => correctionField(path.replace(/^input\./, '')));
      if (result.conflict) setConflict(true);
      else errors.show(result.errors);
      setBusy(false);
    }
  };
  if (conflict) return <ReloadInstead onClose={onClose} onReload={onReload} />;

  return (
    <Form state={errors} onSubmit={() => void submit()} testId="correct-form">
      <p className="dialog__question">
        <QuestionLabel question={q} />
      </p>
      <p>{t('correct.lead')}</p>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('correct.current')}</dt>
          <dd data-testid="correct-current">{text(q, published)}</dd>
        </div>
      </dl>
      <ValueInput question={q} raw={raw} onChange={setRaw} />
      <TextAreaField name="reason" label={t('common.reason')} hint={t('correct.reasonHint')} value={reason} onChange={setReason} rows={3} maxLength={5000} />
      <Actions busy={busy} submit={t('correct.submit')} onClose={onClose} />
    </Form>
  );
}

/** The input of a new value, for the question's type; its field is "value" (numerator for a ratio). */
function ValueInput({ question: q, raw, onChange }: { question: PublicationQuestion_QuestionFragment; raw: Raw; onChange: (raw: Raw) => void }) {
  const { t, i18n } = useTranslation('publication');
  const label = t('correct.newValue');
  const options = (q.options ?? []).map((o) => {
    const text = localized(o.label, o.labelEn, i18n.language);
    return { value: o.key, label: text.text, lang: text.lang };
  });
  switch (q.type) {
    case 'INDICATOR_VALUE': {
      const ratio = raw as Ratio;
      return (
        <fieldset className="fieldset-plain">
          <legend>{label}</legend>
          <div className="field-row">
            <TextField name="value" label={t('correct.numerator')} summaryLabel={`${label}: ${t('correct.numerator')}`} width="short" inputMode="decimal" value={ratio.numerator} onChange={(v) => onChange({ ...ratio, numerator: v })} />
            <TextField name="valueDenominator" label={t('correct.denominator')} summaryLabel={`${label}: ${t('correct.denominator')}`} width="short" inputMode="decimal" value={ratio.denominator} onChange={(v) => onChange({ ...ratio, denominator: v })} />
          </div>
        </fieldset>
      );
    }
    case 'BOOLEAN':
      return (
        <RadioGroup
          name="value"
          label={label}
          inline
          value={typeof raw === 'string' ? raw : ''}
          onChange={onChange}
          options={[
            { value: 'true', label: t('correct.yes') },
            { value: 'false', label: t('correct.no') },
          ]}
        />
      );
    case 'SINGLE_CHOICE':
      return <SelectField name="value" label={label} value={typeof raw === 'string' ? raw : ''} onChange={onChange} options={options} placeholder={t('correct.choose')} />;
    case 'MULTI_CHOICE':
      return <CheckboxGroup name="value" label={label} value={Array.isArray(raw) ? raw : []} onChange={onChange} options={options} />;
    case 'TEXT':
      return <TextAreaField name="value" label={label} value={typeof raw === 'string' ? raw : ''} onChange={onChange} rows={4} lang="sv" />;
    case 'DATE':
      return <TextField name="value" label={label} type="date" width="medium" value={typeof raw === 'string' ? raw : ''} onChange={onChange} />;
    default:
      return (
        <TextField
          name="value"
          label={label}
          hint={q.unitLabel ?? undefined}
          width="short"
          inputMode="decimal"
          value={typeof raw === 'string' ? raw : ''}
          onChange={onChange}
        />
      );
  }
}

/** "Avslå": the provider's public response is not shown; the provider sees why. */
export function RejectResponseDialog({
  open,
  response,
  onClose,
  onDone,
  onReload,
}: {
  open: boolean;
  response: PublicResponse_ResponseFragment | null;
  onClose: () => void;
  onDone: Done;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('publication');
  return (
    <Dialog open={open} onClose={onClose} title={t('responses.rejectTitle')} testId="reject-response-dialog">
      {open && response && <RejectForm response={response} onClose={onClose} onDone={onDone} onReload={onReload} />}
    </Dialog>
  );
}

function RejectForm({
  response,
  onClose,
  onDone,
  onReload,
}: {
  response: PublicResponse_ResponseFragment;
  onClose: () => void;
  onDone: Done;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation('publication');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const toErrors = usePublicationErrors();
  const [decide] = useMutation(DecidePublicResponseMutation);
  const [conflict, setConflict] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) {
      errors.show({ fields: { reason: { text: t('common.reasonMissing') } }, general: [] });
      return;
    }
    setBusy(true);
    try {
      await decide({ variables: { id: response.id, accept: false, reason } });
      errors.clear();
      await onDone(t('responses.rejectDone'));
    } catch (error) {
      const result = toErrors(error, reasonOnly);
      if (result.conflict) setConflict(true);
      else errors.show(result.errors);
      setBusy(false);
    }
  };
  if (conflict) return <ReloadInstead onClose={onClose} onReload={onReload} />;
  return (
    <Form state={errors} onSubmit={() => void submit()} testId="reject-response-form">
      <blockquote className="response__body">
        <p className="pre-wrap">{response.body}</p>
      </blockquote>
      <p>{t('responses.rejectLead')}</p>
      <TextAreaField name="reason" label={t('common.reason')} value={reason} onChange={setReason} rows={3} maxLength={5000} />
      <Actions busy={busy} submit={t('responses.rejectSubmit')} onClose={onClose} />
    </Form>
  );
}
