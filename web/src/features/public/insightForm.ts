import type { TFunction } from 'i18next';
import type { FieldError } from '@insyn/shared';
import { mapFieldErrors, NO_ERRORS, type FieldMessage, type FormErrors } from '../../shared/forms/errors';

export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const EMAIL_MAX = 254;

export interface InsightFormValues {
  subject: string;
  description: string;
  providerId: string;
  unitId: string;
  email: string;
}

export const EMPTY_INSIGHT_FORM: InsightFormValues = { subject: '', description: '', providerId: '', unitId: '', email: '' };
export const INSIGHT_FIELDS = ['subject', 'description', 'providerId', 'unitId', 'email'] as const;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The checks the server makes too, so most mistakes are shown before anything is sent. */
export function validateInsightForm(values: InsightFormValues, t: TFunction<'public'>): FormErrors {
  const fields: Record<string, FieldMessage> = {};
  const subject = values.subject.trim();
  const description = values.description.trim();
  const email = values.email.trim();
  if (!subject) fields['subject'] = { text: t('insight.errors.subjectMissing') };
  else if (subject.length > SUBJECT_MAX) fields['subject'] = { text: t('insight.errors.subjectTooLong', { max: SUBJECT_MAX }) };
  if (!description) fields['description'] = { text: t('insight.errors.descriptionMissing') };
  else if (description.length > DESCRIPTION_MAX) fields['description'] = { text: t('insight.errors.descriptionTooLong', { max: DESCRIPTION_MAX }) };
  if (email && (email.length > EMAIL_MAX || !EMAIL.test(email))) fields['email'] = { text: t('insight.errors.emailInvalid') };
  return Object.keys(fields).length ? { fields, general: [] } : NO_ERRORS;
}

/** The server's (English) field messages in the UI language, at their fields. */
export function insightServerErrors(fields: FieldError[], t: TFunction<'public'>): FormErrors {
  const keyOf = (path: string) => path.replace(/^input\./, '');
  const byField = fields.map((f) => ({ ...f, field: keyOf(f.path ?? '') }));
  return mapFieldErrors(
    byField.map((f) => ({ path: f.field, message: `${f.field}\u0000${f.message}` })),
    (key) => (INSIGHT_FIELDS as readonly string[]).includes(key),
    (tagged) => {
      const [field = '', message = ''] = tagged.split('\u0000');
      return translateServerMessage(field, message, t);
    },
  );
}

function translateServerMessage(field: string, message: string, t: TFunction<'public'>): FieldMessage {
  if (/^Enter /.test(message)) {
    if (field === 'subject') return { text: t('insight.errors.subjectMissing') };
    if (field === 'description') return { text: t('insight.errors.descriptionMissing') };
  }
  if (/^At most /.test(message)) {
    if (field === 'subject') return { text: t('insight.errors.subjectTooLong', { max: SUBJECT_MAX }) };
    if (field === 'description') return { text: t('insight.errors.descriptionTooLong', { max: DESCRIPTION_MAX }) };
  }
  if (field === 'email') return { text: t('insight.errors.emailInvalid') };
  if (field === 'providerId' || field === 'unitId') return { text: t('insight.errors.invalidChoice') };
  return { text: message, lang: 'en' };
}

/** "7k2qd 9xh4m…" → "7K2QD-9XH4M-…": the code as the receipt shows it (the server accepts any form). */
export function tidyTrackingCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '-').replace(/-+/g, '-');
}
