import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../gql';
import type { QuestionType, ServiceArea, TemplateBuilderOptionsQuery, TemplateEdit_TemplateFragment } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { isNotFound } from '../../../shared/errors';
import { apiProblem, type FieldMessage } from '../../../shared/forms/errors';
import { CheckboxField, FieldErrorText, Form, FormActions, SelectField, TextAreaField, TextField, useFormField } from '../../../shared/forms/Form';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { Dialog } from '../../../shared/ui/Dialog';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { forgetLists } from '../../access/cache';
import { ConflictNotice } from '../../access/ConflictNotice';
import { useFlash } from '../../access/flash';
import { useServerMessage } from '../../access/useApiErrors';
import { useVersionedForm } from '../../access/useVersionedForm';
import { TemplateStatusBadge } from '../../reporting/ui';
import { localized } from '../../reporting/values';
import { AdminFrame } from '../AdminFrame';
import { NotFoundPanel } from '../NotFoundPanel';
import { CoveragePanel } from './CoveragePanel';
import { TemplatePreview } from './TemplatePreview';
import {
  checkTemplate,
  contentSummary,
  emptyOption,
  emptyQuestion,
  hasRange,
  hasUnit,
  isChoice,
  move,
  nextKey,
  QUESTION_TYPES,
  templateFields,
  toInput,
  valuesOf,
  type OptionRow,
  type QuestionRow,
  type SectionRow,
} from './templateForm';
import '../../reporting/reporting.css';

const SERVICE_AREAS: ServiceArea[] = ['ALL', 'PRIMARY_CARE', 'DENTAL_CARE'];

const TemplateEditQuery = graphql(`
  query TemplateEditPage($id: ID!) {
    reportTemplate(id: $id) {
      id
      ...TemplateEdit_template
    }
  }
`);

export const TemplateEditFragment = graphql(`
  fragment TemplateEdit_template on ReportTemplate {
    id
    name
    nameEn
    version
    status
    editVersion
    familyId
    publishedAt
    serviceArea
    sections {
      id
      title
      titleEn
      questions {
        id
        code
        text
        textEn
        help
        helpEn
        type
        required
        publicAnswer
        min
        max
        unitLabel
        options {
          key
          label
          labelEn
        }
        goal {
          id
          code
        }
        guideline {
          id
          code
        }
        indicator {
          id
          code
          name
          unit
          direction
          targets {
            year
            value
            amberThreshold
          }
        }
      }
    }
    coverage {
      program {
        id
        title
      }
      goals {
        goal {
          id
          code
          title
        }
        questions {
          id
          code
        }
      }
      guidelines {
        guideline {
          id
          code
          text
          obligation
        }
        questions {
          id
          code
        }
      }
    }
  }
`);

const TemplateBuilderOptionsQueryDoc = graphql(`
  query TemplateBuilderOptions {
    programs {
      id
      status
      title
      goals {
        id
        code
        title
      }
      guidelines {
        id
        code
        text
      }
    }
    indicators {
      id
      code
      name
      unit
      direction
      targets {
        year
        value
        amberThreshold
      }
    }
  }
`);

const CreateTemplateMutation = graphql(`
  mutation CreateReportTemplate($input: ReportTemplateInput!) {
    createReportTemplate(input: $input) {
      id
      ...TemplateEdit_template
    }
  }
`);

const SaveTemplateMutation = graphql(`
  mutation SaveReportTemplateDraft($id: ID!, $expectedVersion: Int!, $input: ReportTemplateInput!) {
    saveReportTemplateDraft(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...TemplateEdit_template
    }
  }
`);

const PublishTemplateMutation = graphql(`
  mutation PublishReportTemplate($id: ID!, $expectedVersion: Int!) {
    publishReportTemplate(id: $id, expectedVersion: $expectedVersion) {
      id
      ...TemplateEdit_template
    }
  }
`);

const NewTemplateVersionMutation = graphql(`
  mutation CreateReportTemplateVersion($id: ID!) {
    createReportTemplateVersion(id: $id) {
      id
      version
      ...TemplateEdit_template
    }
  }
`);

type Template = TemplateEdit_TemplateFragment;
type Options = TemplateBuilderOptionsQuery;

