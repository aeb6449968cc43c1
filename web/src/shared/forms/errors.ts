import { CombinedGraphQLErrors } from '@apollo/client';
import { ErrorCode, type FieldError } from '@insyn/shared';

/** A message to show at a field or in the error summary; `lang` when it is not in the UI language. */
export interface FieldMessage {
  text: string;
  lang?: string;
}

/** Errors of one form: by field key ("email", "goals.2.code"), and those that belong to no field. */
export interface FormErrors {
  fields: Record<string, FieldMessage>;
  general: FieldMessage[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

export function hasErrors(errors: FormErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}

/** What went wrong with a request, as far as a form needs to know. */
export type ApiProblem =
  | { code: 'BAD_USER_INPUT'; fields: FieldError[]; message: string }
  | { code: 'CONFLICT'; currentVersion: number | null; message: string }
  | { code: 'RATE_LIMITED'; retryAfter: number | null }
  | { code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR'; message: string }
  | { code: 'NETWORK' };

const KNOWN = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
]);

/** Reads the `extensions.code` (and its details) of an Apollo error; anything else is NETWORK. */
export function apiProblem(error: unknown): ApiProblem {
  if (!CombinedGraphQLErrors.is(error)) return { code: 'NETWORK' };
  const errors = error.errors;
  const first = errors.find((e) => KNOWN.has(String(e.extensions?.['code']))) ?? errors[0];
  const code = String(first?.extensions?.['code'] ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const message = first?.message ?? '';
  switch (code) {
    case ErrorCode.BAD_USER_INPUT: {
      const fields = errors
        .filter((e) => e.extensions?.['code'] === ErrorCode.BAD_USER_INPUT)
        .flatMap((e) => {
          const list = e.extensions?.['fields'];
          return Array.isArray(list) && list.length > 0 ? (list as FieldError[]) : [{ path: '', message: e.message }];
        })
        .filter((f) => typeof f?.message === 'string');
      return { code, fields, message };
    }
    case ErrorCode.CONFLICT: {
      const version = first?.extensions?.['currentVersion'];
      return { code, currentVersion: typeof version === 'number' ? version : null, message };
    }
    case ErrorCode.RATE_LIMITED: {
      const retryAfter = first?.extensions?.['retryAfter'];
      return { code, retryAfter: typeof retryAfter === 'number' && retryAfter > 0 ? Math.ceil(retryAfter) : null };
    }
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.NOT_FOUND:
      return { code, message };
    default:
      return { code: 'INTERNAL_SERVER_ERROR', message };
  }
}

/**
 * The form's key for a server path: "input.orgNumber" → "orgNumber",
 * "input.goals.2.code" → "goals.2.code"; arguments outside `input` keep their name
 * ("currentPassword", "expiresAt").
 */
export function fieldKey(path: string): string {
  return path.replace(/^input\./, '').replace(/^input$/, '');
}

/**
 * The field of the form a key belongs to: the key itself, else its nearest parent the form
 * has ("unitIds.3" → "unitIds", "goals.2.id" → "goals.2" when the row has such a field);
 * null when none (the message then goes to the summary only).
 */
export function resolveField(key: string, isField: (key: string) => boolean): string | null {
  const parts = key.split('.').filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (isField(candidate)) return candidate;
  }
  return null;
}

/**
 * Places each server field error at its field (the first message per field wins), the others in
 * the general list; `translate` turns the server's (English) message into the UI language.
 */
export function mapFieldErrors(
  fields: FieldError[],
  isField: (key: string) => boolean,
  translate: (message: string) => FieldMessage,
): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  for (const field of fields) {
    const message = translate(field.message);
    const key = resolveField(fieldKey(field.path ?? ''), isField);
    if (key === null) {
      if (!result.general.some((m) => m.text === message.text)) result.general.push(message);
    } else if (!result.fields[key]) {
      result.fields[key] = message;
    }
  }
  return result;
}

/** Client-side checks and server answers together: the first message per field is kept. */
export function mergeErrors(...all: FormErrors[]): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  for (const errors of all) {
    for (const [key, message] of Object.entries(errors.fields)) result.fields[key] ??= message;
    for (const message of errors.general) if (!result.general.some((m) => m.text === message.text)) result.general.push(message);
  }
  return result;
}
