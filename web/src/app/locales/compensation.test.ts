import { describe, expect, it } from 'vitest';
import { expectSameTexts } from '../../test/translations';
import compensationSv from './compensation.sv';
import compensationEn from './compensation.en';
import { initI18n, loadNamespace, switchLanguage } from '../i18n';

describe('texts of compensation for last-resort responsibility', () => {
  it('have the same keys in Swedish and English, none empty, with the same placeholders', () => {
    expectSameTexts(compensationSv, compensationEn);
  });

  it('name every input key, source, reason and missing item the API sends', () => {
    const inputs = ['METHOD', 'VALID_FROM_YEAR', 'FIXED_AMOUNT', 'SOLE_PROVIDER', 'UNIT_COUNT', 'CAPITATION', 'VISIT_FEES', 'GOAL_RELATED', 'VAT_COMPENSATION', 'OTHER', 'REIMBURSEMENT', 'FULL_COST', 'DEFICIT', 'SHARE_PERCENT', 'DEFICIT_SHARE', 'CAP_AMOUNT', 'AMOUNT'];
    expect(Object.keys(compensationSv.inputs).sort()).toEqual([...inputs].sort());
    expect(Object.keys(compensationSv.source).sort()).toEqual(['CALCULATION', 'COVERAGE', 'METHOD', 'UNIT_ECONOMICS']);
    expect(Object.keys(compensationSv.reason).sort()).toEqual(['CAPPED', 'MISSING_INPUTS', 'NOT_SOLE_PROVIDER', 'NO_DEFICIT', 'NO_METHOD']);
    expect(Object.keys(compensationSv.missing).filter((k) => k !== 'label').sort()).toEqual(['ECONOMICS', 'FULL_COST', 'METHOD']);
  });

  it('load on demand and come along when the language is switched', async () => {
    const i18n = await initI18n('sv');
    expect(i18n.hasResourceBundle('sv', 'compensation')).toBe(false);
    await loadNamespace(i18n, 'compensation', 'sv');
    expect(i18n.t('title', { ns: 'compensation' })).toBe('Ersättning för sistahandsansvar');
    await switchLanguage(i18n, 'en');
    expect(i18n.t('title', { ns: 'compensation' })).toBe('Compensation for last-resort responsibility');
  });
});
