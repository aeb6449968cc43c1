import type { FieldError } from '@insyn/shared';
import { QuestionType } from './enums.js';
import type { Question } from './entities.js';

export type ValueCheck = { ok: true; value: unknown } | { ok: false; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The shape a value must have for its question type (API.md). A wrong shape is refused at save;
 * `null` clears an answer. Ranges and required answers are checked at submit (`checkComplete`).
 */
export function checkShape(question: Pick<Question, 'type' | 'options'>, value: unknown): ValueCheck {
  if (value === null || value === undefined) return { ok: true, value: null };
  switch (question.type) {
    case QuestionType.BOOLEAN:
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'Answer yes or no (true or false)' };
    case QuestionType.INTEGER:
      return Number.isInteger(value) ? { ok: true, value } : { ok: false, message: 'Enter a whole number' };
    case QuestionType.DECIMAL:
      return isNumber(value) ? { ok: true, value } : { ok: false, message: 'Enter a number' };
    case QuestionType.PERCENT:
      return isNumber(value) && value >= 0 && value <= 100
        ? { ok: true, value }
        : { ok: false, message: 'Enter a percentage between 0 and 100' };
    case QuestionType.TEXT:
      if (typeof value !== 'string') return { ok: false, message: 'Enter text' };
      if (value.length > 20000) return { ok: false, message: 'The text is too long (at most 20,000 characters)' };
      return { ok: true, value: value.trim() === '' ? null : value };
    case QuestionType.SINGLE_CHOICE: {
      const keys = (question.options ?? []).map((o) => o.key);
      return typeof value === 'string' && keys.includes(value) ? { ok: true, value } : { ok: false, message: 'Choose one of the options' };
    }
    case QuestionType.MULTI_CHOICE: {
      const keys = (question.options ?? []).map((o) => o.key);
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && keys.includes(v))) {
        return { ok: false, message: 'Choose among the options' };
      }
      if (new Set(value).size !== value.length) return { ok: false, message: 'Each option can be chosen once' };
      return { ok: true, value };
    }
    case QuestionType.DATE:
      return typeof value === 'string' && isRealDate(value) ? { ok: true, value } : { ok: false, message: 'Enter a date as YYYY-MM-DD' };
    case QuestionType.ATTACHMENT:
      return typeof value === 'string' && UUID.test(value) ? { ok: true, value } : { ok: false, message: 'Upload a file' };
    case QuestionType.INDICATOR_VALUE: {
      if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'Enter numerator and denominator' };
      const keys = Object.keys(value as object).sort().join(',');
      const { numerator, denominator } = value as { numerator?: unknown; denominator?: unknown };
      if (keys !== 'denominator,numerator' || !isNumber(numerator) || !isNumber(denominator)) {
        return { ok: false, message: 'Enter numerator and denominator as numbers' };
      }
      if (numerator < 0) return { ok: false, message: 'The numerator cannot be negative' };
      if (denominator <= 0) return { ok: false, message: 'The denominator must be greater than zero' };
      return { ok: true, value: { numerator, denominator } };
    }
    default:
      return { ok: false, message: 'Unknown question type' };
  }
}

/** Whether a stored value counts as an answer. */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/** Required answers and min/max, as checked at submit. */
export function checkComplete(
  questions: Pick<Question, 'id' | 'code' | 'type' | 'required' | 'min' | 'max' | 'options'>[],
  answers: Map<string, unknown>,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const q of questions) {
    const value = answers.get(q.id);
    if (!isAnswered(value)) {
      if (q.required) problems.push({ path: `answers.${q.id}`, message: `${q.code}: an answer is required` });
      continue;
    }
    const shape = checkShape(q, value);
    if (!shape.ok) {
      problems.push({ path: `answers.${q.id}`, message: `${q.code}: ${shape.message}` });
      continue;
    }
    const n =
      q.type === QuestionType.INDICATOR_VALUE
        ? null
        : q.type === QuestionType.MULTI_CHOICE
          ? (value as unknown[]).length
          : typeof value === 'number'
            ? value
            : null;
    if (n !== null && q.min !== null && n < q.min) problems.push({ path: `answers.${q.id}`, message: `${q.code}: at least ${q.min}` });
    if (n !== null && q.max !== null && n > q.max) problems.push({ path: `answers.${q.id}`, message: `${q.code}: at most ${q.max}` });
  }
  return problems;
}

/** The number an indicator answer stands for: a ratio as percent or per 1,000, or the value itself. */
export function indicatorValue(value: unknown, unit: string): number | null {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'numerator' in value && 'denominator' in value) {
    const { numerator, denominator } = value as { numerator: number; denominator: number };
    if (!denominator) return null;
    const ratio = numerator / denominator;
    const scaled = unit === 'PERCENT' ? ratio * 100 : unit === 'RATE_PER_1000' ? ratio * 1000 : ratio;
    return Math.round(scaled * 10) / 10;
  }
  return null;
}
