export type NotificationKind =
  | 'ROUND_OPENED'
  | 'CHANGES_REQUESTED'
  | 'REPORT_APPROVED'
  | 'THREAD_STARTED'
  | 'REPORT_SUBMITTED'
  | 'DUE_SOON'
  | 'DUE_TODAY'
  | 'OVERDUE'
  | 'REVIEW_WAITING'
  | 'REPORT_PUBLISHED'
  | 'VALUE_CORRECTED'
  | 'PUBLIC_RESPONSE_WAITING'
  | 'PUBLIC_RESPONSE_ACCEPTED'
  | 'PUBLIC_RESPONSE_REJECTED'
  | 'INSIGHT_FORWARDED'
  | 'INSIGHT_REMINDED'
  | 'INSIGHT_DUE_SOON';

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
  'REPORT_PUBLISHED',
  'VALUE_CORRECTED',
  'PUBLIC_RESPONSE_WAITING',
  'PUBLIC_RESPONSE_ACCEPTED',
  'PUBLIC_RESPONSE_REJECTED',
  'INSIGHT_FORWARDED',
  'INSIGHT_REMINDED',
  'INSIGHT_DUE_SOON',
];

/** E-mail the user cannot turn off: what they must act on. */
export const REQUIRED_EMAIL: NotificationKind[] = ['ROUND_OPENED', 'CHANGES_REQUESTED', 'OVERDUE', 'INSIGHT_FORWARDED', 'INSIGHT_REMINDED'];

