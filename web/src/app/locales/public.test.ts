import { describe, expect, it } from 'vitest';
import publicSv from './public.sv';
import publicEn from './public.en';
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

describe('texts of the public results pages', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expect(keys(publicEn)).toEqual(keys(publicSv));
    for (const key of keys(publicSv)) {
      const s = leaf(publicSv, key) as string;
      const e = leaf(publicEn, key) as string;
      expect(s.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
      expect(placeholders(e), key).toEqual(placeholders(s));
    }
  });

  it('load on demand, count in both languages, and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'public')).toBe(false);
    await loadNamespace(i18n, 'public', 'sv');
    expect(i18n.t('chooser.units', { ns: 'public', count: 1 })).toBe('1 enhet');
    expect(i18n.t('chooser.units', { ns: 'public', count: 4 })).toBe('4 enheter');
    expect(i18n.t('suppressed.label', { ns: 'public' })).toBe('Färre än 5 – visas inte');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('level.AMBER', { ns: 'public' })).toBe('Close to the target');
  });
});
