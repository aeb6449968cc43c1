import { describe, expect, it } from 'vitest';
import { expectSameTexts } from '../../test/translations';
import reviewSv from './review.sv';
import reviewEn from './review.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

describe('texts of the review and notifications', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expectSameTexts(reviewSv, reviewEn);
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
