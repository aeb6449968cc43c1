import { describe, expect, it } from 'vitest';
import { isStale, publicationMessageKey } from './errors';

describe('messages of publication and insight requests', () => {
  it('have texts of their own for the known server messages', () => {
    expect(publicationMessageKey('Give the reason for the decision (e.g. the legal ground)')).toBe('reasonMissing');
    expect(publicationMessageKey('Say why the value is corrected; the public reads it')).toBe('reasonMissing');
    expect(publicationMessageKey('The response is too long (at most 2,000 characters)')).toBe('bodyTooLong');
    expect(publicationMessageKey('Write plain text; HTML is not allowed')).toBe('noHtml');
    expect(publicationMessageKey('Give the legal ground, e.g. OSL 31 kap. 16 §')).toBe('legalGroundMissing');
    expect(publicationMessageKey('Something new')).toBeNull();
  });

  it('read a refusal because the object moved on as a reason to reload', () => {
    const bad = (message: string, path = 'reportId') => ({ code: 'BAD_USER_INPUT' as const, message, fields: [{ path, message }] });
    expect(isStale(bad('Not allowed when the report is PUBLISHED'))).toBe(true);
    expect(isStale(bad('Not allowed when the request is DECIDED', 'id'))).toBe(true);
    expect(isStale(bad('The report is already published; correct a published value instead'))).toBe(true);
    expect(isStale(bad('The response is accepted; only a pending one is decided', 'id'))).toBe(true);
    expect(isStale(bad('Write the response', 'body'))).toBe(false);
    expect(isStale({ code: 'NETWORK' })).toBe(false);
  });
});
