import { describe, expect, it } from 'vitest';
import {
  checkRaw,
  displayValue,
  emptyRaw,
  fileSize,
  indicatorResult,
  isBlocking,
  localized,
  numberForInput,
  parseNumber,
  parseRaw,
  rawFromValue,
  type DisplayContext,
  type QuestionRules,
} from './values';

const q = (type: QuestionRules['type'], extra: Partial<QuestionRules> = {}): QuestionRules => ({ type, required: true, ...extra });
const choices = [{ key: 'telefon' }, { key: '1177' }, { key: 'chatt' }];

describe('numbers as people type them', () => {
  it('reads the Swedish decimal comma, spaces between thousands and the minus sign', () => {
    expect(parseNumber('86,5', 'sv')).toBe(86.5);
    expect(parseNumber(' 1 000 ', 'sv')).toBe(1000);
    expect(parseNumber('1\u00a0234,25', 'sv')).toBe(1234.25);
    expect(parseNumber('\u22123', 'sv')).toBe(-3);
    expect(parseNumber('86.5', 'sv')).toBe(86.5);
    expect(parseNumber('1,000', 'sv')).toBe(1);
    expect(parseNumber('12a', 'sv')).toBeNull();
    expect(parseNumber('', 'sv')).toBeNull();
    expect(parseNumber('1,2,3', 'sv')).toBeNull();
  });

  it('reads English thousands separators, and a decimal comma that cannot be one', () => {
    expect(parseNumber('1,000', 'en')).toBe(1000);
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumber('86.5', 'en')).toBe(86.5);
    expect(parseNumber('86,5', 'en')).toBe(86.5);
  });

  it('writes numbers back for the inputs in the UI language, without float noise', () => {
    expect(numberForInput(86.5, 'sv')).toBe('86,5');
    expect(numberForInput(86.5, 'en')).toBe('86.5');
    expect(numberForInput(0.1 + 0.2, 'sv')).toBe('0,3');
    expect(numberForInput(1000, 'sv')).toBe('1000');
  });
});

