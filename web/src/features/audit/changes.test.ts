import { describe, expect, it } from 'vitest';
import { changesOf, describeValue } from './changes';

const words = { empty: '(tomt)', yes: 'Ja', no: 'Nej', items: (n: number) => `${n} rader` };

describe('audit changes', () => {
  it('lists each field once, in order, and knows which side it is on', () => {
    expect(changesOf({ name: 'A', roles: ['ADMIN'] }, { name: 'B', active: false })).toEqual([
      { field: 'name', before: 'A', after: 'B', hadBefore: true, hasAfter: true },
      { field: 'roles', before: ['ADMIN'], after: undefined, hadBefore: true, hasAfter: false },
      { field: 'active', before: undefined, after: false, hadBefore: false, hasAfter: true },
    ]);
    expect(changesOf(null, null)).toEqual([]);
  });

  it('describes values in words', () => {
    expect(describeValue(null, words)).toBe('(tomt)');
    expect(describeValue(true, words)).toBe('Ja');
    expect(describeValue(86.5, words)).toBe('86.5');
    expect(describeValue(['ADMIN', 'AUDITOR'], words, (v) => (v === 'ADMIN' ? 'Administratör' : 'Revisor'))).toBe('Administratör, Revisor');
    expect(describeValue([{ code: 'M1', title: 'x' }, { code: 'M2' }], words)).toBe('2 rader: M1, M2');
    expect(describeValue({ a: 1 }, words)).toBe('{"a":1}');
    expect(describeValue('x'.repeat(500), words)).toHaveLength(240);
  });
});
