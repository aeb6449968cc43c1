import type { QuestionInput, QuestionType, ReportTemplateInput, ServiceArea } from '../../../gql/graphql';
import type { FieldMessage } from '../../../shared/forms/errors';
import { parseDecimal } from '../../../shared/forms/values';

/**
 * The template builder's form: a whole draft (name, sections, questions, options) as the inputs
 * hold it, the checks made before saving (the server makes them again, per field), and the input
 * the API takes. Field keys follow the server's paths: "sections.0.questions.2.code".
 */

export interface OptionRow {
  key: string;
  optionKey: string;
  label: string;
  labelEn: string;
}

export interface QuestionRow {
  key: string;
  id: string | null;
  code: string;
  text: string;
  textEn: string;
  help: string;
  helpEn: string;
  type: QuestionType | '';
  required: boolean;
  /** TEXT only: the answer may be published (free text is otherwise never published). */
  publicAnswer: boolean;
  min: string;
  max: string;
  unitLabel: string;
  goalId: string;
  guidelineId: string;
  indicatorId: string;
  options: OptionRow[];
}

export interface SectionRow {
  key: string;
  id: string | null;
  title: string;
  titleEn: string;
  questions: QuestionRow[];
}

export interface TemplateValues {
  name: string;
  nameEn: string;
  serviceArea: ServiceArea;
  sections: SectionRow[];
}

export const QUESTION_TYPES: QuestionType[] = [
  'BOOLEAN',
  'INTEGER',
  'DECIMAL',
  'PERCENT',
  'TEXT',
  'SINGLE_CHOICE',
  'MULTI_CHOICE',
  'DATE',
  'ATTACHMENT',
  'INDICATOR_VALUE',
];

export const isChoice = (type: QuestionType | '') => type === 'SINGLE_CHOICE' || type === 'MULTI_CHOICE';
/** Types with a minimum and maximum: numbers, and the number of choices. */
export const hasRange = (type: QuestionType | '') => ['INTEGER', 'DECIMAL', 'PERCENT', 'MULTI_CHOICE'].includes(type);
export const hasUnit = (type: QuestionType | '') => type === 'INTEGER' || type === 'DECIMAL';

let rowKey = 0;
export const nextKey = (): string => `row-${++rowKey}`;

export const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/;
export const OPTION_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

