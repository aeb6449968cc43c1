import { describe, expect, it } from 'vitest';
import { countChanges, pickPair, sideOf } from './compare';

describe('comparing versions of the equal conditions', () => {
  it('picks the versions in the address, else the one before the latest and the latest', () => {
    expect(pickPair([1, 2, 3], null, null)).toEqual({ from: 2, to: 3 });
    expect(pickPair([3, 1, 2], '1', '3')).toEqual({ from: 1, to: 3 });
    expect(pickPair([1, 2, 3], '9', 'x')).toEqual({ from: 2, to: 3 });
    expect(pickPair([1], null, null)).toEqual({ from: 1, to: 1 });
    expect(pickPair([], '1', '2')).toBeNull();
  });

  it('counts the kinds of change', () => {
    expect(countChanges([{ change: 'ADDED' }, { change: 'CHANGED' }, { change: 'CHANGED' }, { change: 'UNCHANGED' }])).toEqual({
      ADDED: 1,
      REMOVED: 0,
      CHANGED: 2,
      UNCHANGED: 1,
    });
  });

  it('shows removed words on the older side and added words on the newer side', () => {
    const segments = [
      { kind: 'SAME' as const, text: 'varje ' },
      { kind: 'REMOVED' as const, text: 'månad' },
      { kind: 'ADDED' as const, text: 'kvartal' },
    ];
    expect(sideOf(segments, 'old').map((s) => s.text).join('')).toBe('varje månad');
    expect(sideOf(segments, 'new').map((s) => s.text).join('')).toBe('varje kvartal');
  });
});
