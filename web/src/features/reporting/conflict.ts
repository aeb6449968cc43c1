/**
 * After a conflict: which answers differ between what the user has in the form and what is saved
 * now. Each of those the user decides ("Behåll mitt svar" / "Använd det sparade"); nothing is
 * merged without asking.
 */

/** One answer as stored: value, note and confidentiality request. */
export interface AnswerState {
  value: unknown;
  note: string | null;
  confidentialityRequested: boolean;
  confidentialityReason: string | null;
}

export const NO_ANSWER: AnswerState = { value: null, note: null, confidentialityRequested: false, confidentialityReason: null };

function normalValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) return value.length === 0 ? null : [...value].map(String).sort();
  if (typeof value === 'object') {
    const { numerator, denominator } = value as { numerator?: unknown; denominator?: unknown };
    return { numerator, denominator };
  }
  return value;
}

function normalText(text: string | null | undefined): string | null {
  const t = text?.trim() ?? '';
  return t === '' ? null : t;
}

/** Whether two answers say the same (blank is no answer; choices in any order; a reason only counts with the request). */
export function sameAnswer(a: AnswerState, b: AnswerState): boolean {
  if (JSON.stringify(normalValue(a.value)) !== JSON.stringify(normalValue(b.value))) return false;
  if (normalText(a.note) !== normalText(b.note)) return false;
  if (Boolean(a.confidentialityRequested) !== Boolean(b.confidentialityRequested)) return false;
  if (a.confidentialityRequested && normalText(a.confidentialityReason) !== normalText(b.confidentialityReason)) return false;
  return true;
}

/** Which parts of two answers differ, for the comparison table. */
export function differingParts(a: AnswerState, b: AnswerState): { value: boolean; note: boolean; confidentiality: boolean } {
  return {
    value: JSON.stringify(normalValue(a.value)) !== JSON.stringify(normalValue(b.value)),
    note: normalText(a.note) !== normalText(b.note),
    confidentiality:
      Boolean(a.confidentialityRequested) !== Boolean(b.confidentialityRequested) ||
      (Boolean(a.confidentialityRequested) && normalText(a.confidentialityReason) !== normalText(b.confidentialityReason)),
  };
}

/**
 * The questions, in template order, whose answer in the form (`mine`) is not the one saved now
 * (`saved`). A question missing from a map has no answer there.
 */
export function conflictingQuestions(
  questionIds: readonly string[],
  mine: ReadonlyMap<string, AnswerState>,
  saved: ReadonlyMap<string, AnswerState>,
): string[] {
  return questionIds.filter((id) => !sameAnswer(mine.get(id) ?? NO_ANSWER, saved.get(id) ?? NO_ANSWER));
}

export type Choice = 'mine' | 'saved';

/** Whether the user has chosen for every differing question. */
export function allChosen(ids: readonly string[], choices: Readonly<Record<string, Choice | undefined>>): boolean {
  return ids.every((id) => choices[id] === 'mine' || choices[id] === 'saved');
}