describe('parsing and checking per question type', () => {
  it('BOOLEAN is a Ja/Nej choice: true, false or no answer', () => {
    expect(parseRaw(q('BOOLEAN'), 'true', 'sv')).toEqual({ ok: true, value: true });
    expect(parseRaw(q('BOOLEAN'), 'false', 'sv')).toEqual({ ok: true, value: false });
    expect(parseRaw(q('BOOLEAN'), '', 'sv')).toEqual({ ok: true, value: null });
    expect(rawFromValue('BOOLEAN', false, 'sv')).toBe('false');
  });

  it('INTEGER takes whole numbers only, with the range checked separately', () => {
    const rules = q('INTEGER', { min: 0, max: 1000 });
    expect(parseRaw(rules, '12', 'sv')).toEqual({ ok: true, value: 12 });
    expect(parseRaw(rules, '1 000', 'sv')).toEqual({ ok: true, value: 1000 });
    expect(parseRaw(rules, '12,5', 'sv')).toEqual({ ok: false, problem: { kind: 'integer' } });
    expect(checkRaw(rules, '1001', 'sv')).toEqual({ kind: 'max', max: 1000 });
    expect(checkRaw(rules, '-1', 'sv')).toEqual({ kind: 'min', min: 0 });
    expect(isBlocking({ kind: 'max', max: 1000 })).toBe(false);
    expect(isBlocking({ kind: 'integer' })).toBe(true);
  });

  it('DECIMAL accepts the decimal comma and shows stored values with it', () => {
    expect(parseRaw(q('DECIMAL'), '37,5', 'sv')).toEqual({ ok: true, value: 37.5 });
    expect(parseRaw(q('DECIMAL'), 'trettio', 'sv')).toEqual({ ok: false, problem: { kind: 'number' } });
    expect(rawFromValue('DECIMAL', 37.5, 'sv')).toBe('37,5');
    expect(rawFromValue('DECIMAL', 37.5, 'en')).toBe('37.5');
    expect(checkRaw(q('DECIMAL', { min: 0, max: 80 }), '80,5', 'sv')).toEqual({ kind: 'max', max: 80 });
  });

  it('PERCENT is 0–100, with or without a % sign', () => {
    expect(parseRaw(q('PERCENT'), '86,4', 'sv')).toEqual({ ok: true, value: 86.4 });
    expect(parseRaw(q('PERCENT'), '86,4 %', 'sv')).toEqual({ ok: true, value: 86.4 });
    expect(parseRaw(q('PERCENT'), '0', 'sv')).toEqual({ ok: true, value: 0 });
    expect(parseRaw(q('PERCENT'), '100', 'sv')).toEqual({ ok: true, value: 100 });
    expect(parseRaw(q('PERCENT'), '100,1', 'sv')).toEqual({ ok: false, problem: { kind: 'percent' } });
    expect(parseRaw(q('PERCENT'), '-1', 'sv')).toEqual({ ok: false, problem: { kind: 'percent' } });
  });

  it('TEXT keeps the text; blank is no answer', () => {
    expect(parseRaw(q('TEXT'), 'Vi arbetar med …', 'sv')).toEqual({ ok: true, value: 'Vi arbetar med …' });
    expect(parseRaw(q('TEXT'), '   ', 'sv')).toEqual({ ok: true, value: null });
    expect(checkRaw(q('TEXT'), '  ', 'sv', { requireAnswer: true })).toEqual({ kind: 'required' });
    expect(checkRaw(q('TEXT', { required: false }), '', 'sv', { requireAnswer: true })).toBeNull();
  });

  it('DATE must be a real calendar date', () => {
    expect(parseRaw(q('DATE'), '2025-03-01', 'sv')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseRaw(q('DATE'), '2025-02-30', 'sv')).toEqual({ ok: false, problem: { kind: 'date' } });
  });

  it('SINGLE_CHOICE and MULTI_CHOICE take the keys of the options; several in option order, counted against min and max', () => {
    expect(parseRaw(q('SINGLE_CHOICE', { options: choices }), 'chatt', 'sv')).toEqual({ ok: true, value: 'chatt' });
    expect(parseRaw(q('SINGLE_CHOICE', { options: choices }), 'fax', 'sv')).toEqual({ ok: false, problem: { kind: 'choice' } });
    const multi = q('MULTI_CHOICE', { options: choices, min: 2 });
    expect(parseRaw(multi, ['chatt', 'telefon'], 'sv')).toEqual({ ok: true, value: ['telefon', 'chatt'] });
    expect(parseRaw(multi, [], 'sv')).toEqual({ ok: true, value: null });
    expect(checkRaw(multi, ['chatt'], 'sv')).toEqual({ kind: 'minChoices', min: 2 });
    expect(emptyRaw('MULTI_CHOICE')).toEqual([]);
  });

  it('INDICATOR_VALUE needs both numbers, a numerator from 0 and a denominator above 0', () => {
    const rules = q('INDICATOR_VALUE');
    expect(parseRaw(rules, { numerator: '43', denominator: '50' }, 'sv')).toEqual({ ok: true, value: { numerator: 43, denominator: 50 } });
    expect(parseRaw(rules, { numerator: '1 043,5', denominator: '4 000' }, 'sv')).toEqual({ ok: true, value: { numerator: 1043.5, denominator: 4000 } });
    expect(parseRaw(rules, { numerator: '', denominator: '' }, 'sv')).toEqual({ ok: true, value: null });
    expect(parseRaw(rules, { numerator: '43', denominator: '' }, 'sv')).toEqual({ ok: false, problem: { kind: 'denominatorMissing' } });
    expect(parseRaw(rules, { numerator: '', denominator: '5' }, 'sv')).toEqual({ ok: false, problem: { kind: 'numeratorMissing' } });
    expect(parseRaw(rules, { numerator: 'x', denominator: '5' }, 'sv')).toEqual({ ok: false, problem: { kind: 'numeratorInvalid' } });
    expect(parseRaw(rules, { numerator: '-1', denominator: '5' }, 'sv')).toEqual({ ok: false, problem: { kind: 'numeratorNegative' } });
    expect(parseRaw(rules, { numerator: '1', denominator: '0' }, 'sv')).toEqual({ ok: false, problem: { kind: 'denominatorNotPositive' } });
    expect(rawFromValue('INDICATOR_VALUE', { numerator: 2.5, denominator: 4000 }, 'sv')).toEqual({ numerator: '2,5', denominator: '4000' });
  });

  it('computes the indicator value in its unit', () => {
    expect(indicatorResult({ numerator: 43, denominator: 50 }, 'PERCENT')).toBe(86);
    expect(indicatorResult({ numerator: 960, denominator: 4000 }, 'RATE_PER_1000')).toBe(240);
    expect(indicatorResult({ numerator: 3, denominator: 2 }, 'INDEX')).toBe(1.5);
    expect(indicatorResult({ numerator: 3, denominator: 0 }, 'PERCENT')).toBeNull();
    expect(indicatorResult(null, 'PERCENT')).toBeNull();
  });
});

