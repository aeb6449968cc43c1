import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRating, ReviewReport_ReportFragment } from '../../gql/graphql';
import { Form, FormActions, SelectField, TextAreaField, useFormErrors } from '../../shared/forms/Form';
import { Dialog } from '../../shared/ui/Dialog';
import { localized } from '../reporting/values';
import { assessmentErrorField, assessmentInput, assessmentRows, motivationField, RATINGS, ratingField, unratedGoals, type AssessmentRow } from './assessments';
import { useReviewErrors } from './errors';
import { ApproveReportMutation, ReopenQuestionMutation, RequestChangesMutation } from './reviewQuery';

type Report = ReviewReport_ReportFragment;

interface DialogProps {
  open: boolean;
  onClose: () => void;
  report: Report;
  /** After the decision is recorded: the page reloads the report and says so. */
  onDone: (message: string) => Promise<void>;
}

/** The shared buttons of the decision dialogs. */
function Actions({ busy, submit, onClose }: { busy: boolean; submit: string; onClose: () => void }) {
  const { t } = useTranslation('review');
  return (
    <FormActions>
      <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="decision-submit">
        {busy ? t('decision.sending') : submit}
      </button>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </FormActions>
  );
}

/** "Begär komplettering": the report goes back to the provider with a reason they see. */
export function RequestChangesDialog({ open, onClose, report, onDone }: DialogProps) {
  const { t } = useTranslation('review');
  return (
    <Dialog open={open} onClose={onClose} title={t('decision.requestTitle')} testId="request-changes-dialog">
      {open && <RequestChangesForm report={report} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function RequestChangesForm({ report, onClose, onDone }: Omit<DialogProps, 'open'>) {
  const { t } = useTranslation('review');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const toErrors = useReviewErrors();
  const [requestChanges] = useMutation(RequestChangesMutation);

  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) {
      errors.show({ fields: { reason: { text: t('decision.reasonMissing') } }, general: [] });
      return;
    }
    setBusy(true);
    try {
      await requestChanges({ variables: { reportId: report.id, reason } });
      errors.clear();
      await onDone(t('decision.requestDone'));
    } catch (error) {
      errors.show(toErrors(error, (path) => (path === 'reason' ? 'reason' : null)).errors);
      setBusy(false);
    }
  };

  return (
    <Form state={errors} onSubmit={() => void submit()} testId="request-changes-form">
      <p>{t('decision.requestLead')}</p>
      <TextAreaField name="reason" label={t('decision.reason')} hint={t('decision.reasonHint')} value={reason} onChange={setReason} rows={5} maxLength={10000} />
      <Actions busy={busy} submit={t('decision.requestSubmit')} onClose={onClose} />
    </Form>
  );
}

/** "Godkänn": an assessment of each goal the template covers, with an optional motivation. */
export function ApproveDialog({ open, onClose, report, onDone }: DialogProps) {
  const { t } = useTranslation('review');
  return (
    <Dialog open={open} onClose={onClose} title={t('decision.approveTitle')} testId="approve-dialog" size="large">
      {open && <ApproveForm report={report} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function ApproveForm({ report, onClose, onDone }: Omit<DialogProps, 'open'>) {
  const { t } = useTranslation('review');
  const [rows, setRows] = useState<AssessmentRow[]>(() => assessmentRows(report.template.coverage.goals, report.assessments));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const toErrors = useReviewErrors();
  const [approve] = useMutation(ApproveReportMutation);
  const update = (goalId: string, patch: Partial<AssessmentRow>) => {
    setRows((current) => current.map((r) => (r.goalId === goalId ? { ...r, ...patch } : r)));
    if (patch.rating) errors.setField(ratingField(goalId), null);
  };

  const submit = async () => {
    if (busy) return;
    const missing = unratedGoals(rows);
    if (missing.length > 0) {
      errors.show({ fields: Object.fromEntries(missing.map((id) => [ratingField(id), { text: t('decision.ratingMissing') }])), general: [] });
      return;
    }
    setBusy(true);
    try {
      await approve({ variables: { reportId: report.id, assessments: assessmentInput(rows) } });
      errors.clear();
      await onDone(t('decision.approveDone'));
    } catch (error) {
      errors.show(toErrors(error, (path) => assessmentErrorField(path, rows)).errors);
      setBusy(false);
    }
  };

  const ratingOptions = RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }));
  return (
    <Form state={errors} onSubmit={() => void submit()} testId="approve-form">
      <p>{rows.length > 0 ? t('decision.approveLead') : t('decision.noGoals')}</p>
      {rows.map((row) => (
        <fieldset key={row.goalId} className="fieldset-plain assessment" data-testid="assessment" data-goal={row.code}>
          <legend className="assessment__goal" lang="sv">
            {t('decision.goal', { code: row.code, title: row.title })}
          </legend>
          <p className="field-hint">{t('decision.goalQuestions', { codes: row.questionCodes.join(', ') })}</p>
          <SelectField
            name={ratingField(row.goalId)}
            label={t('decision.rating')}
            summaryLabel={`${row.code}: ${t('decision.rating')}`}
            value={row.rating}
            onChange={(value) => update(row.goalId, { rating: value as AssessmentRating | '' })}
            options={ratingOptions}
            placeholder={t('decision.chooseRating')}
          />
          <TextAreaField
            name={motivationField(row.goalId)}
            label={t('decision.motivation')}
            summaryLabel={`${row.code}: ${t('decision.motivation')}`}
            optional
            value={row.motivation}
            onChange={(value) => update(row.goalId, { motivation: value })}
            rows={2}
            maxLength={10000}
          />
        </fieldset>
      ))}
      <Actions busy={busy} submit={t('decision.approveSubmit')} onClose={onClose} />
    </Form>
  );
}

/** "Öppna fråga igen": on an approved report, one question goes back to the provider with a reason. */
export function ReopenQuestionDialog({ open, onClose, report, onDone }: DialogProps) {
  const { t } = useTranslation('review');
  return (
    <Dialog open={open} onClose={onClose} title={t('decision.reopenTitle')} testId="reopen-dialog">
      {open && <ReopenForm report={report} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function ReopenForm({ report, onClose, onDone }: Omit<DialogProps, 'open'>) {
  const { t, i18n } = useTranslation('review');
  const [questionId, setQuestionId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const toErrors = useReviewErrors();
  const [reopen] = useMutation(ReopenQuestionMutation);

  const submit = async () => {
    if (busy) return;
    const fields: Record<string, { text: string }> = {};
    if (!questionId) fields['questionId'] = { text: t('decision.questionMissing') };
    if (!reason.trim()) fields['reason'] = { text: t('decision.reasonMissing') };
    if (Object.keys(fields).length > 0) {
      errors.show({ fields, general: [] });
      return;
    }
    setBusy(true);
    try {
      await reopen({ variables: { reportId: report.id, questionId, reason } });
      errors.clear();
      await onDone(t('decision.reopenDone'));
    } catch (error) {
      errors.show(toErrors(error, (path) => (path === 'reason' || path === 'questionId' ? path : null)).errors);
      setBusy(false);
    }
  };

  const groups = report.template.sections.map((s) => ({
    label: localized(s.title, s.titleEn, i18n.language).text,
    options: s.questions.map((q) => ({ value: q.id, label: `${q.code} ${localized(q.text, q.textEn, i18n.language).text}` })),
  }));
  return (
    <Form state={errors} onSubmit={() => void submit()} testId="reopen-form">
      <p>{t('decision.reopenLead')}</p>
      <SelectField name="questionId" label={t('decision.question')} value={questionId} onChange={setQuestionId} groups={groups} placeholder={t('decision.chooseQuestion')} />
      <TextAreaField name="reason" label={t('decision.reason')} hint={t('decision.reasonHint')} value={reason} onChange={setReason} rows={4} maxLength={10000} />
      <Actions busy={busy} submit={t('decision.reopenSubmit')} onClose={onClose} />
    </Form>
  );
}
