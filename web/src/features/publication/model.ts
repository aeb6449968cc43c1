import type { PublicResponseStatus } from '../../gql/graphql';

/**
 * The publication panel's rules that do not depend on React: which confidentiality requests still
 * need a decision, which public response is the provider's latest, and whether a correction says
 * something new.
 */

export interface RequestedAnswer {
  question: { id: string };
  confidentialityRequested: boolean;
  confidentialityReason?: string | null;
}

export interface DecisionLike {
  id: string;
  question: { id: string };
  granted: boolean;
  reason: string;
  decidedAt: string;
  decidedByName: string;
}

export interface ConfidentialityRow<D extends DecisionLike> {
  questionId: string;
  providerReason: string | null;
  /** The latest decision (decisions are append-only; a later one replaces an earlier one). */
  decision: D | null;
}

/**
 * Each answer whose confidentiality the provider asked for, in the order of the template, with
 * the region's latest decision on it.
 */
export function confidentialityRows<D extends DecisionLike>(
  questionOrder: readonly string[],
  answers: readonly RequestedAnswer[],
  decisions: readonly D[],
): ConfidentialityRow<D>[] {
  const latest = new Map<string, D>();
  for (const d of decisions) {
    const seen = latest.get(d.question.id);
    if (!seen || seen.decidedAt <= d.decidedAt) latest.set(d.question.id, d);
  }
  const position = new Map(questionOrder.map((id, i) => [id, i]));
  return answers
    .filter((a) => a.confidentialityRequested)
    .map((a) => ({ questionId: a.question.id, providerReason: a.confidentialityReason?.trim() || null, decision: latest.get(a.question.id) ?? null }))
    .sort((a, b) => (position.get(a.questionId) ?? Infinity) - (position.get(b.questionId) ?? Infinity));
}

export interface ResponseLike {
  id: string;
  status: PublicResponseStatus;
  submittedAt: string;
}

/** Newest first. */
export function byNewest<R extends ResponseLike>(responses: readonly R[]): R[] {
  return [...responses].sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0));
}

/** The provider's latest response, whatever its status. */
export function latestResponse<R extends ResponseLike>(responses: readonly R[]): R | null {
  return byNewest(responses)[0] ?? null;
}

/** The responses waiting for a reviewer, newest first, and the rest. */
export function splitResponses<R extends ResponseLike>(responses: readonly R[]): { pending: R[]; decided: R[] } {
  const sorted = byNewest(responses);
  return { pending: sorted.filter((r) => r.status === 'PENDING'), decided: sorted.filter((r) => r.status !== 'PENDING') };
}

/** Same JSON value (object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** The limit of a public response (the database's CHECK). */
export const RESPONSE_MAX = 2000;

/** Characters as the database counts them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  return [...text].length;
}
