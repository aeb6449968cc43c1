import { describe, expect, it } from 'vitest';
import { expectSameTexts } from '../../test/translations';
import reportingSv from './reporting.sv';
import reportingEn from './reporting.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

describe('texts of the follow-up pages', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expectSameTexts(reportingSv, reportingEn);
  });

  it('load on demand and follow a language switch, with plurals', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'reporting')).toBe(false);
    await loadNamespace(i18n, 'reporting', 'sv');
    expect(i18n.t('due.daysLeft', { ns: 'reporting', count: 12 })).toBe('12 dagar kvar');
    expect(i18n.t('due.daysLeft', { ns: 'reporting', count: 1 })).toBe('1 dag kvar');
    expect(i18n.t('save.saved', { ns: 'reporting', time: '14:02' })).toBe('Sparat 14:02');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('due.overdue', { ns: 'reporting', count: 5 })).toBe('Overdue by 5 days');
  });
});
