import { describe, expect, it } from 'vitest';
import { expectSameTexts } from '../../test/translations';
import accessSv from './access.sv';
import accessEn from './access.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

describe('texts of the logged-in pages', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expectSameTexts(accessSv, accessEn);
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
