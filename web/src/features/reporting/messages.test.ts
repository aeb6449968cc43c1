import { describe, expect, it } from 'vitest';
import { answerPath, answerProblem, splitAnswerMessage } from './messages';

describe("the server's messages about answers", () => {
  it('split off the question code', () => {
    expect(splitAnswerMessage('1.3: at least 0')).toEqual({ code: '1.3', text: 'at least 0' });
    expect(splitAnswerMessage('T2.1: an answer is required')).toEqual({ code: 'T2.1', text: 'an answer is required' });
    expect(splitAnswerMessage('The report cannot be changed now')).toEqual({ code: null, text: 'The report cannot be changed now' });
  });

  it('become problems the page words in the UI language; ranges of choices count choices', () => {
    expect(answerProblem('1.1: an answer is required', 'INDICATOR_VALUE')).toEqual({ kind: 'required' });
    expect(answerProblem('1.3: at most 80', 'DECIMAL')).toEqual({ kind: 'max', max: 80 });
    expect(answerProblem('1.3: at least -1.5', 'DECIMAL')).toEqual({ kind: 'min', min: -1.5 });
    expect(answerProblem('1.4: at least 1', 'MULTI_CHOICE')).toEqual({ kind: 'minChoices', min: 1 });
    expect(answerProblem('2.2: the file is missing; upload it again', 'ATTACHMENT')).toEqual({ kind: 'fileGone' });
    expect(answerProblem('3.4: Enter a percentage between 0 and 100', 'PERCENT')).toEqual({ kind: 'percent' });
    expect(answerProblem('5.5: say why the answer should be confidential', 'TEXT')).toEqual({ kind: 'reasonMissing' });
    expect(answerProblem('5.5: something new', 'TEXT')).toBeNull();
  });

  it('point at the answer, its reason or its note; other paths are not answers', () => {
    expect(answerPath('answers.0b8b6185-c9a2-4539-b644-fc10180124a0')).toEqual({ questionId: '0b8b6185-c9a2-4539-b644-fc10180124a0', part: 'value' });
    expect(answerPath('answers.q1.confidentialityReason')).toEqual({ questionId: 'q1', part: 'confidentialityReason' });
    expect(answerPath('answers.q1.note')).toEqual({ questionId: 'q1', part: 'note' });
    expect(answerPath('answers.3.questionId')).toBeNull();
    expect(answerPath('reportId')).toBeNull();
  });
});
