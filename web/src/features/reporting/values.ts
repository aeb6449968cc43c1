import type { IndicatorUnit, QuestionType } from '../../gql/graphql';
import { isIsoDate, parseDecimal } from '../../shared/forms/values';

/**
 * Answers as the API stores them (API.md: BOOLEAN `true`, INTEGER `12`, DECIMAL `12.5`, PERCENT
 * `86.4`, TEXT `"…"`, SINGLE_CHOICE `"key"`, MULTI_CHOICE `["a","b"]`, DATE `"2025-03-01"`,
 * ATTACHMENT `"<id>"`, INDICATOR_VALUE `{ numerator, denominator }`) and as people type them in the
 * form (`Raw`: the text of the inputs, "86,5" in Swedish). Parsing checks the shape the server
 * accepts, so a save never carries a value it would refuse.
 */

/** What the inputs of one question hold. */
export type Raw = string | string[] | Ratio;
export interface Ratio {
  numerator: string;
  denominator: string;
}

/** The parts of a question the checks need. */
export interface QuestionRules {
  type: QuestionType;
  required: boolean;
  min?: number | null;
  max?: number | null;
  options?: readonly { key: string }[] | null;
}

/** What is wrong with an answer. `blocking` problems make a value the server would refuse. */
export type Problem =
  | { kind: 'required' }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'percent' }
  | { kind: 'date' }
  | { kind: 'choice' }
  | { kind: 'numeratorMissing' }
  | { kind: 'denominatorMissing' }
  | { kind: 'numeratorInvalid' }
  | { kind: 'denominatorInvalid' }
  | { kind: 'numeratorNegative' }
  | { kind: 'denominatorNotPositive' }
  | { kind: 'min'; min: number }
  | { kind: 'max'; max: number }
  | { kind: 'minChoices'; min: number }
  | { kind: 'maxChoices'; max: number };

