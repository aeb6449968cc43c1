import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { InsightDecision, InsightRequestDetail_RequestFragment } from '../../gql/graphql';
import { endOfDay, isoDay } from '../../shared/format';
import { Form, FormActions, RadioGroup, SelectField, TextAreaField, TextField, useFormErrors } from '../../shared/forms/Form';
import { useFormat } from '../../shared/hooks/useFormat';
import { useFlash } from '../access/flash';
import { usePublicationErrors } from '../publication/errors';
import {
  addWorkingDays,
  answerField,
  checkAnswer,
  checkDecision,
  DECISIONS,
  decisionInput,
  DEFAULT_WORKING_DAYS,
  needsGround,
  standardAppeal,
  type DecisionValues,
  type SecretRow,
} from './insight';
import {
  AnswerInsightRequestMutation,
  CloseInsightRequestMutation,
  DecideInsightRequestMutation,
  ForwardInsightRequestMutation,
  ForwardProvidersQuery,
  RegisterInsightRequestMutation,
  RemindInsightRequestMutation,
} from './insightQuery';

type Request = InsightRequestDetail_RequestFragment;

interface ActionProps {
  request: Request;
  /** Someone else changed the request first: the page offers to reload. */
  onConflict: () => void;
  /** After a step: focus goes back to the "next step" heading. */
  onDone: () => void;
}

