import { describe, expect, it } from 'vitest';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';
import { PUBLIC_PARTS, type PublicPart } from './public/parts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function leaf(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort();
}

/** Every part's texts in both languages (the files the app loads one by one). */
const parts = import.meta.glob<{ default: object }>('./public/*.{sv,en}.ts', { eager: true });
const part = (name: PublicPart, language: 'sv' | 'en') => parts[`./public/${name}.${language}.ts`]!.default;

describe('texts of the public results pages', () => {
  it('come in the listed parts, each with the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expect(Object.keys(parts).sort()).toEqual(PUBLIC_PARTS.flatMap((p) => [`./public/${p}.en.ts`, `./public/${p}.sv.ts`]).sort());
    for (const name of PUBLIC_PARTS) {
      const sv = part(name, 'sv');
      const en = part(name, 'en');
      expect(keys(en), name).toEqual(keys(sv));
      for (const key of keys(sv)) {
        const s = leaf(sv, key) as string;
        const e = leaf(en, key) as string;
        expect(s.trim(), key).not.toBe('');
        expect(e.trim(), key).not.toBe('');
        expect(placeholders(e), key).toEqual(placeholders(s));
      }
    }
  });

  it('share no top-level key between parts, so that loading one never hides another', () => {
    const owners = new Map<string, PublicPart>();
    for (const name of PUBLIC_PARTS) {
      for (const top of Object.keys(part(name, 'sv'))) {
        expect(owners.get(top), `${top} in ${name}`).toBeUndefined();
        owners.set(top, name);
      }
    }
  });

  it('load on demand, part by part, count in both languages, and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'public')).toBe(false);
    await loadNamespace(i18n, 'public/shared', 'sv');
    expect(i18n.t('suppressed.label', { ns: 'public' })).toBe('Färre än 5 – visas inte');
    expect(i18n.exists('chooser.heading', { ns: 'public' })).toBe(false);
    await loadNamespace(i18n, 'public/chooser', 'sv');
    expect(i18n.t('chooser.units', { ns: 'public', count: 1 })).toBe('1 enhet');
    expect(i18n.t('chooser.units', { ns: 'public', count: 4 })).toBe('4 enheter');
    expect(i18n.t('suppressed.label', { ns: 'public' })).toBe('Färre än 5 – visas inte');
    expect(loadNamespace(i18n, 'public/chooser', 'sv')).toBeNull();
    await switchLanguage(i18n, 'en');
    expect(i18n.t('level.AMBER', { ns: 'public' })).toBe('Close to the target');
    expect(i18n.t('chooser.units', { ns: 'public', count: 4 })).toBe('4 units');
    expect(i18n.exists('unit.title', { ns: 'public' })).toBe(false);
  });
});
