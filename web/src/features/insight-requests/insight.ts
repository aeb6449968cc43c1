import type { InsightDecision, InsightRequestStatus } from '../../gql/graphql';

/**
 * The handling of an insight request without React: statuses in order, the filter in the URL,
 * the suggested due date, the standard appeal text, and the checks of the answer and decision forms.
 */

export const INSIGHT_STATUSES: InsightRequestStatus[] = ['RECEIVED', 'REGISTERED', 'FORWARDED', 'ANSWERED', 'DECIDED', 'CLOSED'];
export const DECISIONS: InsightDecision[] = ['DISCLOSED', 'PARTLY_DISCLOSED', 'REFUSED'];

export interface InsightFilterState {
  status: InsightRequestStatus | '';
  overdue: boolean;
}

export function readInsightFilter(params: URLSearchParams): InsightFilterState {
  const status = params.get('status') ?? '';
  return {
    status: (INSIGHT_STATUSES as string[]).includes(status) ? (status as InsightRequestStatus) : '',
    overdue: params.get('forsenade') === '1',
  };
}

export function writeInsightFilter(filter: InsightFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.overdue) params.set('forsenade', '1');
  return params;
}

export function toGqlFilter(filter: InsightFilterState): { status?: InsightRequestStatus[]; overdue?: boolean } | null {
  const out: { status?: InsightRequestStatus[]; overdue?: boolean } = {};
  if (filter.status) out.status = [filter.status];
  if (filter.overdue) out.overdue = true;
  return Object.keys(out).length > 0 ? out : null;
}

/** The answer time the issue sets for a forwarded request: working days in Sweden (no weekends or public holidays). */
export { addWorkingDaysToDate as addWorkingDays, INSIGHT_ANSWER_WORKING_DAYS as DEFAULT_WORKING_DAYS } from '@insyn/shared';

/**
 * How to appeal a refusal (OSL 6 kap. 7 §, förvaltningslagen 44 §): the region's standard text,
 * in the requester's language when they wrote in English.
 */
export const STANDARD_APPEAL: Record<'sv' | 'en', string> = {
  sv:
    'Du kan överklaga beslutet till Kammarrätten i Sundsvall. Skicka överklagandet till Region Jämtland Härjedalen, ' +
    'som prövar om beslutet ska ändras och annars skickar det vidare till kammarrätten. Överklagandet ska ha kommit in ' +
    'inom tre veckor från den dag du fick del av beslutet. Skriv vilket beslut du överklagar, hur du vill att det ska ' +
    'ändras och varför, och ange diarienumret.',
  en:
    'You can appeal against the decision to the Administrative Court of Appeal in Sundsvall (Kammarrätten i Sundsvall). ' +
    'Send the appeal to Region Jämtland Härjedalen, which considers whether to change the decision and otherwise forwards ' +
    'it to the court. The appeal must reach the region within three weeks of the day you were told of the decision. ' +
    'Say which decision you appeal against, how you want it changed and why, and give the reference number.',
};

export function standardAppeal(language: string | null | undefined): string {
  return language === 'en' ? STANDARD_APPEAL.en : STANDARD_APPEAL.sv;
}

/** A refusal, whole or partial, names its legal ground and how to appeal. */
export function needsGround(decision: InsightDecision | ''): boolean {
  return decision === 'REFUSED' || decision === 'PARTLY_DISCLOSED';
}

export interface SecretRow {
  key: string;
  text: string;
  reason: string;
}

export type FieldKey = string;

/** The answer form's problems by field: "answer", "secretParts.2.text", "secretParts.2.reason". */
export function checkAnswer(answer: string, parts: readonly SecretRow[]): Record<FieldKey, 'answerMissing' | 'secretTextMissing' | 'secretReasonMissing'> {
  const out: Record<string, 'answerMissing' | 'secretTextMissing' | 'secretReasonMissing'> = {};
  if (!answer.trim()) out['answer'] = 'answerMissing';
  parts.forEach((p, i) => {
    if (!p.text.trim()) out[`secretParts.${i}.text`] = 'secretTextMissing';
    if (!p.reason.trim()) out[`secretParts.${i}.reason`] = 'secretReasonMissing';
  });
  return out;
}

export interface DecisionValues {
  decision: InsightDecision | '';
  legalGround: string;
  appealNote: string;
  text: string;
}

export function checkDecision(v: DecisionValues): Record<FieldKey, 'decisionMissing' | 'legalGroundMissing' | 'appealMissing' | 'textMissing'> {
  const out: Record<string, 'decisionMissing' | 'legalGroundMissing' | 'appealMissing' | 'textMissing'> = {};
  if (!v.decision) out['decision'] = 'decisionMissing';
  if (needsGround(v.decision)) {
    if (!v.legalGround.trim()) out['legalGround'] = 'legalGroundMissing';
    if (!v.appealNote.trim()) out['appealNote'] = 'appealMissing';
  }
  if (!v.text.trim()) out['text'] = 'textMissing';
  return out;
}

/** The decision as the API takes it: ground and appeal note only for a refusal. */
export function decisionInput(v: DecisionValues): { decision: InsightDecision; legalGround: string | null; appealNote: string | null; text: string } {
  const ground = needsGround(v.decision);
  return {
    decision: v.decision as InsightDecision,
    legalGround: ground ? v.legalGround.trim() : null,
    appealNote: ground ? v.appealNote.trim() : null,
    text: v.text.trim(),
  };
}

/** Server paths of the answer form to its fields ("secretParts.1.reason" stays; "input.answer" → "answer"). */
export function answerField(path: string): string | null {
  const p = path.replace(/^input\./, '');
  if (p === 'answer') return 'answer';
  const m = /^secretParts\.(\d+)\.(text|reason)$/.exec(p);
  if (m) return `secretParts.${m[1]}.${m[2]}`;
  if (p.startsWith('secretParts')) return 'answer';
  return null;
}
