import { useState, type FocusEvent, type ReactNode } from 'react';
import { targetColour } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import type { ReportQuestion_QuestionFragment } from '../../gql/graphql';
import { graphql } from '../../gql';
import { FieldErrorText, useFormField } from '../../shared/forms/Form';
import type { FieldMessage } from '../../shared/forms/errors';
import { useFormat } from '../../shared/hooks/useFormat';
import { indicatorResult, localized, parseRaw, type Ratio, type Raw } from './values';

export const ReportQuestionFragment = graphql(`
  fragment ReportQuestion_question on Question {
    id
    code
    text
    textEn
    help
    helpEn
    type
    required
    min
    max
    unitLabel
    options {
      key
      label
      labelEn
    }
    indicator {
      id
      code
      name
      unit
      direction
      targets {
        year
        value
        amberThreshold
      }
    }
  }
`);

export type Question = ReportQuestion_QuestionFragment;

/** What the editor holds for one question: the inputs, the note and the confidentiality request. */
export interface Draft {
  raw: Raw;
  note: string;
  confidential: boolean;
  reason: string;
}

export function fieldName(questionId: string): string {
  return `answers.${questionId}`;
}

export function reasonFieldName(questionId: string): string {
  return `answers.${questionId}.confidentialityReason`;
}

export function noteFieldName(questionId: string): string {
  return `answers.${questionId}.note`;
}

