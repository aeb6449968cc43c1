import { describe, expect, it } from 'vitest';
import reviewSv from './review.sv';
import reviewEn from './review.en';
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

describe('texts of the review and notifications', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expect(keys(reviewEn)).toEqual(keys(reviewSv));
    for (const key of keys(reviewSv)) {
      const s = leaf(reviewSv, key) as string;
      const e = leaf(reviewEn, key) as string;
      expect(s.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
      expect(placeholders(e), key).toEqual(placeholders(s));
    }
  });

  it('load on demand, count in both languages, and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'review')).toBe(false);
    await loadNamespace(i18n, 'review', 'sv');
    expect(i18n.t('review.openThreads', { ns: 'review', count: 0 })).toBe('Inga olösta trådar');
    expect(i18n.t('review.openThreads', { ns: 'review', count: 1 })).toBe('1 olöst tråd');
    expect(i18n.t('review.openThreads', { ns: 'review', count: 3 })).toBe('3 olösta trådar');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('rating.PARTLY_MET', { ns: 'review' })).toBe('Partly met');
    expect(i18n.t('notifications.unreadCount', { ns: 'review', count: 0 })).toBe('You have no unread notifications.');
  });
});
