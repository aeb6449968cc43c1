import { describe, expect, it } from 'vitest';
import { charCount, confidentialityRows, latestResponse, sameValue, splitResponses } from './model';

const decision = (id: string, questionId: string, granted: boolean, decidedAt: string) => ({
  id,
  question: { id: questionId },
  granted,
  reason: `r${id}`,
  decidedAt,
  decidedByName: 'Greta',
});

describe('confidentiality requests', () => {
  it('lists requested answers in template order with the latest decision of each', () => {
    const rows = confidentialityRows(
      ['q1', 'q2', 'q3'],
      [
        { question: { id: 'q3' }, confidentialityRequested: true, confidentialityReason: '  ' },
        { question: { id: 'q2' }, confidentialityRequested: false },
        { question: { id: 'q1' }, confidentialityRequested: true, confidentialityReason: 'Prislista' },
      ],
      [decision('a', 'q1', true, '2026-01-01T10:00:00Z'), decision('b', 'q1', false, '2026-01-02T10:00:00Z'), decision('c', 'q2', true, '2026-01-01T10:00:00Z')],
    );
    expect(rows.map((r) => r.questionId)).toEqual(['q1', 'q3']);
    expect(rows[0]!.decision?.id).toBe('b');
    expect(rows[0]!.providerReason).toBe('Prislista');
    expect(rows[1]!.decision).toBeNull();
    expect(rows[1]!.providerReason).toBeNull();
  });
});

describe('public responses', () => {
  const r = (id: string, status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN', submittedAt: string) => ({ id, status, submittedAt });
  it('finds the latest and splits pending from decided, newest first', () => {
    const list = [r('1', 'REJECTED', '2026-01-01T00:00:00Z'), r('3', 'PENDING', '2026-01-03T00:00:00Z'), r('2', 'ACCEPTED', '2026-01-02T00:00:00Z')];
    expect(latestResponse(list)?.id).toBe('3');
    expect(latestResponse([])).toBeNull();
    const { pending, decided } = splitResponses(list);
    expect(pending.map((x) => x.id)).toEqual(['3']);
    expect(decided.map((x) => x.id)).toEqual(['2', '1']);
  });

  it('counts characters as the database does', () => {
    expect(charCount('åäö')).toBe(3);
    expect(charCount('👍🏽')).toBe(2);
  });
});

describe('corrections', () => {
  it('compare values regardless of key order', () => {
    expect(sameValue({ numerator: 4, denominator: 10 }, { denominator: 10, numerator: 4 })).toBe(true);
    expect(sameValue({ numerator: 4, denominator: 10 }, { numerator: 5, denominator: 10 })).toBe(false);
    expect(sameValue(12, 12)).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