interface TemplateLike {
  name: string;
  nameEn?: string | null;
  serviceArea: ServiceArea;
  sections: {
    id: string;
    title: string;
    titleEn?: string | null;
    questions: {
      id: string;
      code: string;
      text: string;
      textEn?: string | null;
      help?: string | null;
      helpEn?: string | null;
      type: QuestionType;
      required: boolean;
      publicAnswer?: boolean | null;
      min?: number | null;
      max?: number | null;
      unitLabel?: string | null;
      options?: { key: string; label: string; labelEn?: string | null }[] | null;
      goal?: { id: string } | null;
      guideline?: { id: string } | null;
      indicator?: { id: string } | null;
    }[];
  }[];
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function emptyQuestion(code: string): QuestionRow {
  return {
    key: nextKey(),
    id: null,
    code,
    text: '',
    textEn: '',
    help: '',
    helpEn: '',
    type: '',
    required: true,
    publicAnswer: false,
    min: '',
    max: '',
    unitLabel: '',
    goalId: '',
    guidelineId: '',
    indicatorId: '',
    options: [],
  };
}

export function emptyOption(): OptionRow {
  return { key: nextKey(), optionKey: '', label: '', labelEn: '' };
}

export function valuesOf(t: TemplateLike | null): TemplateValues {
  return {
    name: t?.name ?? '',
    nameEn: t?.nameEn ?? '',
    serviceArea: t?.serviceArea ?? 'ALL',
    sections: (t?.sections ?? []).map((s) => ({
      key: nextKey(),
      id: s.id,
      title: s.title,
      titleEn: s.titleEn ?? '',
      questions: s.questions.map((q) => ({
        key: nextKey(),
        id: q.id,
        code: q.code,
        text: q.text,
        textEn: q.textEn ?? '',
        help: q.help ?? '',
        helpEn: q.helpEn ?? '',
        type: q.type,
        required: q.required,
        publicAnswer: q.publicAnswer ?? false,
        min: num(q.min),
        max: num(q.max),
        unitLabel: q.unitLabel ?? '',
        goalId: q.goal?.id ?? '',
        guidelineId: q.guideline?.id ?? '',
        indicatorId: q.indicator?.id ?? '',
        options: (q.options ?? []).map((o) => ({ key: nextKey(), optionKey: o.key, label: o.label, labelEn: o.labelEn ?? '' })),
      })),
    })),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** A number typed for min or max ("0", "12,5"); null when empty, NaN when not a number. */
function bound(text: string): number | null {
  if (text.trim() === '') return null;
  return parseDecimal(text) ?? Number.NaN;
}

export function toInput(v: TemplateValues): ReportTemplateInput {
  return {
    name: v.name.trim(),
    nameEn: orNull(v.nameEn),
    serviceArea: v.serviceArea,
    sections: v.sections.map((s) => ({
      id: s.id,
      title: s.title.trim(),
      titleEn: orNull(s.titleEn),
      questions: s.questions.map((q): QuestionInput => {
        const type = q.type as QuestionType;
        return {
          id: q.id,
          code: q.code.trim(),
          text: q.text.trim(),
          textEn: orNull(q.textEn),
          help: orNull(q.help),
          helpEn: orNull(q.helpEn),
          type,
          required: q.required,
          publicAnswer: type === 'TEXT' ? q.publicAnswer : false,
          options: isChoice(type) ? q.options.map((o) => ({ key: o.optionKey.trim(), label: o.label.trim(), labelEn: orNull(o.labelEn) })) : null,
          min: hasRange(type) ? bound(q.min) : null,
          max: hasRange(type) ? bound(q.max) : null,
          unitLabel: hasUnit(type) ? orNull(q.unitLabel) : null,
          goalId: q.goalId || null,
          guidelineId: q.guidelineId || null,
          indicatorId: type === 'INDICATOR_VALUE' ? q.indicatorId || null : null,
        };
      }),
    })),
  };
}

/** The form's checks, keyed like the server's paths. `t` gives the message of a key of "templateEdit". */
export function checkTemplate(v: TemplateValues, t: (key: string) => string): Record<string, FieldMessage> {
  const fields: Record<string, FieldMessage> = {};
  const m = (key: string): FieldMessage => ({ text: t(key) });
  if (!v.name.trim()) fields['name'] = m('templateEdit.nameMissing');
  const codes = new Set<string>();
  v.sections.forEach((s, si) => {
    if (!s.title.trim()) fields[`sections.${si}.title`] = m('templateEdit.sectionTitleMissing');
    s.questions.forEach((q, qi) => {
      const at = `sections.${si}.questions.${qi}`;
      const code = q.code.trim();
      if (!code) fields[`${at}.code`] = m('templateEdit.codeMissing');
      else if (!CODE.test(code)) fields[`${at}.code`] = m('templateEdit.codeFormat');
      else if (codes.has(code)) fields[`${at}.code`] = m('templateEdit.codeDuplicate');
      codes.add(code);
      if (!q.type) fields[`${at}.type`] = m('templateEdit.typeMissing');
      if (!q.text.trim()) fields[`${at}.text`] = m('templateEdit.textMissing');
      if (hasRange(q.type)) {
        const min = bound(q.min);
        const max = bound(q.max);
        if (Number.isNaN(min)) fields[`${at}.min`] = m('templateEdit.numberInvalid');
        if (Number.isNaN(max)) fields[`${at}.max`] = m('templateEdit.numberInvalid');
        else if (min !== null && max !== null && !Number.isNaN(min) && max < min) fields[`${at}.max`] = m('templateEdit.maxBelowMin');
      }
      if (q.type === 'INDICATOR_VALUE' && !q.indicatorId) fields[`${at}.indicatorId`] = m('templateEdit.indicatorMissing');
      if (isChoice(q.type)) {
        if (q.options.length === 0) fields[`${at}.options`] = m('templateEdit.optionsMissing');
        const keys = new Set<string>();
        q.options.forEach((o, oi) => {
          const key = o.optionKey.trim();
          if (!key) fields[`${at}.options.${oi}.key`] = m('templateEdit.optionKeyMissing');
          else if (!OPTION_KEY.test(key)) fields[`${at}.options.${oi}.key`] = m('templateEdit.optionKeyFormat');
          else if (keys.has(key)) fields[`${at}.options.${oi}.key`] = m('templateEdit.optionKeyDuplicate');
          keys.add(key);
          if (!o.label.trim()) fields[`${at}.options.${oi}.label`] = m('templateEdit.optionLabelMissing');
        });
      }
    });
  });
  return fields;
}

/** The keys the form has a field for (server paths are matched to the nearest of them). */
export function templateFields(v: TemplateValues): (key: string) => boolean {
  const keys = new Set(['name', 'nameEn', 'serviceArea', 'sections']);
  v.sections.forEach((s, si) => {
    ['title', 'titleEn', 'questions'].forEach((f) => keys.add(`sections.${si}.${f}`));
    s.questions.forEach((q, qi) => {
      const at = `sections.${si}.questions.${qi}`;
      ['code', 'type', 'text', 'textEn', 'help', 'helpEn', 'publicAnswer', 'min', 'max', 'unitLabel', 'goalId', 'guidelineId', 'indicatorId', 'options'].forEach((f) =>
        keys.add(`${at}.${f}`),
      );
      q.options.forEach((_, oi) => ['key', 'label', 'labelEn'].forEach((f) => keys.add(`${at}.options.${oi}.${f}`)));
    });
  });
  return (key) => keys.has(key);
}

/** Moves an item of a list from one place to another. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** A short summary of the content, for the conflict comparison. */
export function contentSummary(v: TemplateValues): { sections: string; questions: string } {
  return {
    sections: v.sections.map((s) => s.title.trim()).join('; '),
    questions: v.sections.flatMap((s) => s.questions.map((q) => `${q.code.trim()} ${q.text.trim()}`)).join('; '),
  };
}
