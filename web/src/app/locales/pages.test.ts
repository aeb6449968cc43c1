import { describe, expect, it } from 'vitest';
import { initI18n, loadNamespace, provideTexts, switchLanguage } from '../i18n';
import sv from './sv';
import { PAGE_PARTS, type PagePart } from './pages/parts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function leaf(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort();
}

/** Every part's texts in both languages. */
const parts = import.meta.glob<{ default: object }>('./pages/*.{sv,en}.ts', { eager: true });
const part = (name: PagePart, language: 'sv' | 'en') => parts[`./pages/${name}.${language}.ts`]!.default;

describe('texts that come with one public page', () => {
  it('come in the listed parts, each with the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expect(Object.keys(parts).sort()).toEqual(PAGE_PARTS.flatMap((p) => [`./pages/${p}.en.ts`, `./pages/${p}.sv.ts`]).sort());
    for (const name of PAGE_PARTS) {
      const s = part(name, 'sv');
      const e = part(name, 'en');
      expect(keys(e), name).toEqual(keys(s));
      for (const key of keys(s)) {
        expect((leaf(s, key) as string).trim(), key).not.toBe('');
        expect((leaf(e, key) as string).trim(), key).not.toBe('');
        expect(placeholders(leaf(e, key) as string), key).toEqual(placeholders(leaf(s, key) as string));
      }
    }
  });

  it('share no top-level key with each other or with the texts every page loads', () => {
    const owners = new Map<string, string>(Object.keys(sv).map((k) => [k, 'sv.ts']));
    for (const name of PAGE_PARTS) {
      for (const top of Object.keys(part(name, 'sv'))) {
        expect(owners.get(top), `${top} in ${name}`).toBeUndefined();
        owners.set(top, name);
      }
    }
  });

  it('are there at once in Swedish once the page provides them, and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.exists('login.title')).toBe(false);
    provideTexts('pages/login', 'sv', part('login', 'sv'));
    expect(loadNamespace(i18n, 'pages/login', 'sv')).toBeNull();
    expect(i18n.t('login.title')).toBe('Logga in');
    expect(i18n.t('duration.minutes', { count: 2 })).toBe('2 minuter');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('login.title')).toBe('Log in');
    expect(i18n.t('nav.providers')).toBe('Providers');
  });
});
