import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateBuilderOptionsQuery } from '../../../gql/graphql';
import { NO_ERRORS } from '../../../shared/forms/errors';
import { Form } from '../../../shared/forms/Form';
import { QuestionInput, type Draft, type Question } from '../../reporting/QuestionInput';
import { emptyRaw, localized } from '../../reporting/values';
import { isChoice, type TemplateValues } from './templateForm';

const noop = () => undefined;

/** The questions as a provider will see them, in the UI language; nothing can be filled in. */
export function TemplatePreview({ values, options, note }: { values: TemplateValues; options: TemplateBuilderOptionsQuery | null; note?: string }) {
  const { t, i18n } = useTranslation('reporting');
  const language = i18n.language;
  const year = new Date().getFullYear();
  const sections = useMemo(
    () =>
      values.sections.map((s) => ({
        key: s.key,
        title: localized(s.title || '–', s.titleEn, language),
        questions: s.questions
          .filter((q) => q.type)
          .map(
            (q): Question => ({
              id: `preview-${q.key}`,
              code: q.code,
              text: q.text || '–',
              textEn: q.textEn || null,
              help: q.help || null,
              helpEn: q.helpEn || null,
              type: q.type as Question['type'],
              required: q.required,
              min: q.min.trim() === '' ? null : Number(q.min.replace(',', '.')),
              max: q.max.trim() === '' ? null : Number(q.max.replace(',', '.')),
              unitLabel: q.unitLabel || null,
              options: isChoice(q.type) ? q.options.map((o) => ({ key: o.optionKey || o.key, label: o.label || '–', labelEn: o.labelEn || null })) : null,
              indicator: options?.indicators.find((i) => i.id === q.indicatorId) ?? null,
            }),
          ),
      })),
    [values, options, language],
  );
  return (
    <div className="template-preview" data-testid="template-preview">
      <p className="notice notice--info">
        {t('templateEdit.previewLead')}
        {note && <> {note}</>}
      </p>
      <Form state={{ errors: NO_ERRORS, focusToken: 0 }} onSubmit={noop} idPrefix="preview" className="form report-form report-form--preview">
        {sections.map((s) => (
          <section key={s.key} className="report-section" aria-labelledby={`preview-section-${s.key}`}>
            <h2 id={`preview-section-${s.key}`} className="report-section__heading" lang={s.title.lang}>
              {s.title.text}
            </h2>
            {s.questions.map((q) => {
              const draft: Draft = { raw: emptyRaw(q.type), note: '', confidential: false, reason: '' };
              return <QuestionInput key={q.id} question={q} draft={draft} onChange={noop} onLeave={noop} year={year} disabled />;
            })}
          </section>
        ))}
      </Form>
    </div>
  );
}
