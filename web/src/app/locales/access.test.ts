import { describe, expect, it } from 'vitest';
import accessSv from './access.sv';
import accessEn from './access.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function leaf(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort();
}

describe('texts of the logged-in pages', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expect(keys(accessEn)).toEqual(keys(accessSv));
    for (const key of keys(accessSv)) {
      const s = leaf(accessSv, key) as string;
      const e = leaf(accessEn, key) as string;
      expect(s.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
      expect(placeholders(e), key).toEqual(placeholders(s));
    }
  });

  it('load on demand, and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'access')).toBe(false);
    await loadNamespace(i18n, 'access', 'sv');
    expect(i18n.t('users.title', { ns: 'access' })).toBe('Användare');
    await switchLanguage(i18n, 'en');
    expect(i18n.hasResourceBundle('en', 'access')).toBe(true);
    expect(i18n.t('users.title', { ns: 'access' })).toBe('Users');
    expect(loadNamespace(i18n, 'access', 'en')).toBeNull();
  });
});
