import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrors, NO_ERRORS, type FieldMessage, type FormErrors } from './errors';

interface FormContextValue {
  idFor: (name: string) => string;
  errorOf: (name: string) => FieldMessage | undefined;
  register: (name: string, label: string) => void;
}

const FormContext = createContext<FormContextValue | null>(null);

function useFormContext(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('Form fields must be inside <Form>');
  return ctx;
}

/** The id of a field's input: the form's prefix and the field key ("goals.2.code" → "…-goals-2-code"). */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The errors of one form and when to move focus to their summary: `show` after a failed
 * submit (the summary takes focus and is read out), `clear` after a successful one.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [focusToken, setFocusToken] = useState(0);
  const show = useCallback((next: FormErrors) => {
    setErrors(next);
    setFocusToken((n) => n + 1);
  }, []);
  const clear = useCallback(() => setErrors(NO_ERRORS), []);
  /** Updates one field's message without moving focus (checks while the user types or leaves a field). */
  const setField = useCallback((name: string, message: FieldMessage | null) => {
    setErrors((current) => {
      if (!message && !current.fields[name]) return current;
      if (message && current.fields[name]?.text === message.text) return current;
      const fields = { ...current.fields };
      if (message) fields[name] = message;
      else delete fields[name];
      return { ...current, fields };
    });
  }, []);
  return { errors, focusToken, show, clear, setField };
}

export type FormErrorsState = ReturnType<typeof useFormErrors>;

/**
 * A form with an error summary at the top. Its fields find their message by name and tie it to
 * the input with aria-describedby and aria-invalid.
 */
export function Form({
  state,
  onSubmit,
  children,
  idPrefix,
  labelledBy,
  className,
  testId,
}: {
  state: Pick<FormErrorsState, 'errors' | 'focusToken'>;
  onSubmit: () => void;
  children: ReactNode;
  idPrefix?: string;
  labelledBy?: string;
  className?: string;
  testId?: string;
}) {
  const generated = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const prefix = idPrefix ?? `f${generated}`;
  const labels = useRef(new Map<string, string>());
  const { errors } = state;
  const ctx: FormContextValue = {
    idFor: (name) => fieldId(prefix, name),
    errorOf: (name) => errors.fields[name],
    register: (name, label) => {
      labels.current.set(name, label);
    },
  };
  return (
    <FormContext.Provider value={ctx}>
      <form
        noValidate
        className={className ?? 'form'}
        aria-labelledby={labelledBy}
        data-testid={testId}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <ErrorSummary errors={errors} focusToken={state.focusToken} labelOf={(name) => labels.current.get(name)} idFor={ctx.idFor} />
        {children}
      </form>
    </FormContext.Provider>
  );
}

/** "There is a problem": every error as a link to its field; takes focus after a failed submit. */
export function ErrorSummary({
  errors,
  focusToken,
  labelOf,
  idFor,
}: {
  errors: FormErrors;
  focusToken: number;
  labelOf: (name: string) => string | undefined;
  idFor: (name: string) => string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const show = hasErrors(errors);
  useEffect(() => {
    if (focusToken > 0 && show) {
      ref.current?.scrollIntoView?.({ block: 'start' });
      ref.current?.focus({ preventScroll: true });
    }
    // Only a new submit moves focus, not every change of the messages.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusToken]);
  if (!show) return null;
  const fieldEntries = Object.entries(errors.fields);
  // In the order of the fields on the page.
  fieldEntries.sort(([a], [b]) => order(idFor(a)) - order(idFor(b)));
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={headingId} data-testid="error-summary">
      <div role="alert">
        <h2 className="error-summary__title" id={headingId}>
          {t('form.errorSummaryTitle')}
        </h2>
        <ul className="error-summary__list">
          {errors.general.map((message) => (
            <li key={message.text}>
              <span lang={message.lang}>{message.text}</span>
            </li>
          ))}
          {fieldEntries.map(([name, message]) => {
            const label = labelOf(name);
            return (
              <li key={name}>
                <a
                  href={`#${idFor(name)}`}
                  onClick={(event) => {
                    const target = document.getElementById(idFor(name));
                    if (!target) return;
                    event.preventDefault();
                    target.scrollIntoView?.({ block: 'center' });
                    target.focus();
                  }}
                >
                  {label && <>{label}: </>}
                  <span lang={message.lang}>{message.text}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

function order(id: string): number {
  const element = document.getElementById(id);
  if (!element) return Number.MAX_SAFE_INTEGER;
  const all = Array.from(document.querySelectorAll('[id]'));
  return all.indexOf(element);
}

/** A field's message, announced with the field (aria-describedby points here). */
export function FieldErrorText({ id, message }: { id: string; message: FieldMessage }) {
  const { t } = useTranslation();
  return (
    <p className="field-error" id={id}>
      <span aria-hidden="true" className="field-error__icon">
        !
      </span>
      <span>
        <span className="visually-hidden">{t('form.errorPrefix')} </span>
        <span lang={message.lang}>{message.text}</span>
      </span>
    </p>
  );
}

function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

interface BaseFieldProps {
  name: string;
  label: ReactNode;
  /** The label in the error summary, when the visible one needs its context (rows of a list). */
  summaryLabel?: string;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
}

/** For fields the kit has no component for: the id, the message and its id, registered for the summary. */
export function useFormField(name: string, label: string) {
  return useField(name, label);
}

function useField(name: string, label: ReactNode, summaryLabel?: string) {
  const ctx = useFormContext();
  const id = ctx.idFor(name);
  ctx.register(name, summaryLabel ?? (typeof label === 'string' ? label : name));
  const error = ctx.errorOf(name);
  return { id, error, hintId: `${id}-hint`, errorId: `${id}-error` };
}

function Label({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor}>
      {label}
      {optional && <span className="label-optional"> {t('form.optional')}</span>}
    </label>
  );
}

export function TextField({
  name,
  label,
  summaryLabel,
  hint,
  optional,
  className,
  value,
  onChange,
  onBlur,
  type = 'text',
  autoComplete,
  inputMode,
  width,
  readOnly,
  maxLength,
  spellCheck,
  lang,
}: BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'url' | 'tel' | 'number' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  width?: 'short' | 'medium' | 'long';
  readOnly?: boolean;
  maxLength?: number;
  spellCheck?: boolean;
  lang?: string;
}) {
  const { id, error, hintId, errorId } = useField(name, label, summaryLabel);
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label htmlFor={id} label={label} optional={optional} />
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldErrorText id={errorId} message={error} />}
      <input
        id={id}
        name={name}
        type={type}
        className={width ? `input--${width}` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        autoComplete={autoComplete}
        inputMode={inputMode}
        readOnly={readOnly}
        maxLength={maxLength}
        spellCheck={spellCheck}
        lang={lang}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : null, error ? errorId : null)}
      />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  summaryLabel,
  hint,
  optional,
  className,
  value,
  onChange,
  rows = 4,
  maxLength,
  lang,
}: BaseFieldProps & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number; lang?: string }) {
  const { id, error, hintId, errorId } = useField(name, label, summaryLabel);
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label htmlFor={id} label={label} optional={optional} />
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldErrorText id={errorId} message={error} />}
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        maxLength={maxLength}
        lang={lang}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : null, error ? errorId : null)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
  lang?: string;
}

