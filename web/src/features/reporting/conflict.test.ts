import { describe, expect, it } from 'vitest';
import { allChosen, conflictingQuestions, differingParts, NO_ANSWER, sameAnswer, type AnswerState } from './conflict';

const answer = (value: unknown, extra: Partial<AnswerState> = {}): AnswerState => ({ ...NO_ANSWER, value, ...extra });

describe('comparing the form with the saved report', () => {
  it('treats blank, empty lists and missing answers as no answer, and choices in any order as the same', () => {
    expect(sameAnswer(answer(''), NO_ANSWER)).toBe(true);
    expect(sameAnswer(answer([]), NO_ANSWER)).toBe(true);
    expect(sameAnswer(answer(['b', 'a']), answer(['a', 'b']))).toBe(true);
    expect(sameAnswer(answer({ numerator: 43, denominator: 50 }), answer({ denominator: 50, numerator: 43 }))).toBe(true);
    expect(sameAnswer(answer(12), answer(12.5))).toBe(false);
    expect(sameAnswer(answer(true), answer(false))).toBe(false);
    expect(sameAnswer(answer(0), NO_ANSWER)).toBe(false);
  });

  it('compares the note and the confidentiality request too; a reason counts only with the request', () => {
    expect(sameAnswer(answer(1, { note: ' Utökad tid ' }), answer(1, { note: 'Utökad tid' }))).toBe(true);
    expect(sameAnswer(answer(1, { note: 'a' }), answer(1))).toBe(false);
    expect(sameAnswer(answer(1, { confidentialityRequested: true, confidentialityReason: 'OSL' }), answer(1))).toBe(false);
    expect(sameAnswer(answer(1, { confidentialityReason: 'left over' }), answer(1))).toBe(true);
    expect(differingParts(answer(1, { note: 'a' }), answer(2, { note: 'a' }))).toEqual({ value: true, note: false, confidentiality: false });
  });

  it('lists, in template order, exactly the questions that differ', () => {
    const order = ['q1', 'q2', 'q3', 'q4'];
    const mine = new Map([
      ['q1', answer(10)],
      ['q2', answer('ja')],
      ['q4', answer(['a'])],
    ]);
    const saved = new Map([
      ['q4', answer(['a', 'b'])],
      ['q1', answer(10)],
      ['q3', answer('2025-01-01')],
    ]);
    expect(conflictingQuestions(order, mine, saved)).toEqual(['q2', 'q3', 'q4']);
    expect(conflictingQuestions(order, mine, mine)).toEqual([]);
  });

  it('knows when the user has chosen for every question', () => {
    expect(allChosen(['q1', 'q2'], { q1: 'mine' })).toBe(false);
    expect(allChosen(['q1', 'q2'], { q1: 'mine', q2: 'saved' })).toBe(true);
    expect(allChosen([], {})).toBe(true);
  });
});
