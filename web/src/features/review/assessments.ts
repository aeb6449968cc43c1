import type { FieldError } from '@insyn/shared';
import type { AssessmentRating, GoalAssessmentInput } from '../../gql/graphql';

export const RATINGS: readonly AssessmentRating[] = ['MET', 'PARTLY_MET', 'NOT_MET', 'NOT_ASSESSED'];

/** What the template covers of the program: each goal and the questions that serve it. */
export interface CoveredGoal {
  goal: { id: string; code: string; title: string };
  questions: readonly { id: string; code: string }[];
}

/** One goal's row in the approval form. */
export interface AssessmentRow {
  goalId: string;
  code: string;
  title: string;
  questionCodes: string[];
  rating: AssessmentRating | '';
  motivation: string;
}

/**
 * The rows of the approval form: one per goal the template covers with at least one question
 * (the server wants exactly those), in the template's order, none rated yet. An earlier
 * assessment of the same goal (a report approved before, then reopened) is the starting point.
 */
export function assessmentRows(
  goals: readonly CoveredGoal[],
  previous: readonly { goal: { id: string }; rating: AssessmentRating; motivation?: string | null }[] = [],
): AssessmentRow[] {
  const seen = new Set<string>();
  const rows: AssessmentRow[] = [];
  for (const g of goals) {
    if (g.questions.length === 0 || seen.has(g.goal.id)) continue;
    seen.add(g.goal.id);
    const before = previous.find((a) => a.goal.id === g.goal.id);
    rows.push({
      goalId: g.goal.id,
      code: g.goal.code,
      title: g.goal.title,
      questionCodes: g.questions.map((q) => q.code),
      rating: before?.rating ?? '',
      motivation: before?.motivation ?? '',
    });
  }
  return rows;
}

/** The form's field names of a goal's row. */
export const ratingField = (goalId: string) => `assessments.${goalId}.rating`;
export const motivationField = (goalId: string) => `assessments.${goalId}.motivation`;

/** Rows without a rating: the form's own check before anything is sent. */
export function unratedGoals(rows: readonly AssessmentRow[]): string[] {
  return rows.filter((r) => !r.rating).map((r) => r.goalId);
}

/** The mutation's input, in the rows' order; an empty motivation is left out. */
export function assessmentInput(rows: readonly AssessmentRow[]): GoalAssessmentInput[] {
  return rows.map((r) => {
    if (!r.rating) throw new Error(`Goal ${r.code} has no rating`);
    const motivation = r.motivation.trim();
    return motivation ? { goalId: r.goalId, rating: r.rating, motivation } : { goalId: r.goalId, rating: r.rating };
  });
}

/**
 * The form field a server error belongs to. The server names a missing goal by its id
 * (`assessments.<goalId>`) and a bad item by its position (`assessments.<i>.goalId`,
 * `assessments.<i>.motivation`); both end up at the goal's own field. Null: a general message.
 */
export function assessmentErrorField(path: string, rows: readonly AssessmentRow[]): string | null {
  const m = /^assessments\.([^.]+)(?:\.(\w+))?$/.exec(path);
  if (!m) return null;
  const [, key, part] = m;
  const byId = rows.find((r) => r.goalId === key);
  const row = byId ?? (/^\d+$/.test(key!) ? rows[Number(key)] : undefined);
  if (!row) return null;
  return part === 'motivation' ? motivationField(row.goalId) : ratingField(row.goalId);
}

/** Server field errors of an approval, placed at the goals' fields (the rest are general). */
export function placeAssessmentErrors(fields: readonly FieldError[], rows: readonly AssessmentRow[]): { field: string | null; message: string }[] {
  return fields.map((f) => ({ field: assessmentErrorField(f.path ?? '', rows), message: f.message }));
}