/** "1.3 Telefontid per vecka" in the UI language. */
export function questionLabel(q: Pick<Question, 'code' | 'text' | 'textEn'>, language: string): string {
  return `${q.code} ${localized(q.text, q.textEn, language).text}`;
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

interface InputProps {
  question: Question;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Focus left the question: check it, and save now. */
  onLeave: () => void;
  /** The period's year, for the indicator's target. */
  year: number | null;
  /** The file field of ATTACHMENT questions (it needs the report and the upload). */
  attachment?: (props: { id: string; labelId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  /** Preview in the template builder: nothing can be filled in. */
  disabled?: boolean;
}

/**
 * One question as the provider answers it: the label (code and text), help, unit and the input of
 * its type, the message of a problem tied to the input, and the note and confidentiality request.
 */
export function QuestionInput({ question: q, draft, onChange, onLeave, year, attachment, disabled }: InputProps) {
  const { t, i18n } = useTranslation('reporting');
  const language = i18n.language;
  const text = localized(q.text, q.textEn, language);
  const help = q.help ? localized(q.help, q.helpEn, language) : null;
  const summary = questionLabel(q, language);
  const { id, error, hintId, errorId } = useFormField(fieldName(q.id), summary);
  const label = (
    <>
      <span className="question__code">{q.code}</span> <span lang={text.lang}>{text.text}</span>
      {!q.required && <span className="label-optional"> {t('common.optional')}</span>}
    </>
  );
  const typeHint = useTypeHint(q);
  const hint =
    help || typeHint ? (
      <p className="field-hint" id={hintId}>
        {help && <span lang={help.lang}>{help.text}</span>}
        {help && typeHint && ' '}
        {typeHint}
      </p>
    ) : null;
  const hasHint = Boolean(help || typeHint);
  const set = (raw: Raw) => onChange({ ...draft, raw });
  // Leaving the answer's inputs (or the note and confidentiality part) checks and saves.
  const leave = (event: FocusEvent<HTMLElement>) => {
    const from = (event.target as HTMLElement).closest('.question__field, .question__extras');
    const to = event.relatedTarget as Node | null;
    if (!from || !to || !from.contains(to)) onLeave();
  };
  const fieldClass = `field question__field${error ? ' field--error' : ''}`;
  const aria = (extra?: string | false) => ({
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hasHint && hintId, error && errorId, extra),
  });

  let control: ReactNode;
  switch (q.type) {
    case 'BOOLEAN':
    case 'SINGLE_CHOICE': {
      const options =
        q.type === 'BOOLEAN'
          ? [
              { key: 'true', label: { text: t('common.yes') } as { text: string; lang?: string } },
              { key: 'false', label: { text: t('common.no') } as { text: string; lang?: string } },
            ]
          : (q.options ?? []).map((o) => ({ key: o.key, label: localized(o.label, o.labelEn, language) }));
      control = (
        <fieldset className={`${fieldClass} radio-group${q.type === 'BOOLEAN' ? ' radio-group--inline' : ''}`} aria-describedby={describedBy(hasHint && hintId, error && errorId)}>
          <legend className="question__label">{label}</legend>
          {hint}
          {error && <FieldErrorText id={errorId} message={error} />}
          <div className="radio-group__options">
            {options.map((o, index) => {
              const optionId = index === 0 ? id : `${id}-${index}`;
              return (
                <div className="checkbox radio" key={o.key}>
                  <input
                    type="radio"
                    id={optionId}
                    name={`${id}-radio`}
                    value={o.key}
                    checked={draft.raw === o.key}
                    onChange={() => set(o.key)}
                    disabled={disabled}
                    aria-invalid={error ? true : undefined}
                  />
                  <div className="checkbox__text">
                    <label htmlFor={optionId} lang={o.label.lang}>
                      {o.label.text}
                    </label>
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      );
      break;
    }
    case 'MULTI_CHOICE': {
      const chosen = Array.isArray(draft.raw) ? draft.raw : [];
      const keys = (q.options ?? []).map((o) => o.key);
      control = (
        <fieldset className={`${fieldClass} checkbox-group`} aria-describedby={describedBy(hasHint && hintId, error && errorId)}>
          <legend className="question__label">{label}</legend>
          {hint}
          {error && <FieldErrorText id={errorId} message={error} />}
          {(q.options ?? []).map((o, index) => {
            const optionId = index === 0 ? id : `${id}-${index}`;
            const optionLabel = localized(o.label, o.labelEn, language);
            return (
              <div className="checkbox" key={o.key}>
                <input
                  type="checkbox"
                  id={optionId}
                  value={o.key}
                  checked={chosen.includes(o.key)}
                  disabled={disabled}
                  onChange={(event) => {
                    const set2 = new Set(chosen);
                    if (event.target.checked) set2.add(o.key);
                    else set2.delete(o.key);
                    set(keys.filter((k) => set2.has(k)));
                  }}
                />
                <div className="checkbox__text">
                  <label htmlFor={optionId} lang={optionLabel.lang}>
                    {optionLabel.text}
                  </label>
                </div>
              </div>
            );
          })}
        </fieldset>
      );
      break;
    }
    case 'INDICATOR_VALUE':
      control = (
        <IndicatorValueInput
          question={q}
          ratio={typeof draft.raw === 'object' && !Array.isArray(draft.raw) ? draft.raw : { numerator: '', denominator: '' }}
          onChange={set}
          id={id}
          label={label}
          hint={hint}
          hintId={hasHint ? hintId : null}
          error={error}
          errorId={errorId}
          year={year}
          disabled={disabled}
        />
      );
      break;
    case 'TEXT':
      control = (
        <div className={fieldClass}>
          <label htmlFor={id} className="question__label">
            {label}
          </label>
          {hint}
          {error && <FieldErrorText id={errorId} message={error} />}
          <textarea id={id} rows={4} value={typeof draft.raw === 'string' ? draft.raw : ''} onChange={(e) => set(e.target.value)} maxLength={20000} disabled={disabled} {...aria()} />
        </div>
      );
      break;
    case 'ATTACHMENT': {
      // With a file uploaded there is no input to label: the label names the file's box instead.
      const hasFile = typeof draft.raw === 'string' && draft.raw !== '';
      const labelId = `${id}-label`;
      control = (
        <div className={fieldClass}>
          {hasFile ? (
            <p className="question__label" id={labelId}>
              {label}
            </p>
          ) : (
            <label htmlFor={id} className="question__label" id={labelId}>
              {label}
            </label>
          )}
          {hint}
          {error && <FieldErrorText id={errorId} message={error} />}
          {attachment ? (
            attachment({ id, labelId, describedBy: describedBy(hasHint && hintId, error && errorId), invalid: Boolean(error) })
          ) : (
            <input id={id} type="file" disabled={disabled} {...aria()} />
          )}
        </div>
      );
      break;
    }
    default: {
      // INTEGER, DECIMAL, PERCENT, DATE: one input, with the unit after it.
      const unit = q.type === 'PERCENT' ? '%' : q.unitLabel;
      const unitId = `${id}-unit`;
      const isDate = q.type === 'DATE';
      control = (
        <div className={fieldClass}>
          <label htmlFor={id} className="question__label">
            {label}
          </label>
          {hint}
          {error && <FieldErrorText id={errorId} message={error} />}
          <div className="input-with-unit">
            <input
              id={id}
              type={isDate ? 'date' : 'text'}
              inputMode={isDate ? undefined : q.type === 'INTEGER' ? 'numeric' : 'decimal'}
              autoComplete="off"
              className={isDate ? undefined : 'input--number'}
              value={typeof draft.raw === 'string' ? draft.raw : ''}
              onChange={(e) => set(e.target.value)}
              disabled={disabled}
              {...aria(unit ? unitId : false)}
            />
            {unit && (
              <span className="input-unit" id={unitId}>
                {unit}
              </span>
            )}
          </div>
        </div>
      );
    }
  }

  return (
    <div className="question" id={`q-${q.id}`} data-testid="question" data-code={q.code} onBlur={leave}>
      {control}
      <QuestionExtras question={q} draft={draft} onChange={onChange} disabled={disabled} />
    </div>
  );
}

/** The kind of answer expected, in words: decimal comma, range, number of choices, date format. */
function useTypeHint(q: Question): string | null {
  const { t } = useTranslation('reporting');
  const format = useFormat();
  const range = () => {
    if (q.min != null && q.max != null) return t('question.rangeHint', { min: format.number(q.min, 3), max: format.number(q.max, 3) });
    if (q.min != null) return t('question.minHint', { min: format.number(q.min, 3) });
    if (q.max != null) return t('question.maxHint', { max: format.number(q.max, 3) });
    return null;
  };
  const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ') || null;
  switch (q.type) {
    case 'INTEGER':
      return join(t('question.integerHint'), range());
    case 'DECIMAL':
      return join(format.language === 'sv' ? t('question.decimalHint') : null, range());
    case 'PERCENT':
      return join(t('question.percentHint'), format.language === 'sv' ? t('question.decimalHint') : null);
    case 'MULTI_CHOICE':
      return q.min != null && q.min > 0 ? t('question.choicesMinHint', { count: q.min }) : null;
    default:
      return null;
  }
}

/** Numerator and denominator, the value they give in the indicator's unit, and the target of the year. */
function IndicatorValueInput({
  question: q,
  ratio,
  onChange,
  id,
  label,
  hint,
  hintId,
  error,
  errorId,
  year,
  disabled,
}: {
  question: Question;
  ratio: Ratio;
  onChange: (raw: Ratio) => void;
  id: string;
  label: ReactNode;
  hint: ReactNode;
  hintId: string | null;
  error: FieldMessage | undefined;
  errorId: string;
  year: number | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation('reporting');
  const { t: tMain } = useTranslation();
  const format = useFormat();
  const indicator = q.indicator;
  const parsed = parseRaw(q, ratio, format.language);
  const result = parsed.ok && indicator ? indicatorResult(parsed.value, indicator.unit) : null;
  const target = indicator && year !== null ? indicator.targets.find((x) => x.year === year) : undefined;
  const level = result !== null && target && indicator ? targetColour(result, target, indicator.direction) : null;
  const resultId = `${id}-result`;
  const invalid = error ? true : undefined;
  return (
    <fieldset className={`field question__field indicator-value${error ? ' field--error' : ''}`} aria-describedby={describedBy(hintId, error && errorId)}>
      <legend className="question__label">{label}</legend>
      {indicator && (
        <p className="indicator-value__name">
          {t('question.indicatorLabel')}: <span lang="sv">{indicator.name}</span> <span className="muted">({tMain(`unit.${indicator.unit}`)})</span>
        </p>
      )}
      {hint}
      {error && <FieldErrorText id={errorId} message={error} />}
      <div className="indicator-value__inputs">
        <div className="field">
          <label htmlFor={id}>{t('question.numerator')}</label>
          <input
            id={id}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="input--number"
            value={ratio.numerator}
            onChange={(e) => onChange({ ...ratio, numerator: e.target.value })}
            disabled={disabled}
            aria-invalid={invalid}
          />
        </div>
        <span className="indicator-value__divider" aria-hidden="true">
          /
        </span>
        <div className="field">
          <label htmlFor={`${id}-denominator`}>{t('question.denominator')}</label>
          <input
            id={`${id}-denominator`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="input--number"
            value={ratio.denominator}
            onChange={(e) => onChange({ ...ratio, denominator: e.target.value })}
            disabled={disabled}
            aria-invalid={invalid}
            aria-describedby={resultId}
          />
        </div>
      </div>
      <div className="indicator-value__result" id={resultId}>
        <p>
          <span className="indicator-value__result-label">{t('question.result')}: </span>
          {result !== null && indicator ? (
            <strong data-testid="indicator-result">{format.indicator(result, indicator.unit)}</strong>
          ) : (
            <span className="muted">{t('question.resultPending')}</span>
          )}
          {level && indicator && (
            <span className={`level level--${level.toLowerCase()}`}>
              <span aria-hidden="true" className="level__icon">
                {level === 'GREEN' ? '✓' : level === 'AMBER' ? '–' : '!'}
              </span>
              {indicator.direction === 'LOWER_IS_BETTER' ? t(`question.levelLower.${level}`) : t(`question.level.${level}`)}
            </span>
          )}
        </p>
        {indicator && year !== null && (
          <p className="muted">
            {target ? t('question.target', { year, value: format.indicator(target.value, indicator.unit) }) : t('question.noTarget', { year })}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** The provider's note and confidentiality request, folded away until needed. */
function QuestionExtras({ question: q, draft, onChange, disabled }: { question: Question; draft: Draft; onChange: (draft: Draft) => void; disabled?: boolean }) {
  const { t } = useTranslation('reporting');
  const note = useFormField(noteFieldName(q.id), `${q.code}: ${t('question.note')}`);
  const reason = useFormField(reasonFieldName(q.id), `${q.code}: ${t('question.reason')}`);
  const filled = Boolean(draft.note.trim() || draft.confidential);
  const [open, setOpen] = useState(filled);
  const isOpen = open || Boolean(reason.error) || Boolean(note.error);
  const confidentialId = `${reason.id}-requested`;
  return (
    <details className="question__extras" open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('question.extras')}
        <span className="visually-hidden"> {t('question.extrasFor', { code: q.code })}</span>
        {filled && <span className="question__extras-filled"> {t('question.extrasFilled')}</span>}
      </summary>
      <div className="question__extras-body">
        <div className={`field${note.error ? ' field--error' : ''}`}>
          <label htmlFor={note.id}>
            {t('question.note')}
            <span className="label-optional"> {t('common.optional')}</span>
          </label>
          <p className="field-hint" id={note.hintId}>
            {t('question.noteHint')}
          </p>
          {note.error && <FieldErrorText id={note.errorId} message={note.error} />}
          <textarea
            id={note.id}
            rows={2}
            maxLength={5000}
            value={draft.note}
            disabled={disabled}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
            aria-invalid={note.error ? true : undefined}
            aria-describedby={describedBy(note.hintId, note.error && note.errorId)}
          />
        </div>
        <div className="checkbox">
          <input
            type="checkbox"
            id={confidentialId}
            checked={draft.confidential}
            disabled={disabled}
            onChange={(e) => onChange({ ...draft, confidential: e.target.checked })}
            aria-describedby={`${confidentialId}-hint`}
          />
          <div className="checkbox__text">
            <label htmlFor={confidentialId}>{t('question.confidential')}</label>
            <span className="checkbox__hint" id={`${confidentialId}-hint`}>
              {t('question.confidentialHint')}
            </span>
          </div>
        </div>
        {draft.confidential && (
          <div className={`field question__reason${reason.error ? ' field--error' : ''}`}>
            <label htmlFor={reason.id}>{t('question.reason')}</label>
            <p className="field-hint" id={reason.hintId}>
              {t('question.reasonHint')}
            </p>
            {reason.error && <FieldErrorText id={reason.errorId} message={reason.error} />}
            <textarea
              id={reason.id}
              rows={2}
              maxLength={2000}
              value={draft.reason}
              disabled={disabled}
              onChange={(e) => onChange({ ...draft, reason: e.target.value })}
              aria-invalid={reason.error ? true : undefined}
              aria-describedby={describedBy(reason.hintId, reason.error && reason.errorId)}
            />
          </div>
        )}
      </div>
    </details>
  );
}