/** Problems of form: the value cannot be sent until they are fixed. */
export function isBlocking(problem: Problem): boolean {
  return !['required', 'min', 'max', 'minChoices', 'maxChoices'].includes(problem.kind);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** The empty inputs of a question type. */
export function emptyRaw(type: QuestionType): Raw {
  if (type === 'MULTI_CHOICE') return [];
  if (type === 'INDICATOR_VALUE') return { numerator: '', denominator: '' };
  return '';
}

/** A number as people type it, in the UI language: "86,5" and "1 000" (sv), "86.5" and "1,000" (en). */
export function parseNumber(text: string, language: string): number | null {
  const trimmed = text.trim();
  if (language === 'en' && /^[-\u2212]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return parseDecimal(trimmed.replace(/,/g, ''));
  return parseDecimal(trimmed);
}

/** A number for an input in the UI language: 86.5 → "86,5" in Swedish, "86.5" in English; no grouping. */
export function numberForInput(value: number, language: string): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  return language === 'en' ? text : text.replace('.', ',');
}

/** The inputs' text for a stored value (anything of the wrong shape shows as empty). */
export function rawFromValue(type: QuestionType, value: unknown, language: string): Raw {
  if (value === null || value === undefined) return emptyRaw(type);
  switch (type) {
    case 'BOOLEAN':
      return value === true ? 'true' : value === false ? 'false' : '';
    case 'INTEGER':
    case 'DECIMAL':
    case 'PERCENT':
      return typeof value === 'number' ? numberForInput(value, language) : '';
    case 'MULTI_CHOICE':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    case 'INDICATOR_VALUE': {
      const v = value as Partial<Record<'numerator' | 'denominator', unknown>>;
      return {
        numerator: typeof v.numerator === 'number' ? numberForInput(v.numerator, language) : '',
        denominator: typeof v.denominator === 'number' ? numberForInput(v.denominator, language) : '',
      };
    }
    default:
      return typeof value === 'string' ? value : '';
  }
}

function isEmptyRaw(raw: Raw): boolean {
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.length === 0;
  return raw.numerator.trim() === '' && raw.denominator.trim() === '';
}

/**
 * The value to store for the inputs, or the problem of form that stops it being stored. Empty
 * inputs are `null` (a cleared answer). Ranges and required answers are not checked here.
 */
export function parseRaw(q: QuestionRules, raw: Raw, language: string): Parsed {
  if (isEmptyRaw(raw)) return { ok: true, value: null };
  const text = typeof raw === 'string' ? raw.trim() : '';
  switch (q.type) {
    case 'BOOLEAN':
      if (text === 'true') return { ok: true, value: true };
      if (text === 'false') return { ok: true, value: false };
      return { ok: false, problem: { kind: 'choice' } };
    case 'INTEGER': {
      const n = parseNumber(text, language);
      return n !== null && Number.isInteger(n) ? { ok: true, value: n } : { ok: false, problem: { kind: 'integer' } };
    }
    case 'DECIMAL': {
      const n = parseNumber(text, language);
      return n !== null ? { ok: true, value: n } : { ok: false, problem: { kind: 'number' } };
    }
    case 'PERCENT': {
      const n = parseNumber(text.replace(/\s*%$/, ''), language);
      return n !== null && n >= 0 && n <= 100 ? { ok: true, value: n } : { ok: false, problem: { kind: 'percent' } };
    }
    case 'TEXT':
    case 'ATTACHMENT':
      return { ok: true, value: typeof raw === 'string' ? raw : '' };
    case 'DATE':
      return isIsoDate(text) ? { ok: true, value: text } : { ok: false, problem: { kind: 'date' } };
    case 'SINGLE_CHOICE':
      return (q.options ?? []).some((o) => o.key === text) ? { ok: true, value: text } : { ok: false, problem: { kind: 'choice' } };
    case 'MULTI_CHOICE': {
      const keys = Array.isArray(raw) ? raw : [];
      const known = (q.options ?? []).map((o) => o.key);
      if (!keys.every((k) => known.includes(k))) return { ok: false, problem: { kind: 'choice' } };
      // In the order of the options, each once.
      return { ok: true, value: known.filter((k) => keys.includes(k)) };
    }
    case 'INDICATOR_VALUE': {
      const ratio = raw as Ratio;
      if (ratio.numerator.trim() === '') return { ok: false, problem: { kind: 'numeratorMissing' } };
      if (ratio.denominator.trim() === '') return { ok: false, problem: { kind: 'denominatorMissing' } };
      const numerator = parseNumber(ratio.numerator, language);
      const denominator = parseNumber(ratio.denominator, language);
      if (numerator === null) return { ok: false, problem: { kind: 'numeratorInvalid' } };
      if (denominator === null) return { ok: false, problem: { kind: 'denominatorInvalid' } };
      if (numerator < 0) return { ok: false, problem: { kind: 'numeratorNegative' } };
      if (denominator <= 0) return { ok: false, problem: { kind: 'denominatorNotPositive' } };
      return { ok: true, value: { numerator, denominator } };
    }
    default:
      return { ok: false, problem: { kind: 'choice' } };
  }
}

/** Whether a stored value counts as an answer (as the server counts it). */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/**
 * Everything wrong with the inputs: form first, then (with `requireAnswer`, as at submit) a
 * missing required answer, then the range. The same rules as the server's submit check.
 */
export function checkRaw(q: QuestionRules, raw: Raw, language: string, { requireAnswer = false } = {}): Problem | null {
  const parsed = parseRaw(q, raw, language);
  if (!parsed.ok) return parsed.problem;
  const value = parsed.value;
  if (!isAnswered(value)) return requireAnswer && q.required ? { kind: 'required' } : null;
  if (q.type === 'MULTI_CHOICE') {
    const n = (value as unknown[]).length;
    if (q.min != null && n < q.min) return { kind: 'minChoices', min: q.min };
    if (q.max != null && n > q.max) return { kind: 'maxChoices', max: q.max };
    return null;
  }
  if (typeof value === 'number') {
    if (q.min != null && value < q.min) return { kind: 'min', min: q.min };
    if (q.max != null && value > q.max) return { kind: 'max', max: q.max };
  }
  return null;
}

/**
 * The indicator's value from numerator and denominator, in the indicator's unit: a share in
 * percent, a rate per 1 000, or the plain ratio. Null when it cannot be computed.
 */
export function indicatorResult(value: unknown, unit: IndicatorUnit): number | null {
  if (!value || typeof value !== 'object') return null;
  const { numerator, denominator } = value as { numerator?: unknown; denominator?: unknown };
  if (typeof numerator !== 'number' || typeof denominator !== 'number' || denominator <= 0) return null;
  const ratio = numerator / denominator;
  if (unit === 'PERCENT') return ratio * 100;
  if (unit === 'RATE_PER_1000') return ratio * 1000;
  return ratio;
}

/** Text in the UI language when there is one; Swedish otherwise, marked as such (WCAG 3.1.2). */
export function localized(sv: string, en: string | null | undefined, language: string): { text: string; lang?: 'sv' } {
  if (language === 'sv') return { text: sv };
  if (en && en.trim()) return { text: en };
  return { text: sv, lang: 'sv' };
}

export interface DisplayContext {
  yes: string;
  no: string;
  empty: string;
  /** "43 av 50 (86 %)": numerator, denominator and the computed value, each formatted. */
  ratio: (numerator: string, denominator: string, result: string | null) => string;
  number: (value: number) => string;
  percent: (value: number) => string;
  date: (isoDate: string) => string;
  indicator: (value: number, unit: IndicatorUnit) => string;
  optionLabel: (key: string) => string;
  attachmentName: (id: string) => string;
}

export interface DisplayQuestion {
  type: QuestionType;
  unitLabel?: string | null;
  indicator?: { unit: IndicatorUnit } | null;
}

/** A stored value in words, for read-only views, the receipt and the conflict comparison. */
export function displayValue(q: DisplayQuestion, value: unknown, ctx: DisplayContext): string {
  if (!isAnswered(value)) return ctx.empty;
  const withUnit = (text: string) => (q.unitLabel ? `${text} ${q.unitLabel}` : text);
  switch (q.type) {
    case 'BOOLEAN':
      return value === true ? ctx.yes : value === false ? ctx.no : String(value);
    case 'INTEGER':
    case 'DECIMAL':
      return typeof value === 'number' ? withUnit(ctx.number(value)) : String(value);
    case 'PERCENT':
      return typeof value === 'number' ? ctx.percent(value) : String(value);
    case 'DATE':
      return typeof value === 'string' ? ctx.date(value) : String(value);
    case 'SINGLE_CHOICE':
      return ctx.optionLabel(String(value));
    case 'MULTI_CHOICE':
      return Array.isArray(value) ? value.map((k) => ctx.optionLabel(String(k))).join(', ') : String(value);
    case 'ATTACHMENT':
      return ctx.attachmentName(String(value));
    case 'INDICATOR_VALUE': {
      const v = value as { numerator?: unknown; denominator?: unknown };
      if (typeof v.numerator !== 'number' || typeof v.denominator !== 'number') return JSON.stringify(value);
      const result = q.indicator ? indicatorResult(value, q.indicator.unit) : null;
      return ctx.ratio(ctx.number(v.numerator), ctx.number(v.denominator), result === null || !q.indicator ? null : ctx.indicator(result, q.indicator.unit));
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** The value of an answer the inputs show, for comparisons: what is typed, even when it does not parse. */
export function rawText(raw: Raw): string {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) return raw.join(', ');
  return `${raw.numerator} / ${raw.denominator}`;
}

/** File sizes in words: "340 byte", "12 kB", "1,4 MB". */
export function fileSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'sv-SE';
  const format = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return `${format(bytes, 0)} ${language === 'en' ? 'bytes' : 'byte'}`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024, 0)} kB`;
  return `${format(bytes / 1024 / 1024, 1)} MB`;
}
