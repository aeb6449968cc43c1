import { describe, expect, it } from 'vitest';
import { expectSameTexts, keys } from '../test/translations';
import sv from './locales/sv';
import en from './locales/en';
import { initI18n, LANGUAGE_STORAGE_KEY, loadNamespace, provideTexts, storedLanguage, switchLanguage } from './i18n';
import indicatorsSv from './locales/pages/indicators.sv';

describe('translations', () => {
  it('every Swedish key has an English translation', () => {
    const missing = keys(sv).filter((k) => !keys(en).includes(k));
    expect(missing).toEqual([]);
  });

  it('every English key has a Swedish original', () => {
    const extra = keys(en).filter((k) => !keys(sv).includes(k));
    expect(extra).toEqual([]);
  });

  it('no text is empty and both languages use the same placeholders', () => {
    expectSameTexts(sv, en);
  });

  it('the language switch names the other language in that language', () => {
    expect(sv.language.other).toBe('English');
    expect(sv.language.otherCode).toBe('en');
    expect(en.language.other).toBe('Svenska');
    expect(en.language.otherCode).toBe('sv');
  });
});

describe('language choice', () => {
  it('is Swedish unless the user chose English earlier', () => {
    expect(storedLanguage({ getItem: () => null })).toBe('sv');
    expect(storedLanguage({ getItem: () => 'en' })).toBe('en');
    expect(storedLanguage({ getItem: () => 'de' })).toBe('sv');
    expect(
      storedLanguage({
        getItem: () => {
          throw new Error('storage disabled');
        },
      }),
    ).toBe('sv');
  });

  it('sets <html lang> and remembers the choice', async () => {
    const i18n = await initI18n('sv');
    expect(document.documentElement.lang).toBe('sv');
    expect(i18n.t('nav.providers')).toBe('Utförare');
    await switchLanguage(i18n, 'en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(i18n.t('nav.providers')).toBe('Providers');
    const next = await initI18n();
    expect(next.language).toBe('en');
    expect(next.t('nav.providers')).toBe('Providers');
  });

  it('pluralises in both languages', async () => {
    const i18n = await initI18n('en');
    provideTexts('pages/indicators', 'sv', indicatorsSv);
    await loadNamespace(i18n, 'pages/indicators', 'en');
    await switchLanguage(i18n, 'sv');
    expect(i18n.t('indicators.areaCount', { count: 1 })).toBe('1 indikator');
    expect(i18n.t('indicators.areaCount', { count: 8 })).toBe('8 indikatorer');
    expect(i18n.t('indicators.areaCount', { count: 1, lng: 'en' })).toBe('1 indicator');
    expect(i18n.t('indicators.areaCount', { count: 8, lng: 'en' })).toBe('8 indicators');
  });
});