/** A new template, a draft to edit, preview and publish, or a published one to read and version. */
export default function TemplateEditPage() {
  const { id } = useParams();
  return id ? <ExistingTemplate key={id} id={id} /> : <NewTemplate />;
}

function useBuilderOptions() {
  const { data } = useQuery(TemplateBuilderOptionsQueryDoc);
  return data ?? null;
}

function NewTemplate() {
  const { t } = useTranslation('reporting');
  useDocumentTitle(t('templateEdit.titleNew'));
  const options = useBuilderOptions();
  return (
    <AdminFrame crumbs={[{ label: t('templates.title'), to: paths.adminTemplates }, { label: t('templateEdit.titleNew') }]}>
      <PageHeader title={t('templateEdit.headingNew')} lead={t('templateEdit.leadNew')} />
      <DraftEditor template={null} options={options} reload={async () => null} />
    </AdminFrame>
  );
}

function ExistingTemplate({ id }: { id: string }) {
  const { t, i18n } = useTranslation('reporting');
  const { data, error, refetch } = useQuery(TemplateEditQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const options = useBuilderOptions();
  const template = data?.reportTemplate ?? null;
  const notFound = isNotFound(error) || (data && !template);
  const name = template ? localized(template.name, template.nameEn, i18n.language) : null;
  useDocumentTitle(name?.text ?? t('templates.title'));
  return (
    <AdminFrame crumbs={[{ label: t('templates.title'), to: paths.adminTemplates }, { label: name?.text ?? t('templates.title') }]}>
      {!data && !error && <Loading label={t('templateEdit.loading')} />}
      {notFound && <NotFoundPanel title={t('templateEdit.notFound')} back={{ to: paths.adminTemplates, label: t('templateEdit.backToList') }} />}
      {error && !notFound && !data && <ErrorNotice onRetry={() => void refetch()} />}
      {template && name && (
        <>
          <PageHeader title={name.text} lang={name.lang}>
            <p className="page-header__meta">
              <TemplateStatusBadge status={template.status} /> <span className="muted">{t('common.version', { n: template.version })}</span>
            </p>
          </PageHeader>
          {template.status === 'DRAFT' ? (
            <DraftEditor
              key={template.id}
              template={template}
              options={options}
              reload={async () => (await refetch({ id })).data?.reportTemplate ?? null}
            />
          ) : (
            <PublishedTemplate template={template} options={options} />
          )}
        </>
      )}
    </AdminFrame>
  );
}

/** Tabs (WAI-ARIA pattern): arrow keys, Home and End move between them; only the chosen panel shows. */
function Tabs({ label, tabs, testId }: { label: string; tabs: { key: string; label: string; content: ReactNode }[]; testId?: string }) {
  const base = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [active, setActive] = useState(tabs[0]!.key);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    setActive(tabs[next]!.key);
    refs.current[tabs[next]!.key]?.focus();
  };
  return (
    <div className="tabs" data-testid={testId}>
      <div role="tablist" aria-label={label} className="tabs__list">
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[tab.key] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.key}`}
            aria-selected={active === tab.key}
            aria-controls={`${base}-panel-${tab.key}`}
            tabIndex={active === tab.key ? 0 : -1}
            className="tabs__tab"
            onClick={() => setActive(tab.key)}
            onKeyDown={(e) => onKeyDown(e, index)}
            data-testid={`tab-${tab.key}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${base}-panel-${tab.key}`}
          aria-labelledby={`${base}-tab-${tab.key}`}
          hidden={active !== tab.key}
          tabIndex={0}
          className="tabs__panel"
        >
          {active === tab.key && tab.content}
        </div>
      ))}
    </div>
  );
}

interface Choices {
  goals: { value: string; label: string; lang?: string }[];
  guidelines: { value: string; label: string; lang?: string }[];
  indicators: { value: string; label: string; lang?: string }[];
}

function useChoices(options: Options | null): Choices {
  return useMemo(() => {
    const program = options?.programs.find((p) => p.status === 'ADOPTED') ?? null;
    return {
      goals: (program?.goals ?? []).map((g) => ({ value: g.id, label: `${g.code} – ${g.title}`, lang: 'sv' })),
      guidelines: (program?.guidelines ?? []).map((g) => ({ value: g.id, label: `${g.code} – ${g.text.length > 70 ? `${g.text.slice(0, 70)}…` : g.text}`, lang: 'sv' })),
      indicators: (options?.indicators ?? []).map((i) => ({ value: i.id, label: `${i.code} – ${i.name}`, lang: 'sv' })),
    };
  }, [options]);
}

function DraftEditor({ template, options, reload }: { template: Template | null; options: Options | null; reload: () => Promise<Template | null> }) {
  const { t } = useTranslation('reporting');
  const { t: tMain } = useTranslation();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [create, creating] = useMutation(CreateTemplateMutation, { update: forgetLists('reportTemplates') });
  const [saveDraft, saving] = useMutation(SaveTemplateMutation, { update: forgetLists('reportTemplates') });
  const busy = creating.loading || saving.loading;
  const { values, setValues, version, base, take, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: template,
    valuesOf,
    versionOf: (tpl) => tpl.editVersion,
    busy,
    reload,
    isField: (key, v) => templateFields(v)(key),
    check: (v) => ({ fields: checkTemplate(v, t as unknown as (key: string) => string), general: [] }),
    announceUseSaved: false,
    submit: async (v, expectedVersion) => {
      if (!template) {
        const { data } = await create({ variables: { input: toInput(v) } });
        const created = data!.createReportTemplate;
        flash(t('templateEdit.created', { name: created.name }), paths.adminTemplate(created.id));
        navigate(paths.adminTemplate(created.id));
        return;
      }
      const { data } = await saveDraft({ variables: { id: template.id, expectedVersion, input: toInput(v) } });
      flash(t('templateEdit.saved'));
      return data!.saveReportTemplateDraft;
    },
  });
  const focusAfter = useRef<string | null>(null);
  const savedJson = useMemo(() => JSON.stringify(toInput(valuesOf(base))), [base]);
  const dirty = JSON.stringify(toInput(values)) !== savedJson;
  const choices = useChoices(options);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const setSection = (si: number, patch: Partial<SectionRow>) =>
    setValues((v) => ({ ...v, sections: v.sections.map((s, i) => (i === si ? { ...s, ...patch } : s)) }));
  const setQuestion = (si: number, qi: number, patch: Partial<QuestionRow>) =>
    setValues((v) => ({
      ...v,
      sections: v.sections.map((s, i) => (i === si ? { ...s, questions: s.questions.map((q, j) => (j === qi ? { ...q, ...patch } : q)) } : s)),
    }));

  const errorKeys = Object.keys(form.errors.fields);
  const questionHasError = (si: number, qi: number) => errorKeys.some((k) => k.startsWith(`sections.${si}.questions.${qi}.`));

  const editTab = (
    <>
      {conflict && (
        <ConflictNotice
          what={t('templateEdit.conflictWhat')}
          rows={(() => {
            const savedV = valuesOf(conflict);
            const mine = contentSummary(values);
            const saved = contentSummary(savedV);
            return [
              { label: t('templateEdit.name'), mine: values.name, saved: savedV.name },
              { label: t('templateEdit.nameEn'), mine: values.nameEn, saved: savedV.nameEn },
              { label: t('templateEdit.sectionsHeading'), mine: mine.sections, saved: saved.sections },
              { label: t('templates.questions'), mine: mine.questions, saved: saved.questions },
            ];
          })()}
          busy={busy}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}
      <Form state={form} onSubmit={onSubmit} idPrefix="template" testId="template-form" className="form template-form">
        <section className="panel" aria-labelledby="template-basics">
          <h2 id="template-basics" className="panel__heading">
            {t('templateEdit.basics')}
          </h2>
          <div className="form--narrow">
            <TextField name="name" label={t('templateEdit.name')} value={values.name} lang="sv" onChange={(v) => setValues((x) => ({ ...x, name: v }))} />
            <TextField name="nameEn" label={t('templateEdit.nameEn')} optional value={values.nameEn} lang="en" onChange={(v) => setValues((x) => ({ ...x, nameEn: v }))} />
            <SelectField
              name="serviceArea"
              label={t('templateEdit.serviceArea')}
              value={values.serviceArea}
              onChange={(v) => setValues((x) => ({ ...x, serviceArea: v as ServiceArea }))}
              options={SERVICE_AREAS.map((a) => ({ value: a, label: tMain(`serviceArea.${a}`) }))}
            />
          </div>
        </section>

        <RowsSection name="sections" heading={t('templateEdit.sectionsHeading')} lead={t('templateEdit.sectionsLead')}>
          {values.sections.length === 0 && <p className="muted">{t('templateEdit.noSections')}</p>}
          <ol className="rows template-sections">
            {values.sections.map((section, si) => {
              const sectionLabel = t('templateEdit.sectionN', { n: si + 1 });
              return (
                <li key={section.key} className="row-card template-section" data-testid="template-section">
                  <fieldset className="row-card__fieldset">
                    <legend className="row-card__legend">
                      {sectionLabel}
                      {section.title.trim() && <span className="row-card__code"> ({section.title.trim()})</span>}
                    </legend>
                    <div className="template-grid">
                      <TextField name={`sections.${si}.title`} label={t('templateEdit.sectionTitle')} summaryLabel={`${sectionLabel}, ${t('templateEdit.sectionTitle')}`} lang="sv" value={section.title} onChange={(v) => setSection(si, { title: v })} />
                      <TextField name={`sections.${si}.titleEn`} label={t('templateEdit.sectionTitleEn')} summaryLabel={`${sectionLabel}, ${t('templateEdit.sectionTitleEn')}`} optional lang="en" value={section.titleEn} onChange={(v) => setSection(si, { titleEn: v })} />
                    </div>
                    <QuestionsList
                      section={section}
                      si={si}
                      sectionLabel={sectionLabel}
                      choices={choices}
                      setQuestion={setQuestion}
                      setQuestions={(questions) => setSection(si, { questions })}
                      forceOpen={(qi) => questionHasError(si, qi)}
                      focusAfter={focusAfter}
                    />
                    <RowButtons
                      what={sectionLabel}
                      first={si === 0}
                      last={si === values.sections.length - 1}
                      onUp={() => setValues((v) => ({ ...v, sections: move(v.sections, si, si - 1) }))}
                      onDown={() => setValues((v) => ({ ...v, sections: move(v.sections, si, si + 1) }))}
                      onRemove={() => {
                        focusAfter.current = 'template-add-section';
                        setValues((v) => ({ ...v, sections: v.sections.filter((_, j) => j !== si) }));
                      }}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            id="template-add-section"
            className="button button--secondary"
            onClick={() => {
              focusAfter.current = `template-sections-${values.sections.length}-title`;
              setValues((v) => ({ ...v, sections: [...v.sections, { key: nextKey(), id: null, title: '', titleEn: '', questions: [] }] }));
            }}
            data-testid="add-section"
          >
            <span aria-hidden="true">+</span> {t('templateEdit.addSection')}
          </button>
        </RowsSection>

        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="template-save">
            {busy ? t('common.saving') : template ? t('templateEdit.save') : t('templateEdit.create')}
          </button>
          <Link to={paths.adminTemplates} className="button button--secondary">
            {template ? t('templateEdit.backToList') : t('common.cancel')}
          </Link>
          {dirty && template && (
            <p className="form-actions__note" data-testid="template-unsaved">
              <span aria-hidden="true">● </span>
              {t('templateEdit.unsaved')}
            </p>
          )}
        </FormActions>
      </Form>
    </>
  );

  return (
    <>
      {template && <p className="notice notice--info">{t('templateEdit.draftNote')}</p>}
      <Tabs
        label={t('templateEdit.tabsLabel')}
        testId="template-tabs"
        tabs={[
          { key: 'edit', label: t('templateEdit.tabEdit'), content: editTab },
          {
            key: 'preview',
            label: t('templateEdit.tabPreview'),
            content: <TemplatePreview values={values} options={options} note={t('templateEdit.previewSaved')} />,
          },
          ...(template
            ? [
                {
                  key: 'coverage',
                  label: t('templateEdit.tabCoverage'),
                  content: <CoveragePanel coverage={template.coverage} note={t('coverage.savedOnly')} />,
                },
              ]
            : []),
        ]}
      />
      {template && <PublishSection template={template} version={version} dirty={dirty} onPublished={take} />}
    </>
  );
}

function QuestionsList({
  section,
  si,
  sectionLabel,
  choices,
  setQuestion,
  setQuestions,
  forceOpen,
  focusAfter,
}: {
  section: SectionRow;
  si: number;
  sectionLabel: string;
  choices: Choices;
  setQuestion: (si: number, qi: number, patch: Partial<QuestionRow>) => void;
  setQuestions: (questions: QuestionRow[]) => void;
  forceOpen: (qi: number) => boolean;
  focusAfter: { current: string | null };
}) {
  const { t } = useTranslation('reporting');
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  return (
    <div className="template-questions">
      {section.questions.length === 0 && <p className="muted">{t('templateEdit.noQuestions')}</p>}
      <ol className="rows">
        {section.questions.map((q, qi) => {
          const questionLabel = t('templateEdit.questionN', { n: qi + 1 });
          const what = `${sectionLabel}, ${questionLabel}`;
          const open = forceOpen(qi) || (opened[q.key] ?? q.id === null);
          return (
            <li key={q.key} className="template-question" data-testid="template-question">
              <details open={open} onToggle={(e) => setOpened((o) => ({ ...o, [q.key]: e.currentTarget.open }))}>
                <summary className="template-question__summary">
                  <span className="question__code">{q.code.trim() || '–'}</span>{' '}
                  <span lang="sv">{q.text.trim() || questionLabel}</span>
                  {q.type && <span className="template-question__type"> · {t(`questionType.${q.type}`)}</span>}
                  <span className="visually-hidden"> ({what})</span>
                </summary>
                <QuestionEditor q={q} at={`sections.${si}.questions.${qi}`} what={what} choices={choices} set={(patch) => setQuestion(si, qi, patch)} />
                <RowButtons
                  what={what}
                  first={qi === 0}
                  last={qi === section.questions.length - 1}
                  onUp={() => setQuestions(move(section.questions, qi, qi - 1))}
                  onDown={() => setQuestions(move(section.questions, qi, qi + 1))}
                  onRemove={() => {
                    focusAfter.current = `add-question-${section.key}`;
                    setQuestions(section.questions.filter((_, j) => j !== qi));
                  }}
                />
              </details>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={`add-question-${section.key}`}
        className="button button--secondary button--small"
        onClick={() => {
          focusAfter.current = `template-sections-${si}-questions-${section.questions.length}-code`;
          setQuestions([...section.questions, emptyQuestion(`${si + 1}.${section.questions.length + 1}`)]);
        }}
        data-testid="add-question"
      >
        <span aria-hidden="true">+</span> {t('templateEdit.addQuestion')}
        <span className="visually-hidden"> {t('templateEdit.addQuestionTo', { n: si + 1 })}</span>
      </button>
    </div>
  );
}

function QuestionEditor({ q, at, what, choices, set }: { q: QuestionRow; at: string; what: string; choices: Choices; set: (patch: Partial<QuestionRow>) => void }) {
  const { t } = useTranslation('reporting');
  const label = (key: string) => `${what}, ${key}`;
  const multi = q.type === 'MULTI_CHOICE';
  return (
    <div className="template-question__body">
      <div className="row-card__grid template-question__grid">
        <TextField name={`${at}.code`} label={t('templateEdit.code')} hint={t('templateEdit.codeHint')} summaryLabel={label(t('templateEdit.code'))} width="short" spellCheck={false} value={q.code} onChange={(v) => set({ code: v })} />
        <SelectField
          name={`${at}.type`}
          label={t('templateEdit.type')}
          summaryLabel={label(t('templateEdit.type'))}
          value={q.type}
          onChange={(v) => set({ type: v as QuestionType, options: isChoice(v as QuestionType) && q.options.length === 0 ? [emptyOption()] : q.options })}
          placeholder={t('templateEdit.chooseType')}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`questionType.${type}`) }))}
        />
      </div>
      <CheckboxField name={`${at}.required`} label={t('templateEdit.required')} checked={q.required} onChange={(v) => set({ required: v })} />
      {q.type === 'TEXT' && (
        <CheckboxField
          name={`${at}.publicAnswer`}
          label={t('templateEdit.publicAnswer')}
          hint={t('templateEdit.publicAnswerHint')}
          checked={q.publicAnswer}
          onChange={(v) => set({ publicAnswer: v })}
        />
      )}
      <div className="template-grid">
        <TextAreaField name={`${at}.text`} label={t('templateEdit.text')} summaryLabel={label(t('templateEdit.text'))} rows={2} lang="sv" value={q.text} onChange={(v) => set({ text: v })} />
        <TextAreaField name={`${at}.textEn`} label={t('templateEdit.textEn')} summaryLabel={label(t('templateEdit.textEn'))} optional rows={2} lang="en" value={q.textEn} onChange={(v) => set({ textEn: v })} />
        <TextAreaField name={`${at}.help`} label={t('templateEdit.help')} summaryLabel={label(t('templateEdit.help'))} optional rows={2} lang="sv" value={q.help} onChange={(v) => set({ help: v })} />
        <TextAreaField name={`${at}.helpEn`} label={t('templateEdit.helpEn')} summaryLabel={label(t('templateEdit.helpEn'))} optional rows={2} lang="en" value={q.helpEn} onChange={(v) => set({ helpEn: v })} />
      </div>
      {(hasRange(q.type) || hasUnit(q.type)) && (
        <div className="field-row field-row--three">
          {hasRange(q.type) && (
            <>
              <TextField name={`${at}.min`} label={multi ? t('templateEdit.minChoices') : t('templateEdit.min')} summaryLabel={label(t('templateEdit.min'))} optional width="short" inputMode="decimal" value={q.min} onChange={(v) => set({ min: v })} />
              <TextField name={`${at}.max`} label={multi ? t('templateEdit.maxChoices') : t('templateEdit.max')} summaryLabel={label(t('templateEdit.max'))} optional width="short" inputMode="decimal" value={q.max} onChange={(v) => set({ max: v })} />
            </>
          )}
          {hasUnit(q.type) && (
            <TextField name={`${at}.unitLabel`} label={t('templateEdit.unitLabel')} hint={t('templateEdit.unitLabelHint')} summaryLabel={label(t('templateEdit.unitLabel'))} optional width="medium" value={q.unitLabel} onChange={(v) => set({ unitLabel: v })} />
          )}
        </div>
      )}
      {isChoice(q.type) && <OptionsEditor q={q} at={at} what={what} set={set} />}
      <fieldset className="fieldset-plain template-question__links">
        <legend>{t('templateEdit.links')}</legend>
        <div className="template-grid template-grid--three">
          <SelectField name={`${at}.goalId`} label={t('templateEdit.goal')} summaryLabel={label(t('templateEdit.goal'))} optional value={q.goalId} onChange={(v) => set({ goalId: v })} placeholder={t('templateEdit.noLink')} options={choices.goals} />
          <SelectField name={`${at}.guidelineId`} label={t('templateEdit.guideline')} summaryLabel={label(t('templateEdit.guideline'))} optional value={q.guidelineId} onChange={(v) => set({ guidelineId: v })} placeholder={t('templateEdit.noLink')} options={choices.guidelines} />
          <SelectField
            name={`${at}.indicatorId`}
            label={t('templateEdit.indicator')}
            summaryLabel={label(t('templateEdit.indicator'))}
            optional={q.type !== 'INDICATOR_VALUE'}
            value={q.indicatorId}
            onChange={(v) => set({ indicatorId: v })}
            placeholder={t('templateEdit.noLink')}
            options={choices.indicators}
          />
        </div>
      </fieldset>
    </div>
  );
}

function OptionsEditor({ q, at, what, set }: { q: QuestionRow; at: string; what: string; set: (patch: Partial<QuestionRow>) => void }) {
  const { t } = useTranslation('reporting');
  const { id, error, errorId } = useFormField(`${at}.options`, `${what}, ${t('templateEdit.options')}`);
  const setOption = (oi: number, patch: Partial<OptionRow>) => set({ options: q.options.map((o, i) => (i === oi ? { ...o, ...patch } : o)) });
  return (
    <fieldset className="fieldset-plain template-options">
      <legend>{t('templateEdit.options')}</legend>
      {error && (
        <div id={id} tabIndex={-1}>
          <FieldErrorText id={errorId} message={error} />
        </div>
      )}
      <ol className="rows">
        {q.options.map((o, oi) => {
          const optionLabel = `${what}, ${t('templateEdit.optionN', { n: oi + 1 })}`;
          return (
            <li key={o.key} className="template-option">
              <div className="template-option__fields">
                <TextField name={`${at}.options.${oi}.key`} label={t('templateEdit.optionKey')} hint={t('templateEdit.optionKeyHint')} summaryLabel={`${optionLabel}, ${t('templateEdit.optionKey')}`} width="short" spellCheck={false} value={o.optionKey} onChange={(v) => setOption(oi, { optionKey: v })} />
                <TextField name={`${at}.options.${oi}.label`} label={t('templateEdit.optionLabel')} summaryLabel={`${optionLabel}, ${t('templateEdit.optionLabel')}`} lang="sv" value={o.label} onChange={(v) => setOption(oi, { label: v })} />
                <TextField name={`${at}.options.${oi}.labelEn`} label={t('templateEdit.optionLabelEn')} summaryLabel={`${optionLabel}, ${t('templateEdit.optionLabelEn')}`} optional lang="en" value={o.labelEn} onChange={(v) => setOption(oi, { labelEn: v })} />
              </div>
              <RowButtons
                what={optionLabel}
                first={oi === 0}
                last={oi === q.options.length - 1}
                onUp={() => set({ options: move(q.options, oi, oi - 1) })}
                onDown={() => set({ options: move(q.options, oi, oi + 1) })}
                onRemove={() => set({ options: q.options.filter((_, j) => j !== oi) })}
              />
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--secondary button--small" onClick={() => set({ options: [...q.options, emptyOption()] })}>
        <span aria-hidden="true">+</span> {t('templateEdit.addOption')}
        <span className="visually-hidden"> ({what})</span>
      </button>
    </fieldset>
  );
}

/** A list (sections) with its heading and the message that concerns the whole list. */
function RowsSection({ name, heading, lead, children }: { name: string; heading: string; lead: string; children: ReactNode }) {
  const { id, error, errorId } = useFormField(name, heading);
  return (
    <section className="section rows-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="section__lead">{lead}</p>
      {error && (
        <div id={id} tabIndex={-1}>
          <FieldErrorText id={errorId} message={error} />
        </div>
      )}
      {children}
    </section>
  );
}

function RowButtons({ what, first, last, onUp, onDown, onRemove }: { what: string; first: boolean; last: boolean; onUp: () => void; onDown: () => void; onRemove: () => void }) {
  const { t } = useTranslation('reporting');
  return (
    <div className="row-card__actions">
      {!first && (
        <button type="button" className="button button--small button--secondary" onClick={onUp}>
          <span aria-hidden="true">↑</span> {t('templateEdit.moveUp')}
          <span className="visually-hidden"> {what}</span>
        </button>
      )}
      {!last && (
        <button type="button" className="button button--small button--secondary" onClick={onDown}>
          <span aria-hidden="true">↓</span> {t('templateEdit.moveDown')}
          <span className="visually-hidden"> {what}</span>
        </button>
      )}
      <button type="button" className="button button--small button--danger" onClick={onRemove}>
        {t('templateEdit.remove')}
        <span className="visually-hidden"> {what}</span>
      </button>
    </div>
  );
}

/** Publishing: asks first, since a published template is never changed again. */
function PublishSection({ template, version, dirty, onPublished }: { template: Template; version: number; dirty: boolean; onPublished: (t: Template) => void }) {
  const { t, i18n } = useTranslation('reporting');
  const { flash } = useFlash();
  const serverMessage = useServerMessage();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<FieldMessage | null>(null);
  const [publish, { loading }] = useMutation(PublishTemplateMutation, { update: forgetLists('reportTemplates') });
  const name = localized(template.name, template.nameEn, i18n.language).text;

  const ask = () => {
    setFailure(dirty ? { text: t('templateEdit.saveFirst') } : null);
    if (!dirty) setConfirming(true);
  };
  const confirm = async () => {
    if (loading) return;
    try {
      const { data } = await publish({ variables: { id: template.id, expectedVersion: version } });
      setConfirming(false);
      onPublished(data!.publishReportTemplate);
      flash(t('templateEdit.published'));
    } catch (error) {
      setConfirming(false);
      const problem = apiProblem(error);
      if (problem.code === 'CONFLICT') setFailure({ text: t('templateEdit.publishConflict') });
      else if (problem.code === 'BAD_USER_INPUT') setFailure(serverMessage(problem.fields[0]?.message ?? problem.message));
      else setFailure({ text: t('common.actionFailed') });
    }
  };
  return (
    <section className="section panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading" className="panel__heading">
        {t('templateEdit.publishHeading')}
      </h2>
      <p>{t('templateEdit.publishLead')}</p>
      {failure && (
        <p className="field-error" role="alert" data-testid="publish-failed">
          <span aria-hidden="true" className="field-error__icon">
            !
          </span>
          <span lang={failure.lang}>{failure.text}</span>
        </p>
      )}
      <button type="button" className="button button--primary" onClick={ask} data-testid="publish-template">
        {t('templateEdit.publish')}
      </button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t('templateEdit.publishConfirmTitle', { name })} testId="publish-dialog">
        <p>{t('templateEdit.publishConfirmBody')}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => void confirm()} aria-disabled={loading} data-testid="publish-confirm">
            {loading ? t('common.saving') : t('templateEdit.publishConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)} data-autofocus>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

/** A published (or retired) template: read only, previewed, its coverage; changes start a new version. */
function PublishedTemplate({ template, options }: { template: Template; options: Options | null }) {
  const { t, i18n } = useTranslation('reporting');
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [createVersion, { loading }] = useMutation(NewTemplateVersionMutation, { update: forgetLists('reportTemplates') });
  const [failure, setFailure] = useState<'exists' | 'failed' | null>(null);
  const values = useMemo(() => valuesOf(template), [template]);
  const language = i18n.language;

  const newVersion = async () => {
    if (loading) return;
    setFailure(null);
    try {
      const { data } = await createVersion({ variables: { id: template.id } });
      const draft = data!.createReportTemplateVersion;
      flash(t('templateEdit.versionCreated', { n: draft.version }), paths.adminTemplate(draft.id));
      navigate(paths.adminTemplate(draft.id));
    } catch (error) {
      setFailure(apiProblem(error).code === 'CONFLICT' ? 'exists' : 'failed');
    }
  };

  return (
    <>
      <div className="notice notice--info">
        <p>{template.status === 'PUBLISHED' ? t('templateEdit.frozenNote') : t('templateEdit.retiredNote')}</p>
        <button type="button" className="button button--primary" onClick={() => void newVersion()} aria-disabled={loading} data-testid="new-template-version">
          {loading ? t('common.saving') : t('templateEdit.newVersion')}
        </button>
        {failure && (
          <p className="field-error" role="alert">
            <span aria-hidden="true" className="field-error__icon">
              !
            </span>
            <span>{failure === 'exists' ? t('templateEdit.versionExists') : t('common.actionFailed')}</span>{' '}
            {failure === 'exists' && <Link to={paths.adminTemplates}>{t('templateEdit.backToList')}</Link>}
          </p>
        )}
      </div>
      <Tabs
        label={t('templateEdit.tabsLabel')}
        testId="template-tabs"
        tabs={[
          {
            key: 'content',
            label: t('templateEdit.tabContent'),
            content: (
              <div className="template-content" data-testid="template-content">
                {template.sections.map((s) => {
                  const title = localized(s.title, s.titleEn, language);
                  return (
                    <section key={s.id} className="section section--tight" aria-labelledby={`content-${s.id}`}>
                      <h2 id={`content-${s.id}`} lang={title.lang}>
                        {title.text}
                      </h2>
                      <ul className="plain-list read-rows">
                        {s.questions.map((q) => {
                          const text = localized(q.text, q.textEn, language);
                          return (
                            <li key={q.id}>
                              <span className="code read-rows__code">{q.code}</span> <strong lang={text.lang}>{text.text}</strong>
                              <p className="read-rows__text muted">
                                {t(`questionType.${q.type}`)} · {q.required ? t('templateEdit.requiredYes') : t('templateEdit.requiredNo')}
                                {q.goal && <> · {q.goal.code}</>}
                                {q.guideline && <> · {q.guideline.code}</>}
                                {q.indicator && <> · {q.indicator.code}</>}
                              </p>
                            </li>
                          );
                        })}
                      </ul>
                    </section>
                  );
                })}
              </div>
            ),
          },
          { key: 'preview', label: t('templateEdit.tabPreview'), content: <TemplatePreview values={values} options={options} /> },
          { key: 'coverage', label: t('templateEdit.tabCoverage'), content: <CoveragePanel coverage={template.coverage} /> },
        ]}
      />
    </>
  );
}
