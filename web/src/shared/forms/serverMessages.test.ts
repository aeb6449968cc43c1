import { describe, expect, it } from 'vitest';
import { orgNumberMessages } from '@insyn/shared';
import accessSv from '../../app/locales/access.sv';
import accessEn from '../../app/locales/access.en';
import sv from '../../app/locales/sv';
import { KNOWN_SERVER_MESSAGES, SERVER_MESSAGE_PATTERNS, serverMessageKey } from './serverMessages';

function leaf(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

describe('server messages in the UI language', () => {
  it('has a Swedish and an English text for every known message', () => {
    const keys = [...Object.values(KNOWN_SERVER_MESSAGES), ...SERVER_MESSAGE_PATTERNS.map(([, key]) => key)];
    for (const key of keys) {
      expect(typeof leaf(accessSv, `serverMessage.${key}`), key).toBe('string');
      expect(typeof leaf(accessEn, `serverMessage.${key}`), key).toBe('string');
    }
  });

  it('recognises exact messages, messages with values, and the shared organisation number messages', () => {
    expect(serverMessageKey('A user with this e-mail address already exists')).toEqual({ key: 'serverMessage.emailTaken', ns: 'access' });
    expect(serverMessageKey('The password must have at least 12 characters')).toEqual({
      key: 'serverMessage.passwordTooShort',
      ns: 'access',
      values: { min: '12' },
    });
    expect(serverMessageKey('Indicators measure a goal you removed: TEL-SAMEDAY, FIXED-GP')).toMatchObject({ values: { codes: 'TEL-SAMEDAY, FIXED-GP' } });
    expect(serverMessageKey('Enter a reference')).toEqual({ key: 'serverMessage.required', ns: 'access', values: {} });
    expect(serverMessageKey(orgNumberMessages.CHECK_DIGIT.en)).toEqual({ key: 'orgNumber.CHECK_DIGIT', ns: 'translation' });
    expect(typeof leaf(sv, 'orgNumber.CHECK_DIGIT')).toBe('string');
  });

  it('leaves unknown messages to be shown as they came', () => {
    expect(serverMessageKey('Something nobody has seen')).toBeNull();
  });
});