export function SelectField({
  name,
  label,
  summaryLabel,
  hint,
  optional,
  className,
  value,
  onChange,
  options,
  groups,
  placeholder,
}: BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  options?: Option[];
  groups?: { label: string; options: Option[] }[];
  /** A first, empty choice ("Välj …", "Inget"). */
  placeholder?: string;
}) {
  const { id, error, hintId, errorId } = useField(name, label, summaryLabel);
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label htmlFor={id} label={label} optional={optional} />
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldErrorText id={errorId} message={error} />}
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : null, error ? errorId : null)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options?.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
        {groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((o) => (
              <option key={o.value} value={o.value} lang={o.lang}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** Checkboxes for a list of values; the first box carries the field's id (the summary links to it). */
export function CheckboxGroup({
  name,
  label,
  summaryLabel,
  hint,
  optional,
  className,
  value,
  onChange,
  options,
  empty,
}: BaseFieldProps & { value: string[]; onChange: (value: string[]) => void; options: Option[]; empty?: ReactNode }) {
  const { id, error, hintId, errorId } = useField(name, label, summaryLabel);
  const toggle = (option: string, checked: boolean) => {
    const set = new Set(value);
    if (checked) set.add(option);
    else set.delete(option);
    onChange(options.map((o) => o.value).filter((v) => set.has(v)));
  };
  return (
    <fieldset
      className={`field checkbox-group${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(hint ? hintId : null, error ? errorId : null)}
    >
      <legend>
        {label}
        {optional && <OptionalMark />}
      </legend>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldErrorText id={errorId} message={error} />}
      {options.length === 0 && empty}
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${index}`;
        return (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={optionId}
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
            />
            <div className="checkbox__text">
              <label htmlFor={optionId} lang={option.lang}>
                {option.label}
              </label>
              {option.hint && (
                <span className="checkbox__hint" id={`${optionId}-hint`}>
                  {option.hint}
                </span>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

export function RadioGroup({
  name,
  label,
  summaryLabel,
  hint,
  className,
  value,
  onChange,
  options,
  inline,
}: BaseFieldProps & { value: string; onChange: (value: string) => void; options: Option[]; inline?: boolean }) {
  const { id, error, hintId, errorId } = useField(name, label, summaryLabel);
  return (
    <fieldset
      className={`field radio-group${inline ? ' radio-group--inline' : ''}${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(hint ? hintId : null, error ? errorId : null)}
    >
      <legend>{label}</legend>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldErrorText id={errorId} message={error} />}
      <div className="radio-group__options">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <div className="checkbox radio" key={option.value}>
              <input
                type="radio"
                id={optionId}
                name={`${id}-radio`}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <div className="checkbox__text">
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint && (
                  <span className="checkbox__hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** One checkbox with its own label ("Kontot är aktivt"). */
export function CheckboxField({
  name,
  label,
  summaryLabel,
  hint,
  className,
  checked,
  onChange,
}: BaseFieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, error, hintId, errorId } = useField(name, label, summaryLabel);
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      {error && <FieldErrorText id={errorId} message={error} />}
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint ? hintId : null, error ? errorId : null)}
        />
        <div className="checkbox__text">
          <label htmlFor={id}>{label}</label>
          {hint && (
            <span className="checkbox__hint" id={hintId}>
              {hint}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}

function OptionalMark() {
  const { t } = useTranslation();
  return <span className="label-optional"> {t('form.optional')}</span>;
}

/** The buttons at the end of a form. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
