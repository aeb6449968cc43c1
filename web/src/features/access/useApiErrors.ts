import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiProblem, mapFieldErrors, type ApiProblem, type FieldMessage, type FormErrors } from '../../shared/forms/errors';
import { serverMessageKey } from '../../shared/forms/serverMessages';

/** Turns the API's (English) field messages into the UI language. */
export function useServerMessage(): (message: string) => FieldMessage {
  const { t, i18n } = useTranslation('access');
  return useCallback(
    (message: string) => {
      const known = serverMessageKey(message);
      if (known) {
        const text = (t as (key: string, options: object) => string)(known.key, { ns: known.ns, ...known.values });
        return { text };
      }
      return { text: message, lang: i18n.language === 'en' ? undefined : 'en' };
    },
    [t, i18n.language],
  );
}

/**
 * Maps a failed save to the form: field messages at their fields, everything else as a general
 * message in the summary. A CONFLICT is returned as the problem for the page to offer a choice.
 */
export function useApiErrors() {
  const { t } = useTranslation();
  const { t: tAccess } = useTranslation('access');
  const translate = useServerMessage();
  return useCallback(
    (error: unknown, isField: (key: string) => boolean): { errors: FormErrors; problem: ApiProblem } => {
      const problem = apiProblem(error);
      switch (problem.code) {
        case 'BAD_USER_INPUT':
          return { errors: mapFieldErrors(problem.fields, isField, translate), problem };
        case 'UNAUTHENTICATED':
          return { errors: { fields: {}, general: [{ text: t('form.sessionEnded') }] }, problem };
        case 'FORBIDDEN':
          return { errors: { fields: {}, general: [{ text: t('form.notAllowed') }] }, problem };
        case 'NOT_FOUND':
          return { errors: { fields: {}, general: [{ text: tAccess('common.gone') }] }, problem };
        case 'CONFLICT':
          return { errors: { fields: {}, general: [{ text: tAccess('conflict.title', { what: '' }) }] }, problem };
        default:
          return { errors: { fields: {}, general: [{ text: t('form.saveFailed') }] }, problem };
      }
    },
    [t, tAccess, translate],
  );
}

/** A field checker for a fixed list of keys. */
export function fieldsOf(...keys: string[]): (key: string) => boolean {
  const set = new Set(keys);
  return (key) => set.has(key);
}

/** A translate function for helpers that build keys at run time (the keys are checked by tests). */
export type LooseT = (key: string, options?: Record<string, unknown>) => string;
export function loose(t: unknown): LooseT {
  return t as LooseT;
}
