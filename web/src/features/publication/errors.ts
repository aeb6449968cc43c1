import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiProblem, type ApiProblem, type FieldMessage, type FormErrors } from '../../shared/forms/errors';
import { placeErrors } from '../review/errors';

/**
 * The API's (English) messages of publication and insight requests that have a text of their own
 * in the UI language (publication:serverMessage.*). Others are shown as they came, marked English.
 */
const KNOWN: [RegExp, string][] = [
  [/^(Say why|Give a reason|Give the reason|A reason is required|Write a reason)/i, 'reasonMissing'],
  [/^The reason is too long/i, 'reasonTooLong'],
  [/^The response is too long/i, 'bodyTooLong'],
  [/^(Write the response|Write a response|The response is empty)/i, 'bodyMissing'],
  [/^The response contains control characters/i, 'bodyControl'],
  [/^Write plain text; HTML is not allowed/i, 'noHtml'],
  [/^Choose a due date in the future/i, 'dueFuture'],
  [/^Choose a due date within a year/i, 'dueYear'],
  [/^Give the legal ground/i, 'legalGroundMissing'],
  [/^Say how the decision can be appealed/i, 'appealMissing'],
  [/^In-house units answer directly/i, 'inHouse'],
  [/confidentiality request.*(decision|decided)/i, 'undecided'],
];

/**
 * Refusals because the object changed under the user (someone else published, decided or moved
 * the request on): the page offers to reload rather than showing a field message.
 */
const STALE = [
  /^Not allowed when the (report|request) is /,
  /already published/,
  /only a pending one is decided/,
  /^Only a published report's values are corrected/,
];

export function isStale(problem: ApiProblem): boolean {
  return problem.code === 'BAD_USER_INPUT' && problem.fields.some((f) => STALE.some((re) => re.test(f.message)));
}

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
          if (isStale(problem)) return general(t('conflict.body'), true);
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
