import { describe, expect, it } from 'vitest';
import { expectSameTexts } from '../../test/translations';
import publicationSv from './publication.sv';
import publicationEn from './publication.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

describe('texts of publication and insight requests', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expectSameTexts(publicationSv, publicationEn);
  });

  it('load on demand, count in both languages, and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'publication')).toBe(false);
    await loadNamespace(i18n, 'publication', 'sv');
    expect(i18n.t('preview.suppressed', { ns: 'publication' })).toBe('Färre än 5 – visas inte');
    expect(i18n.t('confidentiality.pending', { ns: 'publication', count: 1 })).toBe('Besluta om 1 begäran om sekretess innan rapporten kan publiceras.');
    expect(i18n.t('confidentiality.pending', { ns: 'publication', count: 2 })).toBe('Besluta om 2 begäranden om sekretess innan rapporten kan publiceras.');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('preview.suppressed', { ns: 'publication' })).toBe('Fewer than 5 – not shown');
    expect(i18n.t('insight.statuses.FORWARDED', { ns: 'publication' })).toBe('Forwarded to the provider');
  });
});
