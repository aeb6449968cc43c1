import { expect } from 'vitest';

/** All leaf keys of a nested resource object, as dotted paths. */
export function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The value at a dotted path. */
export function leaf(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort();
}

/**
 * Swedish and English texts of one namespace: the same keys, no text empty, and the same
 * placeholders in both languages.
 */
export function expectSameTexts(sv: object, en: object): void {
  expect(keys(en)).toEqual(keys(sv));
  for (const key of keys(sv)) {
    const s = leaf(sv, key);
    const e = leaf(en, key);
    expect(typeof s, key).toBe('string');
    expect(typeof e, key).toBe('string');
    expect((s as string).trim(), key).not.toBe('');
    expect((e as string).trim(), key).not.toBe('');
    expect(placeholders(e as string), key).toEqual(placeholders(s as string));
  }
}
