export type NotificationKind =
  | 'ROUND_OPENED'
  | 'CHANGES_REQUESTED'
  | 'REPORT_APPROVED'
  | 'THREAD_STARTED'
  | 'REPORT_SUBMITTED'
  | 'DUE_SOON'
  | 'DUE_TODAY'
  | 'OVERDUE'
  | 'REVIEW_WAITING';

export const NOTIFICATION_KINDS: NotificationKind[] = [
  'ROUND_OPENED',
  'CHANGES_REQUESTED',
  'REPORT_APPROVED',
  'THREAD_STARTED',
  'REPORT_SUBMITTED',
  'DUE_SOON',
  'DUE_TODAY',
  'OVERDUE',
  'REVIEW_WAITING',
];

/** E-mail the user cannot turn off: what they must act on. */
export const REQUIRED_EMAIL: NotificationKind[] = ['ROUND_OPENED', 'CHANGES_REQUESTED', 'OVERDUE'];

export interface TextParams {
  report?: string;
  round?: string;
  provider?: string;
  reason?: string;
  due?: string;
  days?: number;
  question?: string;
}

type Texts = Record<NotificationKind, (p: TextParams) => { title: string; body: string }>;

const sv: Texts = {
  ROUND_OPENED: (p) => ({
    title: `Ny uppföljning: ${p.round}`,
    body: `Uppföljningen ${p.round} har öppnat. Rapport ${p.report} ska lämnas in senast ${p.due}.`,
  }),
  CHANGES_REQUESTED: (p) => ({
    title: `Komplettering begärd: ${p.report}`,
    body: `Regionen har begärt komplettering av rapport ${p.report}.\n\nSkäl: ${p.reason}`,
  }),
  REPORT_APPROVED: (p) => ({ title: `Godkänd: ${p.report}`, body: `Regionen har godkänt rapport ${p.report}.` }),
  THREAD_STARTED: (p) => ({
    title: `Ny kommentar på ${p.report}`,
    body: `En granskare har kommenterat ${p.question ? `fråga ${p.question} i ` : ''}rapport ${p.report}.`,
  }),
  REPORT_SUBMITTED: (p) => ({
    title: `Inlämnad: ${p.report}`,
    body: `${p.provider} har lämnat in rapport ${p.report} för granskning.`,
  }),
  DUE_SOON: (p) => ({
    title: `${p.days} dagar kvar: ${p.report}`,
    body: `Rapport ${p.report} ska lämnas in senast ${p.due}, om ${p.days} dagar.`,
  }),
  DUE_TODAY: (p) => ({ title: `Sista dag i dag: ${p.report}`, body: `Rapport ${p.report} ska lämnas in i dag, ${p.due}.` }),
  OVERDUE: (p) => ({
    title: `Försenad: ${p.report}`,
    body: `Rapport ${p.report}${p.provider ? ` från ${p.provider}` : ''} skulle ha lämnats in senast ${p.due}.`,
  }),
  REVIEW_WAITING: (p) => ({
    title: `Väntar på granskning: ${p.report}`,
    body: `Rapport ${p.report} från ${p.provider} har väntat på granskning i mer än ${p.days} dagar.`,
  }),
};

const en: Texts = {
  ROUND_OPENED: (p) => ({
    title: `New follow-up: ${p.round}`,
    body: `The follow-up ${p.round} has opened. Report ${p.report} is due on ${p.due}.`,
  }),
  CHANGES_REQUESTED: (p) => ({
    title: `Changes requested: ${p.report}`,
    body: `The region has asked for changes to report ${p.report}.\n\nReason: ${p.reason}`,
  }),
  REPORT_APPROVED: (p) => ({ title: `Approved: ${p.report}`, body: `The region has approved report ${p.report}.` }),
  THREAD_STARTED: (p) => ({
    title: `New comment on ${p.report}`,
    body: `A reviewer has commented on ${p.question ? `question ${p.question} of ` : ''}report ${p.report}.`,
  }),
  REPORT_SUBMITTED: (p) => ({
    title: `Submitted: ${p.report}`,
    body: `${p.provider} has submitted report ${p.report} for review.`,
  }),
  DUE_SOON: (p) => ({ title: `${p.days} days left: ${p.report}`, body: `Report ${p.report} is due on ${p.due}, in ${p.days} days.` }),
  DUE_TODAY: (p) => ({ title: `Due today: ${p.report}`, body: `Report ${p.report} is due today, ${p.due}.` }),
  OVERDUE: (p) => ({
    title: `Overdue: ${p.report}`,
    body: `Report ${p.report}${p.provider ? ` from ${p.provider}` : ''} was due on ${p.due}.`,
  }),
  REVIEW_WAITING: (p) => ({
    title: `Waiting for review: ${p.report}`,
    body: `Report ${p.report} from ${p.provider} has waited for review for more than ${p.days} days.`,
  }),
};

export function notificationText(language: string, kind: NotificationKind, params: TextParams): { title: string; body: string } {
  return (language === 'en' ? en : sv)[kind](params);
}
