import type { QuestionType } from '../../gql/graphql';
import type { Problem } from './values';

/**
 * The server names an answer's problem as "<question code>: <message>" in English (values.ts of
 * the server). The editor shows it at the question, where the code is already in the label, in
 * the UI language: each known message becomes a Problem, whose text the page has in both
 * languages. Unknown messages are shown as they came.
 */

export type ServerProblem =
  | Problem
  | { kind: 'fileGone' }
  | { kind: 'fileMissing' }
  | { kind: 'reasonMissing' }
  | { kind: 'noteTooLong' }
  | { kind: 'textTooLong' }
  | { kind: 'invalid' };

const EXACT: Record<string, ServerProblem> = {
  'an answer is required': { kind: 'required' },
  'Answer yes or no (true or false)': { kind: 'choice' },
  'Enter a whole number': { kind: 'integer' },
  'Enter a number': { kind: 'number' },
  'Enter a percentage between 0 and 100': { kind: 'percent' },
  'Enter text': { kind: 'invalid' },
  'The text is too long (at most 20,000 characters)': { kind: 'textTooLong' },
  'Choose one of the options': { kind: 'choice' },
  'Choose among the options': { kind: 'choice' },
  'Each option can be chosen once': { kind: 'choice' },
  'Enter a date as YYYY-MM-DD': { kind: 'date' },
  'Upload a file': { kind: 'fileMissing' },
  'Enter numerator and denominator': { kind: 'numeratorInvalid' },
  'Enter numerator and denominator as numbers': { kind: 'numeratorInvalid' },
  'The numerator cannot be negative': { kind: 'numeratorNegative' },
  'The denominator must be greater than zero': { kind: 'denominatorNotPositive' },
  'the file is missing; upload it again': { kind: 'fileGone' },
  'say why the answer should be confidential': { kind: 'reasonMissing' },
  'the note is too long': { kind: 'noteTooLong' },
  'answered twice in one save': { kind: 'invalid' },
};

/** Splits "1.3: at least 0" into the question code and the message. */
export function splitAnswerMessage(message: string): { code: string | null; text: string } {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,29}): (.+)$/s.exec(message);
  return m ? { code: m[1]!, text: m[2]! } : { code: null, text: message };
}

/** The Problem of a server message about an answer, or null when the message is not known. */
export function answerProblem(message: string, type: QuestionType | null): ServerProblem | null {
  const { text } = splitAnswerMessage(message);
  const exact = EXACT[text];
  if (exact) return exact;
  const least = /^at least (-?[\d.]+)$/.exec(text);
  if (least) {
    const min = Number(least[1]);
    return type === 'MULTI_CHOICE' ? { kind: 'minChoices', min } : { kind: 'min', min };
  }
  const most = /^at most (-?[\d.]+)$/.exec(text);
  if (most) {
    const max = Number(most[1]);
    return type === 'MULTI_CHOICE' ? { kind: 'maxChoices', max } : { kind: 'max', max };
  }
  return null;
}

/**
 * Where a server path points in the report: `answers.<questionId>` (the answer) or
 * `answers.<questionId>.confidentialityReason` / `.note`; null for anything else.
 */
export function answerPath(path: string): { questionId: string; part: 'value' | 'confidentialityReason' | 'note' } | null {
  const m = /^answers\.([^.]+)(?:\.(confidentialityReason|note))?$/.exec(path);
  if (!m || /^\d+$/.test(m[1]!)) return null;
  return { questionId: m[1]!, part: (m[2] as 'confidentialityReason' | 'note' | undefined) ?? 'value' };
}
