import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@insyn/shared';
import { apiProblem, fieldKey, type ApiProblem, type FieldMessage, type FormErrors } from '../../shared/forms/errors';

/**
 * The API's (English) messages of the review that have a text of their own in the UI language
 * (review:serverMessage.*). Others are shown as they came, marked as English.
 */
const KNOWN: [RegExp, string][] = [
  [/^Say what the provider should change$/, 'reasonMissing'],
  [/^Say why the question is reopened$/, 'reasonMissing'],
  [/^The reason is too long$/, 'reasonTooLong'],
  [/^Write a comment$/, 'bodyMissing'],
  [/^The comment is too long/, 'bodyTooLong'],
  [/^Assess goal .+ \(or mark it not assessed\)$/, 'goalMissing'],
  [/^The motivation is too long$/, 'motivationTooLong'],
  [/^No such question in this report$/, 'questionUnknown'],
  [/^Choose an active reviewer$/, 'reviewerUnknown'],
];

export function reviewMessageKey(message: string): string | null {
  return KNOWN.find(([re]) => re.test(message))?.[1] ?? null;
}

/** A refusal because the report's status changed under the user (the server names `reportId`). */
export function isWrongState(problem: ApiProblem): boolean {
  return problem.code === 'BAD_USER_INPUT' && problem.fields.some((f) => f.path === 'reportId' && /^Not allowed when the report is/.test(f.message));
}

/**
 * Turns a failed review action into the messages of its form: field messages at their fields
 * (`place` says which field a server path belongs to, null: none), the rest in the summary.
 */
export function useReviewErrors() {
  const { t, i18n } = useTranslation('review');
  const translate = useCallback(
    (message: string): FieldMessage => {
      const key = reviewMessageKey(message);
      if (key) return { text: (t as (k: string) => string)(`serverMessage.${key}`) };
      return { text: message, lang: i18n.language === 'en' ? undefined : 'en' };
    },
    [t, i18n.language],
  );
  return useCallback(
    (error: unknown, place: (path: string) => string | null): { errors: FormErrors; problem: ApiProblem } => {
      const problem = apiProblem(error);
      const general = (text: string): { errors: FormErrors; problem: ApiProblem } => ({ errors: { fields: {}, general: [{ text }] }, problem });
      switch (problem.code) {
        case 'BAD_USER_INPUT': {
          if (isWrongState(problem)) return general(t('decision.wrongState'));
          return { errors: placeErrors(problem.fields, place, translate), problem };
        }
        case 'UNAUTHENTICATED':
          return general(t('common.sessionEnded'));
        case 'FORBIDDEN':
          return general(t('common.notAllowed'));
        case 'NOT_FOUND':
          return general(t('common.gone'));
        default:
          return general(t('common.actionFailed'));
      }
    },
    [t, translate],
  );
}

/** Each server message at its field (the first per field wins), the others in the general list. */
export function placeErrors(fields: readonly FieldError[], place: (path: string) => string | null, translate: (message: string) => FieldMessage): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  for (const f of fields) {
    const message = translate(f.message);
    const key = place(fieldKey(f.path ?? ''));
    if (key === null) {
      if (!result.general.some((m) => m.text === message.text)) result.general.push(message);
    } else {
      result.fields[key] ??= message;
    }
  }
  return result;
}
