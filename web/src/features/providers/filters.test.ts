import { describe, expect, it } from 'vitest';
import { readFilter, toGraphQLFilter, writeFilter } from './filters';
import { orgNumberSearchProblem } from './orgNumberHint';

describe('providers filter in the URL', () => {
  it('reads municipality, ownership and search, ignoring what is not valid', () => {
    const state = readFilter(new URLSearchParams('kommun=2380&driftform=PRIVATE&driftform=IN_HOUSE&driftform=OTHER&sok=%20Hede%20'));
    expect(state).toEqual({ municipalityCode: '2380', ownership: ['IN_HOUSE', 'PRIVATE'], search: 'Hede' });
    expect(readFilter(new URLSearchParams('kommun=Östersund')).municipalityCode).toBe('');
  });

  it('writes the same URL for the same choice, whatever the order of clicks', () => {
    const a = writeFilter({ municipalityCode: '', ownership: ['PRIVATE', 'IN_HOUSE'], search: '' }).toString();
    const b = writeFilter({ municipalityCode: '', ownership: ['IN_HOUSE', 'PRIVATE'], search: '' }).toString();
    expect(a).toBe(b);
    expect(a).toBe('driftform=IN_HOUSE&driftform=PRIVATE');
  });

  it('sends only the conditions that are set', () => {
    expect(toGraphQLFilter({ municipalityCode: '', ownership: [], search: '' })).toEqual({});
    expect(toGraphQLFilter({ municipalityCode: '2361', ownership: ['NON_PROFIT'], search: '' })).toEqual({
      municipalityCode: '2361',
      ownership: ['NON_PROFIT'],
    });
  });
});

describe('organisationsnummer hint at the search field', () => {
  it('says nothing for names and valid numbers', () => {
    expect(orgNumberSearchProblem('Hälsocentralen')).toBeNull();
    expect(orgNumberSearchProblem('556201-9488')).toBeNull();
    expect(orgNumberSearchProblem('5562019488')).toBeNull();
    expect(orgNumberSearchProblem('16556201-9488')).toBeNull();
  });

  it('points out a wrong check digit', () => {
    expect(orgNumberSearchProblem('556201-9489')).toBe('CHECK_DIGIT');
  });
});
