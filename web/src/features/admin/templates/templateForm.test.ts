import { describe, expect, it } from 'vitest';
import { checkTemplate, emptyOption, emptyQuestion, move, templateFields, toInput, valuesOf, type TemplateValues } from './templateForm';

const t = (key: string) => key;

function draft(): TemplateValues {
  const v = valuesOf(null);
  const q = { ...emptyQuestion('1.1'), type: 'DECIMAL' as const, text: 'Telefontid per vecka', min: '0', max: '80', unitLabel: 'timmar/vecka' };
  return { ...v, name: 'Självdeklaration', sections: [{ key: 's1', id: null, title: 'Tillgänglighet', titleEn: '', questions: [q] }] };
}

describe('the template builder form', () => {
  it('sends the whole draft in order, with only the fields of each type', () => {
    const v = draft();
    const choice = { ...emptyQuestion('1.2'), type: 'MULTI_CHOICE' as const, text: 'Kontaktvägar', min: '1', unitLabel: 'ignored', options: [{ ...emptyOption(), optionKey: 'telefon', label: 'Telefon' }] };
    v.sections[0]!.questions.push(choice);
    const input = toInput(v);
    expect(input.name).toBe('Självdeklaration');
    expect(input.sections[0]!.questions[0]).toMatchObject({ code: '1.1', type: 'DECIMAL', min: 0, max: 80, unitLabel: 'timmar/vecka', options: null, required: true });
    expect(input.sections[0]!.questions[1]).toMatchObject({ code: '1.2', min: 1, max: null, unitLabel: null, options: [{ key: 'telefon', label: 'Telefon', labelEn: null }] });
  });

  it('marks a free-text answer publishable only on TEXT questions, and reads the mark back', () => {
    const v = draft();
    v.sections[0]!.questions[0]!.publicAnswer = true; // a DECIMAL question: never sent as public
    v.sections[0]!.questions.push({ ...emptyQuestion('1.2'), type: 'TEXT', text: 'Vad gör ni för att nå målet?', publicAnswer: true });
    const input = toInput(v);
    expect(input.sections[0]!.questions[0]!.publicAnswer).toBe(false);
    expect(input.sections[0]!.questions[1]!.publicAnswer).toBe(true);
    expect(emptyQuestion('1.3').publicAnswer).toBe(false);
    const back = valuesOf({ name: 'x', serviceArea: 'ALL', sections: [{ id: 's', title: 't', questions: [{ id: 'q', code: '1', text: 'q', type: 'TEXT', required: false, publicAnswer: true }] }] });
    expect(back.sections[0]!.questions[0]!.publicAnswer).toBe(true);
  });

  it('checks names, codes (format, duplicates), types, ranges, options and the indicator of indicator values', () => {
    const v = draft();
    v.name = ' ';
    v.sections[0]!.title = '';
    v.sections[0]!.questions.push(
      { ...emptyQuestion('1.1'), type: 'TEXT', text: 'Dubblett' },
      { ...emptyQuestion('1 2'), type: '', text: '' },
      { ...emptyQuestion('1.4'), type: 'INTEGER', text: 'Antal', min: '10', max: '5' },
      { ...emptyQuestion('1.5'), type: 'SINGLE_CHOICE', text: 'Val', options: [{ ...emptyOption(), optionKey: 'Ja', label: '' }] },
      { ...emptyQuestion('1.6'), type: 'INDICATOR_VALUE', text: 'Andel' },
      { ...emptyQuestion('1.7'), type: 'MULTI_CHOICE', text: 'Flera' },
    );
    const fields = checkTemplate(v, t);
    expect(Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, m.text]))).toEqual({
      name: 'templateEdit.nameMissing',
      'sections.0.title': 'templateEdit.sectionTitleMissing',
      'sections.0.questions.1.code': 'templateEdit.codeDuplicate',
      'sections.0.questions.2.code': 'templateEdit.codeFormat',
      'sections.0.questions.2.type': 'templateEdit.typeMissing',
      'sections.0.questions.2.text': 'templateEdit.textMissing',
      'sections.0.questions.3.max': 'templateEdit.maxBelowMin',
      'sections.0.questions.4.options.0.key': 'templateEdit.optionKeyFormat',
      'sections.0.questions.4.options.0.label': 'templateEdit.optionLabelMissing',
      'sections.0.questions.5.indicatorId': 'templateEdit.indicatorMissing',
      'sections.0.questions.6.options': 'templateEdit.optionsMissing',
    });
  });

  it('has a field for each server path, and moves rows', () => {
    const isField = templateFields(draft());
    expect(isField('sections.0.questions.0.max')).toBe(true);
    expect(isField('sections.0.questions.1.code')).toBe(false);
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
  });
});
