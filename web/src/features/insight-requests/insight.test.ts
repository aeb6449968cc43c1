import { describe, expect, it } from 'vitest';
import { addWorkingDays, answerField, checkAnswer, checkDecision, decisionInput, readInsightFilter, standardAppeal, toGqlFilter, writeInsightFilter } from './insight';

describe('the filter of the insight request list', () => {
  it('reads and writes the URL, ignoring unknown statuses', () => {
    const f = readInsightFilter(new URLSearchParams('status=FORWARDED&forsenade=1'));
    expect(f).toEqual({ status: 'FORWARDED', overdue: true });
    expect(writeInsightFilter(f).toString()).toBe('status=FORWARDED&forsenade=1');
    expect(readInsightFilter(new URLSearchParams('status=NOPE'))).toEqual({ status: '', overdue: false });
    expect(toGqlFilter({ status: '', overdue: false })).toBeNull();
    expect(toGqlFilter({ status: 'ANSWERED', overdue: true })).toEqual({ status: ['ANSWERED'], overdue: true });
  });
});

describe('the suggested due date', () => {
  it('counts ten working days, skipping weekends and public holidays, as the server does', () => {
    // Friday 4 December 2026 → Friday 18 December.
    expect(addWorkingDays('2026-12-04', 10)).toBe('2026-12-18');
    // Saturday → the following Friday week.
    expect(addWorkingDays('2026-12-05', 10)).toBe('2026-12-18');
    expect(addWorkingDays('2026-12-07', 1)).toBe('2026-12-08');
    // Over Christmas and New Year: 24–26 and 31 December and 1 and 6 January are not working days.
    expect(addWorkingDays('2026-12-18', 10)).toBe('2027-01-08');
  });
});

describe('the answer form', () => {
  it('needs an answer, and text and reason for every secret part', () => {
    expect(checkAnswer('', [])).toEqual({ answer: 'answerMissing' });
    expect(checkAnswer('Svar', [{ key: 'a', text: 'Priser', reason: '' }, { key: 'b', text: ' ', reason: 'x' }])).toEqual({
      'secretParts.0.reason': 'secretReasonMissing',
      'secretParts.1.text': 'secretTextMissing',
    });
    expect(answerField('input.secretParts.1.reason')).toBe('secretParts.1.reason');
    expect(answerField('secretParts')).toBe('answer');
    expect(answerField('answer')).toBe('answer');
    expect(answerField('id')).toBeNull();
  });
});

describe('the decision form', () => {
  it('asks a refusal for legal ground and appeal note, and sends them only then', () => {
    expect(checkDecision({ decision: '', legalGround: '', appealNote: '', text: '' })).toEqual({ decision: 'decisionMissing', text: 'textMissing' });
    expect(checkDecision({ decision: 'DISCLOSED', legalGround: '', appealNote: '', text: 'Uppgifterna bifogas.' })).toEqual({});
    expect(checkDecision({ decision: 'REFUSED', legalGround: ' ', appealNote: '', text: 'Nej' })).toEqual({ legalGround: 'legalGroundMissing', appealNote: 'appealMissing' });
    expect(decisionInput({ decision: 'DISCLOSED', legalGround: 'OSL', appealNote: 'x', text: ' Ja ' })).toEqual({ decision: 'DISCLOSED', legalGround: null, appealNote: null, text: 'Ja' });
    expect(decisionInput({ decision: 'PARTLY_DISCLOSED', legalGround: ' OSL 31 kap. 16 § ', appealNote: 'Överklaga', text: 'Delvis' })).toEqual({
      decision: 'PARTLY_DISCLOSED',
      legalGround: 'OSL 31 kap. 16 §',
      appealNote: 'Överklaga',
      text: 'Delvis',
    });
  });

  it('prefills the appeal text in the requester language, Swedish by default', () => {
    expect(standardAppeal('sv')).toContain('Kammarrätten i Sundsvall');
    expect(standardAppeal(null)).toContain('tre veckor');
    expect(standardAppeal('en')).toContain('three weeks');
  });
});
