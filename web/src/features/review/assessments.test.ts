import { describe, expect, it } from 'vitest';
import { assessmentErrorField, assessmentInput, assessmentRows, motivationField, ratingField, unratedGoals, type CoveredGoal } from './assessments';

const goal = (id: string, code: string, questions: string[]): CoveredGoal => ({
  goal: { id, code, title: `Mål ${code}` },
  questions: questions.map((q) => ({ id: `q-${q}`, code: q })),
});

const COVERAGE = [goal('g1', 'M1', ['1.1', '1.2']), goal('g2', 'M2', []), goal('g3', 'M3', ['3.1']), goal('g1', 'M1', ['1.1'])];

describe('the approval form built from the template coverage', () => {
  it('has one row per covered goal with questions, in the template order, none rated', () => {
    const rows = assessmentRows(COVERAGE);
    expect(rows.map((r) => r.code)).toEqual(['M1', 'M3']);
    expect(rows[0]).toEqual({ goalId: 'g1', code: 'M1', title: 'Mål M1', questionCodes: ['1.1', '1.2'], rating: '', motivation: '' });
    expect(unratedGoals(rows)).toEqual(['g1', 'g3']);
  });

  it('starts from an earlier assessment of the same goal', () => {
    const rows = assessmentRows(COVERAGE, [{ goal: { id: 'g3' }, rating: 'PARTLY_MET', motivation: 'Delvis.' }]);
    expect(rows[1]).toMatchObject({ goalId: 'g3', rating: 'PARTLY_MET', motivation: 'Delvis.' });
    expect(unratedGoals(rows)).toEqual(['g1']);
  });

  it('sends one assessment per goal, leaving out an empty motivation', () => {
    const rows = assessmentRows(COVERAGE).map((r, i) => ({ ...r, rating: i === 0 ? ('MET' as const) : ('NOT_ASSESSED' as const), motivation: i === 0 ? '  Bra.  ' : '   ' }));
    expect(assessmentInput(rows)).toEqual([
      { goalId: 'g1', rating: 'MET', motivation: 'Bra.' },
      { goalId: 'g3', rating: 'NOT_ASSESSED' },
    ]);
  });

  it('refuses to build the input while a goal has no rating', () => {
    expect(() => assessmentInput(assessmentRows(COVERAGE))).toThrow(/M1/);
  });

  it('places server errors at the goal they name, by id or by position', () => {
    const rows = assessmentRows(COVERAGE);
    expect(assessmentErrorField('assessments.g3', rows)).toBe(ratingField('g3'));
    expect(assessmentErrorField('assessments.0.goalId', rows)).toBe(ratingField('g1'));
    expect(assessmentErrorField('assessments.1.motivation', rows)).toBe(motivationField('g3'));
    expect(assessmentErrorField('assessments.7.goalId', rows)).toBeNull();
    expect(assessmentErrorField('reportId', rows)).toBeNull();
  });
});