export interface TextParams {
  report?: string;
  round?: string;
  provider?: string;
  reason?: string;
  due?: string;
  days?: number;
  question?: string;
  /** An insight request's reference. */
  request?: string;
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
  REPORT_PUBLISHED: (p) => ({
    title: `Publicerad: ${p.report}`,
    body: `Regionen har publicerat resultaten i rapport ${p.report}. Nu kan alla se dem. Ni kan lämna ett kort offentligt svar som visas bredvid resultaten.`,
  }),
  VALUE_CORRECTED: (p) => ({
    title: `Publicerat värde rättat: ${p.report}`,
    body: `Regionen har rättat det publicerade värdet för fråga ${p.question} i rapport ${p.report}.\n\nSkäl: ${p.reason}`,
  }),
  PUBLIC_RESPONSE_WAITING: (p) => ({
    title: `Offentligt svar att granska: ${p.report}`,
    body: `${p.provider} har lämnat ett offentligt svar på de publicerade resultaten i rapport ${p.report}. Svaret visas när det har godkänts.`,
  }),
  PUBLIC_RESPONSE_ACCEPTED: (p) => ({
    title: `Offentligt svar godkänt: ${p.report}`,
    body: `Regionen har godkänt ert offentliga svar på resultaten i rapport ${p.report}. Det visas nu bredvid resultaten.`,
  }),
  PUBLIC_RESPONSE_REJECTED: (p) => ({
    title: `Offentligt svar inte godkänt: ${p.report}`,
    body: `Regionen har inte godkänt ert offentliga svar på resultaten i rapport ${p.report}. Ni kan skriva ett nytt.\n\nSkäl: ${p.reason}`,
  }),
  INSIGHT_FORWARDED: (p) => ({
    title: `Insynsbegäran att besvara: ${p.request}`,
    body: `Regionen har skickat insynsbegäran ${p.request} till ${p.provider}. Svara senast ${p.due}. Markera det som är affärshemligheter och ange skälen.`,
  }),
  INSIGHT_REMINDED: (p) => ({
    title: `Påminnelse: insynsbegäran ${p.request}`,
    body: `Regionen påminner om insynsbegäran ${p.request}, som ska besvaras senast ${p.due}.`,
  }),
  INSIGHT_DUE_SOON: (p) => ({
    title: `Svara snart: insynsbegäran ${p.request}`,
    body: `Insynsbegäran ${p.request} ska besvaras senast ${p.due}, om ${p.days} dagar.`,
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
  REPORT_PUBLISHED: (p) => ({
    title: `Published: ${p.report}`,
    body: `The region has published the results of report ${p.report}. Everyone can see them now. You may add a short public response, shown beside the results.`,
  }),
  VALUE_CORRECTED: (p) => ({
    title: `Published value corrected: ${p.report}`,
    body: `The region has corrected the published value of question ${p.question} in report ${p.report}.\n\nReason: ${p.reason}`,
  }),
  PUBLIC_RESPONSE_WAITING: (p) => ({
    title: `Public response to review: ${p.report}`,
    body: `${p.provider} has written a public response to the published results of report ${p.report}. It is shown once accepted.`,
  }),
  PUBLIC_RESPONSE_ACCEPTED: (p) => ({
    title: `Public response accepted: ${p.report}`,
    body: `The region has accepted your public response to the results of report ${p.report}. It is now shown beside the results.`,
  }),
  PUBLIC_RESPONSE_REJECTED: (p) => ({
    title: `Public response not accepted: ${p.report}`,
    body: `The region has not accepted your public response to the results of report ${p.report}. You may write a new one.\n\nReason: ${p.reason}`,
  }),
  INSIGHT_FORWARDED: (p) => ({
    title: `Insight request to answer: ${p.request}`,
    body: `The region has forwarded insight request ${p.request} to ${p.provider}. Answer by ${p.due}. Mark what is a business secret and give the reasons.`,
  }),
  INSIGHT_REMINDED: (p) => ({
    title: `Reminder: insight request ${p.request}`,
    body: `The region reminds you of insight request ${p.request}, to be answered by ${p.due}.`,
  }),
  INSIGHT_DUE_SOON: (p) => ({
    title: `Answer soon: insight request ${p.request}`,
    body: `Insight request ${p.request} is to be answered by ${p.due}, in ${p.days} days.`,
  }),
};

export function notificationText(language: string, kind: NotificationKind, params: TextParams): { title: string; body: string } {
  return (language === 'en' ? en : sv)[kind](params);
}

/** Where a requester follows their request (with the tracking code, which no e-mail contains). */
export const INSIGHT_STATUS_LINK = '/insyn/status';

export type InsightStep = 'RECEIVED' | 'REGISTERED' | 'FORWARDED' | 'ANSWERED' | 'DECIDED' | 'CLOSED';

export interface InsightMailParams {
  reference: string;
  step: InsightStep;
  due?: string;
  decision?: 'DISCLOSED' | 'PARTLY_DISCLOSED' | 'REFUSED' | null;
}

const insightStatus = {
  sv: { RECEIVED: 'Mottagen', REGISTERED: 'Registrerad', FORWARDED: 'Skickad till utföraren', ANSWERED: 'Besvarad av utföraren', DECIDED: 'Beslut fattat', CLOSED: 'Avslutad' },
  en: { RECEIVED: 'Received', REGISTERED: 'Registered', FORWARDED: 'Sent to the provider', ANSWERED: 'Answered by the provider', DECIDED: 'Decided', CLOSED: 'Closed' },
} as const;
const insightDecision = {
  sv: { DISCLOSED: 'uppgifterna lämnas ut', PARTLY_DISCLOSED: 'uppgifterna lämnas ut delvis', REFUSED: 'uppgifterna lämnas inte ut' },
  en: { DISCLOSED: 'the information is disclosed', PARTLY_DISCLOSED: 'the information is partly disclosed', REFUSED: 'the information is not disclosed' },
} as const;

/**
 * E-mail to the person who filed an insight request: its reference and status, nothing they did
 * not write themselves, and never the tracking code. The link to the status page is added below.
 */
export function insightRequesterText(language: string, p: InsightMailParams): { title: string; body: string } {
  const lang = language === 'en' ? 'en' : 'sv';
  const status = insightStatus[lang][p.step];
  if (lang === 'en') {
    const lines = [`Your insight request ${p.reference} now has the status: ${status}.`];
    if (p.step === 'RECEIVED') lines.push('We have received your request. Keep the tracking code you were given: you need it to follow the request.');
    if (p.step === 'FORWARDED' && p.due) lines.push(`The provider is to answer by ${p.due}.`);
    if (p.step === 'DECIDED' && p.decision) lines.push(`Decision: ${insightDecision.en[p.decision]}. Read the decision and how to appeal on the status page.`);
    lines.push('Follow the request on the status page with your tracking code:');
    return { title: `Insight request ${p.reference}: ${status}`, body: lines.join('\n\n') };
  }
  const lines = [`Din insynsbegäran ${p.reference} har nu status: ${status}.`];
  if (p.step === 'RECEIVED') lines.push('Vi har tagit emot din begäran. Spara spårningskoden du fick: du behöver den för att följa begäran.');
  if (p.step === 'FORWARDED' && p.due) lines.push(`Utföraren ska svara senast ${p.due}.`);
  if (p.step === 'DECIDED' && p.decision) lines.push(`Beslut: ${insightDecision.sv[p.decision]}. Läs beslutet och hur du överklagar på statussidan.`);
  lines.push('Följ begäran på statussidan med din spårningskod:');
  return { title: `Insynsbegäran ${p.reference}: ${status}`, body: lines.join('\n\n') };
}