describe('showing answers', () => {
  const ctx: DisplayContext = {
    yes: 'Ja',
    no: 'Nej',
    empty: 'Inget svar',
    ratio: (n, d, r) => `${n} av ${d}${r ? ` (${r})` : ''}`,
    number: (v) => new Intl.NumberFormat('sv-SE').format(v),
    percent: (v) => `${new Intl.NumberFormat('sv-SE').format(v)} %`,
    date: (d) => d,
    indicator: (v, unit) => (unit === 'PERCENT' ? `${v} %` : `${v} per 1 000`),
    optionLabel: (k) => ({ telefon: 'Telefon', chatt: 'Chatt' })[k] ?? k,
    attachmentName: (id) => (id === 'a1' ? 'berattelse.pdf' : id),
  };

  it('in words for each type', () => {
    expect(displayValue({ type: 'BOOLEAN' }, true, ctx)).toBe('Ja');
    expect(displayValue({ type: 'BOOLEAN' }, false, ctx)).toBe('Nej');
    expect(displayValue({ type: 'DECIMAL', unitLabel: 'timmar/vecka' }, 37.5, ctx)).toBe('37,5 timmar/vecka');
    expect(displayValue({ type: 'PERCENT' }, 86.4, ctx)).toBe('86,4 %');
    expect(displayValue({ type: 'MULTI_CHOICE' }, ['telefon', 'chatt'], ctx)).toBe('Telefon, Chatt');
    expect(displayValue({ type: 'ATTACHMENT' }, 'a1', ctx)).toBe('berattelse.pdf');
    expect(displayValue({ type: 'INDICATOR_VALUE', indicator: { unit: 'PERCENT' } }, { numerator: 43, denominator: 50 }, ctx)).toBe('43 av 50 (86 %)');
    expect(displayValue({ type: 'TEXT' }, null, ctx)).toBe('Inget svar');
    expect(displayValue({ type: 'MULTI_CHOICE' }, [], ctx)).toBe('Inget svar');
  });

  it('texts in the UI language, Swedish marked when there is no translation', () => {
    expect(localized('Telefontid', 'Telephone hours', 'sv')).toEqual({ text: 'Telefontid' });
    expect(localized('Telefontid', 'Telephone hours', 'en')).toEqual({ text: 'Telephone hours' });
    expect(localized('Telefontid', null, 'en')).toEqual({ text: 'Telefontid', lang: 'sv' });
  });

  it('file sizes', () => {
    expect(fileSize(340, 'sv')).toBe('340 byte');
    expect(fileSize(12 * 1024, 'sv')).toBe('12 kB');
    expect(fileSize(1.4 * 1024 * 1024, 'sv')).toBe('1,4 MB');
    expect(fileSize(1.4 * 1024 * 1024, 'en')).toBe('1.4 MB');
  });
});
