import { describe, expect, it } from 'vitest';
import { expectSameTexts } from '../../test/translations';
import followUpSv from './followUp.sv';
import followUpEn from './followUp.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

describe('texts of the neutrality report and the annual report', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expectSameTexts(followUpSv, followUpEn);
  });

  it('load on demand and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'followUp')).toBe(false);
    await loadNamespace(i18n, 'followUp', 'sv');
    expect(i18n.t('neutrality.title', { ns: 'followUp' })).toBe('Konkurrensneutralitet');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('neutrality.title', { ns: 'followUp' })).toBe('Competitive neutrality');
  });
});
