import { describe, expect, it } from 'vitest';
import { expectSameTexts } from '../../test/translations';
import conditionsSv from './conditions.sv';
import conditionsEn from './conditions.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

describe('texts of the equal-conditions rules', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expectSameTexts(conditionsSv, conditionsEn);
  });

  it('load on demand and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'conditions')).toBe(false);
    await loadNamespace(i18n, 'conditions', 'sv');
    expect(i18n.t('compare.changes.CHANGED', { ns: 'conditions' })).toBe('Ändrat');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('compare.changes.CHANGED', { ns: 'conditions' })).toBe('Changed');
  });
});
