import { describe, expect, it } from 'vitest';
import publicationSv from './publication.sv';
import publicationEn from './publication.en';
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

describe('texts of publication and insight requests', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expect(keys(publicationEn)).toEqual(keys(publicationSv));
    for (const key of keys(publicationSv)) {
      const s = leaf(publicationSv, key) as string;
      const e = leaf(publicationEn, key) as string;
      expect(s.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
      expect(placeholders(e), key).toEqual(placeholders(s));
    }
  });

  it('load on demand, count in both languages, and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'publication')).toBe(false);
    await loadNamespace(i18n, 'publication', 'sv');
    expect(i18n.t('preview.suppressed', { ns: 'publication' })).toBe('Färre än 5 – visas inte');
    expect(i18n.t('confidentiality.pending', { ns: 'publication', count: 1 })).toBe('Besluta om 1 begäran om sekretess innan rapporten kan publiceras.');
    expect(i18n.t('confidentiality.pending', { ns: 'publication', count: 2 })).toBe('Besluta om 2 begäranden om sekretess innan rapporten kan publiceras.');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('preview.suppressed', { ns: 'publication' })).toBe('Fewer than 5 – not shown');
    expect(i18n.t('insight.statuses.FORWARDED', { ns: 'publication' })).toBe('Forwarded to the provider');
  });
});
