import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiProblem, type ApiProblem, type FieldMessage, type FormErrors } from '../../shared/forms/errors';
import { placeErrors } from '../review/errors';

/**
 * The API's (English) messages of publication and insight requests that have a text of their own
 * in the UI language (publication:serverMessage.*). Others are shown as they came, marked English.
 */
const KNOWN: [RegExp, string][] = [
  [/^(Say why|Give a reason|A reason is required|Write a reason)/i, 'reasonMissing'],
  [/^The reason is too long/i, 'reasonTooLong'],
  [/^The response is too long/i, 'bodyTooLong'],
  [/^(Write a response|The response is empty)/i, 'bodyMissing'],
  [/confidentiality request.*(decision|decided)/i, 'undecided'],
  [/not published/i, 'notPublished'],
  [/not approved/i, 'notApproved'],
];

export function publicationMessageKey(message: string): string | null {
  return KNOWN.find(([re]) => re.test(message))?.[1] ?? null;
}

export type ActionResult = { errors: FormErrors; problem: ApiProblem; conflict: boolean };

/**
 * Turns a failed action into the messages of its form: field messages at their fields (`place`
 * says which field a server path belongs to, null: none), the rest in the summary. `conflict`
 * says someone else changed the object first: the page offers to reload.
 */
export function usePublicationErrors() {
  const { t, i18n } = useTranslation('publication');
  const translate = useCallback(
    (message: string): FieldMessage => {
      const key = publicationMessageKey(message);
      if (key) return { text: (t as (k: string) => string)(`serverMessage.${key}`) };
      return { text: message, lang: i18n.language === 'en' ? undefined : 'en' };
    },
    [t, i18n.language],
  );
  return useCallback(
    (error: unknown, place: (path: string) => string | null = () => null): ActionResult => {
      const problem = apiProblem(error);
      const general = (text: string, conflict = false): ActionResult => ({ errors: { fields: {}, general: [{ text }] }, problem, conflict });
      switch (problem.code) {
        case 'BAD_USER_INPUT':
          return { errors: placeErrors(problem.fields, place, translate), problem, conflict: false };
        case 'CONFLICT':
          return general(t('conflict.body'), true);
        case 'UNAUTHENTICATED':
          return general(t('common.sessionEnded'));
        case 'FORBIDDEN':
          return general(t('common.notAllowed'));
        case 'NOT_FOUND':
          return general(t('common.gone'));
        case 'RATE_LIMITED':
          return general(t('common.rateLimited'));
        default:
          return general(t('common.actionFailed'));
      }
    },
    [t, translate],
  );
}