/** A step that is one button: register, remind, close. */
function OneButton({ lead, label, testId, run, done, onConflict, onDone }: { lead?: ReactNode; label: string; testId: string; run: () => Promise<unknown>; done: string } & Omit<ActionProps, 'request'>) {
  const { t } = useTranslation('publication');
  const toErrors = usePublicationErrors();
  const { flash } = useFlash();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const click = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await run();
      flash(done);
      onDone();
    } catch (error) {
      const result = toErrors(error);
      if (result.conflict) onConflict();
      else setMessage(result.errors.general[0]?.text ?? Object.values(result.errors.fields)[0]?.text ?? t('common.actionFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="insight-step">
      {lead && <p>{lead}</p>}
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={() => void click()} aria-disabled={busy} data-testid={testId}>
          {busy ? t('common.sending') : label}
        </button>
      </p>
      {message && (
        <p className="field-error" role="alert">
          <span aria-hidden="true" className="field-error__icon">
            !
          </span>
          <span>{message}</span>
        </p>
      )}
    </div>
  );
}

export function RegisterAction({ request, ...rest }: ActionProps) {
  const { t } = useTranslation('publication');
  const [register] = useMutation(RegisterInsightRequestMutation);
  return (
    <OneButton
      {...rest}
      lead={t('actions.registerLead')}
      label={t('actions.register')}
      testId="register"
      done={t('actions.registered')}
      run={() => register({ variables: { id: request.id, expectedVersion: request.version } })}
    />
  );
}

export function RemindAction({ request, ...rest }: ActionProps) {
  const { t } = useTranslation('publication');
  const [remind] = useMutation(RemindInsightRequestMutation);
  return <OneButton {...rest} label={t('actions.remind')} testId="remind" done={t('actions.reminded')} run={() => remind({ variables: { id: request.id } })} />;
}

export function CloseAction({ request, ...rest }: ActionProps) {
  const { t } = useTranslation('publication');
  const [close] = useMutation(CloseInsightRequestMutation);
  return (
    <OneButton
      {...rest}
      lead={t('actions.closeLead')}
      label={t('actions.close')}
      testId="close-request"
      done={t('actions.closedDone')}
      run={() => close({ variables: { id: request.id, expectedVersion: request.version } })}
    />
  );
}

/** "Skicka till utföraren": a provider and a due date (10 working days suggested). */
export function ForwardForm({ request, onConflict, onDone }: ActionProps) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  const ids = useId();
  const { flash } = useFlash();
  const toErrors = usePublicationErrors();
  const providers = useQuery(ForwardProvidersQuery);
  const suggested = useMemo(() => addWorkingDays(isoDay(new Date().toISOString()), DEFAULT_WORKING_DAYS), []);
  const [providerId, setProviderId] = useState(request.provider && request.provider.ownership !== 'IN_HOUSE' ? request.provider.id : '');
  const [due, setDue] = useState(suggested);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const [forward] = useMutation(ForwardInsightRequestMutation);
  // In-house units answer directly; a request is forwarded to the others.
  const options = (providers.data?.providers.edges ?? []).filter((e) => e.node.ownership !== 'IN_HOUSE').map((e) => ({ value: e.node.id, label: e.node.name, lang: 'sv' }));

  const submit = async () => {
    if (busy) return;
    const fields: Record<string, { text: string }> = {};
    if (!providerId) fields['providerId'] = { text: t('actions.providerMissing') };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || due <= isoDay(new Date().toISOString())) fields['dueAt'] = { text: t('actions.dueInvalid') };
    if (Object.keys(fields).length > 0) {
      errors.show({ fields, general: [] });
      return;
    }
    setBusy(true);
    try {
      await forward({ variables: { id: request.id, expectedVersion: request.version, providerId, dueAt: endOfDay(due) } });
      errors.clear();
      flash(t('actions.forwarded'));
      onDone();
    } catch (error) {
      const result = toErrors(error, (path) => (path === 'providerId' || path === 'dueAt' ? path : null));
      if (result.conflict) onConflict();
      else errors.show(result.errors);
      setBusy(false);
    }
  };

  return (
    <section className="insight-step" aria-labelledby={`${ids}-heading`} data-testid="forward">
      <h3 id={`${ids}-heading`}>{t('actions.forwardHeading')}</h3>
      <p>{t('actions.forwardLead')}</p>
      <Form state={errors} onSubmit={() => void submit()} testId="forward-form">
        <SelectField name="providerId" label={t('actions.forwardProvider')} value={providerId} onChange={setProviderId} options={options} placeholder={t('actions.chooseProvider')} />
        <TextField name="dueAt" type="date" width="medium" label={t('actions.dueAt')} hint={t('actions.dueHint', { date: format.date(suggested) })} value={due} onChange={setDue} />
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="forward-submit">
            {busy ? t('common.sending') : t('actions.forward')}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

let secretKey = 0;
const newSecret = (): SecretRow => ({ key: `secret-${++secretKey}`, text: '', reason: '' });

/**
 * The answer: the provider's in the app, or recorded by the region (in-house units answer
 * directly). Parts can be marked as business secrets, each with its reason; rows are added and
 * removed with buttons, and focus follows.
 */
export function AnswerForm({ request, onConflict, onDone, region }: ActionProps & { region: boolean }) {
  const { t } = useTranslation('publication');
  const ids = useId();
  const { flash } = useFlash();
  const toErrors = usePublicationErrors();
  const [answer, setAnswer] = useState('');
  const [parts, setParts] = useState<SecretRow[]>([]);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const [send] = useMutation(AnswerInsightRequestMutation);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | null>(null);
  const formId = `insight-answer-${ids.replace(/[^A-Za-z0-9_-]/g, '')}`;

  const setPart = (index: number, patch: Partial<SecretRow>) => setParts((list) => list.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const add = () => {
    focusNext.current = `${formId}-secretParts-${parts.length}-text`;
    setParts((list) => [...list, newSecret()]);
  };
  const remove = (index: number) => {
    setParts((list) => list.filter((_, i) => i !== index));
    errors.clear();
    requestAnimationFrame(() => addButton.current?.focus());
  };
  // A new row: its first field takes focus.
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [parts.length]);

  const submit = async () => {
    if (busy) return;
    const problems = checkAnswer(answer, parts);
    if (Object.keys(problems).length > 0) {
      errors.show({ fields: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, { text: t(`actions.${v}`) }])), general: [] });
      return;
    }
    setBusy(true);
    try {
      await send({
        variables: {
          id: request.id,
          expectedVersion: request.version,
          answer: answer.trim(),
          secretParts: parts.map((p) => ({ text: p.text.trim(), reason: p.reason.trim() })),
        },
      });
      errors.clear();
      flash(t('actions.answered'));
      onDone();
    } catch (error) {
      const result = toErrors(error, answerField);
      if (result.conflict) onConflict();
      else errors.show(result.errors);
      setBusy(false);
    }
  };

  return (
    <section className="insight-step" aria-labelledby={`${ids}-heading`} data-testid="answer">
      <h3 id={`${ids}-heading`}>{region ? t('actions.answerHeadingRegion') : t('actions.answerHeading')}</h3>
      <p>{region ? t('actions.answerLeadRegion') : t('actions.answerLeadProvider')}</p>
      <Form state={errors} onSubmit={() => void submit()} idPrefix={formId} testId="answer-form">
        <TextAreaField name="answer" label={t('actions.answer')} value={answer} onChange={setAnswer} rows={6} maxLength={20000} />
        <fieldset className="fieldset-plain secret-parts" aria-describedby={`${ids}-secret-hint`}>
          <legend>{t('actions.secretLegend')}</legend>
          <p className="field-hint" id={`${ids}-secret-hint`}>
            {t('actions.secretHint')}
          </p>
          {parts.length === 0 && <p className="muted">{t('actions.noSecrets')}</p>}
          {parts.length > 0 && (
          <ol className="rows secret-rows">
            {parts.map((p, i) => {
              const n = i + 1;
              const what = t('actions.secretN', { n });
              return (
                <li key={p.key} className="row-card secret-row" data-testid="secret-row">
                  <div>
                    <p className="row-card__title">{what}</p>
                    <TextAreaField name={`secretParts.${i}.text`} label={t('actions.secretText')} summaryLabel={`${what}: ${t('actions.secretText')}`} value={p.text} onChange={(v) => setPart(i, { text: v })} rows={2} />
                    <TextField name={`secretParts.${i}.reason`} label={t('actions.secretReason')} summaryLabel={`${what}: ${t('actions.secretReason')}`} value={p.reason} onChange={(v) => setPart(i, { reason: v })} />
                    <button type="button" className="button button--link" onClick={() => remove(i)} aria-label={t('actions.removeSecretN', { n })} data-testid="remove-secret">
                      {t('actions.removeSecret')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          )}
          <button type="button" ref={addButton} className="button button--secondary button--small" onClick={add} data-testid="add-secret">
            <span aria-hidden="true">+</span> {t('actions.addSecret')}
          </button>
        </fieldset>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="answer-submit">
            {busy ? t('common.sending') : t('actions.sendAnswer')}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

/**
 * "Besluta": disclosed, partly disclosed or refused. A refusal names the legal ground and how to
 * appeal, prefilled with the region's standard text in the requester's language.
 */
export function DecideForm({ request, onConflict, onDone }: ActionProps) {
  const { t } = useTranslation('publication');
  const ids = useId();
  const { flash } = useFlash();
  const toErrors = usePublicationErrors();
  const [values, setValues] = useState<DecisionValues>({ decision: '', legalGround: '', appealNote: '', text: '' });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const [decide] = useMutation(DecideInsightRequestMutation);
  const set = (patch: Partial<DecisionValues>) =>
    setValues((v) => {
      const next = { ...v, ...patch };
      // The first time a refusal is chosen, the standard appeal text fills in.
      if (patch.decision && needsGround(patch.decision) && !v.appealNote.trim()) next.appealNote = standardAppeal(request.language);
      return next;
    });

  const submit = async () => {
    if (busy) return;
    const problems = checkDecision(values);
    if (Object.keys(problems).length > 0) {
      errors.show({ fields: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, { text: t(`actions.${v}`) }])), general: [] });
      return;
    }
    setBusy(true);
    try {
      await decide({ variables: { id: request.id, expectedVersion: request.version, ...decisionInput(values) } });
      errors.clear();
      flash(t('actions.decided'));
      onDone();
    } catch (error) {
      const result = toErrors(error, (path) => (['decision', 'legalGround', 'appealNote', 'text'].includes(path) ? path : null));
      if (result.conflict) onConflict();
      else errors.show(result.errors);
      setBusy(false);
    }
  };

  const ground = needsGround(values.decision);
  return (
    <section className="insight-step" aria-labelledby={`${ids}-heading`} data-testid="decide">
      <h3 id={`${ids}-heading`}>{t('actions.decideHeading')}</h3>
      <p>{t('actions.decideLead')}</p>
      <Form state={errors} onSubmit={() => void submit()} testId="decide-form">
        <RadioGroup
          name="decision"
          label={t('actions.decision')}
          value={values.decision}
          onChange={(v) => set({ decision: v as InsightDecision })}
          options={DECISIONS.map((d) => ({ value: d, label: t(`request.decisions.${d}`) }))}
        />
        {ground && (
          <>
            <TextField name="legalGround" label={t('actions.legalGround')} hint={t('actions.legalGroundHint')} width="medium" value={values.legalGround} onChange={(v) => set({ legalGround: v })} />
            <TextAreaField name="appealNote" label={t('actions.appealNote')} hint={t('actions.appealHint')} value={values.appealNote} onChange={(v) => set({ appealNote: v })} rows={5} />
          </>
        )}
        <TextAreaField name="text" label={t('actions.text')} hint={t('actions.textHint')} value={values.text} onChange={(v) => set({ text: v })} rows={5} />
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="decide-submit">
            {busy ? t('common.sending') : t('actions.decide')}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}
