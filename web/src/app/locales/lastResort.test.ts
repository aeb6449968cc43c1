import { describe, expect, it } from 'vitest';
import { expectSameTexts } from '../../test/translations';
import lastResortSv from './lastResort.sv';
import lastResortEn from './lastResort.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

describe('texts of the last-resort register', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expectSameTexts(lastResortSv, lastResortEn);
  });

  it('load on demand and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'lastResort')).toBe(false);
    await loadNamespace(i18n, 'lastResort', 'sv');
    expect(i18n.t('title', { ns: 'lastResort' })).toBe('Sistahandsansvar');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('title', { ns: 'lastResort' })).toBe('Last-resort responsibility');
  });
});
