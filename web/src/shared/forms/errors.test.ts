import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client';
import { apiProblem, fieldKey, mapFieldErrors, mergeErrors, resolveField } from './errors';

function graphQLError(errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ errors, data: null } as never);
}

const identity = (message: string) => ({ text: message });

describe('reading API errors', () => {
  it('reads BAD_USER_INPUT with its fields, from every error of that code', () => {
    const problem = apiProblem(
      graphQLError([
        { message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'input.orgNumber', message: 'Check digit' }] } },
        { message: 'Enter a name', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'input.name', message: 'Enter a name' }] } },
      ]),
    );
    expect(problem).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Invalid input',
      fields: [
        { path: 'input.orgNumber', message: 'Check digit' },
        { path: 'input.name', message: 'Enter a name' },
      ],
    });
  });

  it('keeps a BAD_USER_INPUT without fields as a message for the whole form', () => {
    const problem = apiProblem(graphQLError([{ message: 'Variable "$input" got invalid value', extensions: { code: 'BAD_USER_INPUT', fields: [] } }]));
    expect(problem).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: '', message: 'Variable "$input" got invalid value' }] });
  });

  it('reads CONFLICT with the current version and RATE_LIMITED with the wait', () => {
    expect(apiProblem(graphQLError([{ message: 'Changed', extensions: { code: 'CONFLICT', currentVersion: 7 } }]))).toEqual({
      code: 'CONFLICT',
      currentVersion: 7,
      message: 'Changed',
    });
    expect(apiProblem(graphQLError([{ message: 'Wait', extensions: { code: 'RATE_LIMITED', retryAfter: 899.2 } }]))).toEqual({
      code: 'RATE_LIMITED',
      retryAfter: 900,
    });
  });

  it('tells access errors apart, and treats anything else as internal or network', () => {
    expect(apiProblem(graphQLError([{ message: 'x', extensions: { code: 'FORBIDDEN' } }])).code).toBe('FORBIDDEN');
    expect(apiProblem(graphQLError([{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }])).code).toBe('UNAUTHENTICATED');
    expect(apiProblem(graphQLError([{ message: 'x', extensions: { code: 'NOT_FOUND' } }])).code).toBe('NOT_FOUND');
    expect(apiProblem(graphQLError([{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }])).code).toBe('INTERNAL_SERVER_ERROR');
    expect(apiProblem(new Error('Failed to fetch')).code).toBe('NETWORK');
  });
});

describe('mapping server paths to form fields', () => {
  it('strips the input argument from a path', () => {
    expect(fieldKey('input.orgNumber')).toBe('orgNumber');
    expect(fieldKey('input.goals.2.code')).toBe('goals.2.code');
    expect(fieldKey('currentPassword')).toBe('currentPassword');
    expect(fieldKey('input')).toBe('');
  });

  it('finds the nearest field the form has', () => {
    const fields = new Set(['unitIds', 'goals', 'goals.2.code']);
    const has = (k: string) => fields.has(k);
    expect(resolveField('goals.2.code', has)).toBe('goals.2.code');
    expect(resolveField('goals.2.id', has)).toBe('goals');
    expect(resolveField('unitIds.3', has)).toBe('unitIds');
    expect(resolveField('id', has)).toBeNull();
    expect(resolveField('', has)).toBeNull();
  });

  it('puts each message at its field (first one wins) and the rest in the summary', () => {
    const errors = mapFieldErrors(
      [
        { path: 'input.orgNumber', message: 'The check digit does not match.' },
        { path: 'input.orgNumber', message: 'Second message' },
        { path: 'input.goals.1.code', message: 'Two goals have this code' },
        { path: 'id', message: 'An adopted program is not edited in place' },
        { path: '', message: 'Something else' },
        { path: 'id', message: 'An adopted program is not edited in place' },
      ],
      (k) => ['orgNumber', 'goals.1.code'].includes(k),
      identity,
    );
    expect(errors.fields).toEqual({
      orgNumber: { text: 'The check digit does not match.' },
      'goals.1.code': { text: 'Two goals have this code' },
    });
    expect(errors.general).toEqual([{ text: 'An adopted program is not edited in place' }, { text: 'Something else' }]);
  });

  it('merges the form’s own checks with the server’s', () => {
    const merged = mergeErrors(
      { fields: { name: { text: 'Mine' } }, general: [{ text: 'A' }] },
      { fields: { name: { text: 'Server' }, email: { text: 'Taken' } }, general: [{ text: 'A' }, { text: 'B' }] },
    );
    expect(merged).toEqual({ fields: { name: { text: 'Mine' }, email: { text: 'Taken' } }, general: [{ text: 'A' }, { text: 'B' }] });
  });
});
