import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../gql';
import type { GoalCategory, Obligation, ProgramEdit_ProgramFragment } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { isNotFound } from '../../../shared/errors';
import { apiProblem, hasErrors, type FieldMessage } from '../../../shared/forms/errors';
import {
  FieldErrorText,
  Form,
  FormActions,
  SelectField,
  TextAreaField,
  TextField,
  useFormErrors,
  useFormField,
} from '../../../shared/forms/Form';
import { isIsoDate, parseYear } from '../../../shared/forms/values';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { Dialog } from '../../../shared/ui/Dialog';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { forgetLists } from '../../access/cache';
import { ConflictNotice } from '../../access/ConflictNotice';
import { useFlash } from '../../access/flash';
import { loose, useApiErrors, type LooseT } from '../../access/useApiErrors';
import { useVersionedForm } from '../../access/useVersionedForm';
import { AdminFrame } from '../AdminFrame';
import { NotFoundPanel } from '../NotFoundPanel';
import { ProgramStatusBadge } from './ProgramsAdminPage';

const CATEGORIES: GoalCategory[] = [
  'ACCESSIBILITY',
  'QUALITY',
  'PATIENT_SAFETY',
  'EQUAL_CARE',
  'COOPERATION',
  'STAFF_COMPETENCE',
  'TRANSPARENCY',
  'ENVIRONMENT',
  'OTHER',
];
const OBLIGATIONS: Obligation[] = ['SHALL', 'SHOULD'];

const ProgramEditQuery = graphql(`
  query ProgramEditPage($id: ID!) {
    program(id: $id) {
      id
      ...ProgramEdit_program
    }
  }
`);

export const ProgramEditFragment = graphql(`
  fragment ProgramEdit_program on Program {
    id
    title
    termStart
    termEnd
    decisionReference
    decidedBy
    decidedAt
    status
    programVersion
    version
    goals {
      id
      code
      title
      description
      category
    }
    guidelines {
      id
      code
      text
      obligation
      goal {
        id
        code
      }
    }
  }
`);

const CreateProgramMutation = graphql(`
  mutation CreateProgram($input: ProgramDraftInput!) {
    createProgram(input: $input) {
      id
      ...ProgramEdit_program
    }
  }
`);

const SaveProgramDraftMutation = graphql(`
  mutation SaveProgramDraft($id: ID!, $expectedVersion: Int!, $input: ProgramDraftInput!) {
    saveProgramDraft(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...ProgramEdit_program
    }
  }
`);

const AdoptProgramMutation = graphql(`
  mutation AdoptProgram($id: ID!, $expectedVersion: Int!, $input: AdoptProgramInput!) {
    adoptProgram(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...ProgramEdit_program
    }
  }
`);

const CreateProgramVersionMutation = graphql(`
  mutation CreateProgramVersion($id: ID!) {
    createProgramVersion(id: $id) {
      id
      ...ProgramEdit_program
    }
  }
`);

/** A new program draft, a draft to edit and adopt, or an adopted program to read and version. */
export default function ProgramEditPage() {
  const { id } = useParams();
  return id ? <ExistingProgram key={id} id={id} /> : <NewProgram />;
}

function NewProgram() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('programsAdmin.newTitle'));
  return (
    <AdminFrame crumbs={[{ label: t('programsAdmin.title'), to: paths.adminPrograms }, { label: t('programsAdmin.newTitle') }]}>
      <PageHeader title={t('programsAdmin.newHeading')} lead={t('programsAdmin.newLead')} />
      <DraftEditor program={null} reload={async () => null} />
    </AdminFrame>
  );
}

function ExistingProgram({ id }: { id: string }) {
  const { t } = useTranslation('access');
  const { data, error, refetch } = useQuery(ProgramEditQuery, { variables: { id } });
  const program = data?.program ?? null;
  const notFound = isNotFound(error) || (data && !program);
  useDocumentTitle(program?.title ?? t('programsAdmin.title'));
  return (
    <AdminFrame crumbs={[{ label: t('programsAdmin.title'), to: paths.adminPrograms }, { label: program?.title ?? t('programsAdmin.programTitle') }]}>
      {!data && !error && <Loading label={t('common.loading')} />}
      {notFound && <NotFoundPanel title={t('programsAdmin.notFound')} back={{ to: paths.adminPrograms, label: t('programsAdmin.backToList') }} />}
      {error && !notFound && <ErrorNotice onRetry={() => void refetch()} />}
      {program && (
        <>
          <PageHeader title={program.title} lang="sv">
            <p className="page-header__meta">
              <ProgramStatusBadge status={program.status} /> <span className="muted">{t('programsAdmin.versionN', { n: program.programVersion })}</span>
            </p>
          </PageHeader>
          {program.status === 'DRAFT' ? (
            <DraftEditor program={program} reload={async () => (await refetch()).data?.program ?? null} />
          ) : (
            <AdoptedProgram program={program} />
          )}
        </>
      )}
    </AdminFrame>
  );
}

interface GoalRow {
  key: string;
  id: string | null;
  code: string;
  title: string;
  description: string;
  category: GoalCategory | '';
}

interface GuidelineRow {
  key: string;
  id: string | null;
  code: string;
  text: string;
  obligation: Obligation | '';
  goalCode: string;
}

interface DraftValues {
  title: string;
  termStart: string;
  termEnd: string;
  decisionReference: string;
  goals: GoalRow[];
  guidelines: GuidelineRow[];
}

let rowKey = 0;
const nextKey = () => `row-${++rowKey}`;

function valuesOf(p: ProgramEdit_ProgramFragment | null): DraftValues {
  return {
    title: p?.title ?? '',
    termStart: p ? String(p.termStart) : '',
    termEnd: p ? String(p.termEnd) : '',
    decisionReference: p?.decisionReference ?? '',
    goals: (p?.goals ?? []).map((g) => ({ key: nextKey(), id: g.id, code: g.code, title: g.title, description: g.description, category: g.category })),
    guidelines: (p?.guidelines ?? []).map((r) => ({
      key: nextKey(),
      id: r.id,
      code: r.code,
      text: r.text,
      obligation: r.obligation,
      goalCode: r.goal?.code ?? '',
    })),
  };
}

/** The checks made before sending; the server makes them again and answers per field. */
export function checkDraft(v: DraftValues, t: LooseT): Record<string, FieldMessage> {
  const fields: Record<string, FieldMessage> = {};
  if (!v.title.trim()) fields['title'] = { text: t('programsAdmin.titleMissing') };
  const start = parseYear(v.termStart);
  const end = parseYear(v.termEnd);
  if (start === null) fields['termStart'] = { text: t('programsAdmin.yearInvalid') };
  if (end === null) fields['termEnd'] = { text: t('programsAdmin.yearInvalid') };
  else if (start !== null && end < start) fields['termEnd'] = { text: t('serverMessage.termEndBeforeStart') };
  if (!v.decisionReference.trim()) fields['decisionReference'] = { text: t('programsAdmin.decisionReferenceMissing') };
  const goalCodes = new Set<string>();
  v.goals.forEach((g, i) => {
    const code = g.code.trim();
    if (!code) fields[`goals.${i}.code`] = { text: t('programsAdmin.codeMissing') };
    else if (goalCodes.has(code)) fields[`goals.${i}.code`] = { text: t('serverMessage.goalCodeDuplicate') };
    goalCodes.add(code);
    if (!g.title.trim()) fields[`goals.${i}.title`] = { text: t('programsAdmin.goalTitleMissing') };
    if (!g.category) fields[`goals.${i}.category`] = { text: t('programsAdmin.categoryMissing') };
  });
  const guidelineCodes = new Set<string>();
  v.guidelines.forEach((r, i) => {
    const code = r.code.trim();
    if (!code) fields[`guidelines.${i}.code`] = { text: t('programsAdmin.codeMissing') };
    else if (guidelineCodes.has(code)) fields[`guidelines.${i}.code`] = { text: t('serverMessage.guidelineCodeDuplicate') };
    guidelineCodes.add(code);
    if (!r.text.trim()) fields[`guidelines.${i}.text`] = { text: t('programsAdmin.guidelineTextMissing') };
    if (!r.obligation) fields[`guidelines.${i}.obligation`] = { text: t('programsAdmin.obligationMissing') };
    if (r.goalCode && !goalCodes.has(r.goalCode)) fields[`guidelines.${i}.goalCode`] = { text: t('serverMessage.noSuchGoalCode') };
  });
  return fields;
}

function toInput(v: DraftValues) {
  return {
    title: v.title.trim(),
    termStart: Number(v.termStart),
    termEnd: Number(v.termEnd),
    decisionReference: v.decisionReference.trim(),
    goals: v.goals.map((g) => ({
      id: g.id,
      code: g.code.trim(),
      title: g.title.trim(),
      description: g.description.trim(),
      category: g.category as GoalCategory,
    })),
    guidelines: v.guidelines.map((r) => ({
      id: r.id,
      code: r.code.trim(),
      text: r.text.trim(),
      obligation: r.obligation as Obligation,
      goalCode: r.goalCode || null,
    })),
  };
}

/** The keys the draft form has fields for, in the shape the server's paths use. */
function draftFields(v: DraftValues): (key: string) => boolean {
  const keys = new Set(['title', 'termStart', 'termEnd', 'decisionReference', 'goals', 'guidelines']);
  v.goals.forEach((_, i) => ['code', 'title', 'description', 'category'].forEach((f) => keys.add(`goals.${i}.${f}`)));
  v.guidelines.forEach((_, i) => ['code', 'text', 'obligation', 'goalCode'].forEach((f) => keys.add(`guidelines.${i}.${f}`)));
  return (key) => keys.has(key);
}

function DraftEditor({ program, reload }: { program: ProgramEdit_ProgramFragment | null; reload: () => Promise<ProgramEdit_ProgramFragment | null> }) {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [create, creating] = useMutation(CreateProgramMutation, { update: forgetLists('programs') });
  const [saveDraft, saving] = useMutation(SaveProgramDraftMutation);
  const busy = creating.loading || saving.loading;
  const { values, set, setValues, version, base, take, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: program,
    valuesOf,
    versionOf: (p) => p.version,
    busy,
    reload,
    isField: (key, v) => draftFields(v)(key),
    check: (v) => ({ fields: checkDraft(v, loose(t)), general: [] }),
    submit: async (v, expectedVersion) => {
      if (!program) {
        const { data } = await create({ variables: { input: toInput(v) } });
        const created = data!.createProgram;
        flash(t('programsAdmin.created', { title: created.title }), paths.adminProgram(created.id));
        navigate(paths.adminProgram(created.id));
        return;
      }
      const { data } = await saveDraft({ variables: { id: program.id, expectedVersion, input: toInput(v) } });
      flash(t('programsAdmin.saved'));
      return data!.saveProgramDraft;
    },
  });
  const focusAfter = useRef<string | null>(null);
  const savedValues = useMemo(() => JSON.stringify(toInput(valuesOf(base))), [base]);
  const dirty = JSON.stringify(toInput(values)) !== savedValues;

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const setGoal = (index: number, patch: Partial<GoalRow>) =>
    setValues((v) => {
      const goals = v.goals.map((g, i) => (i === index ? { ...g, ...patch } : g));
      let guidelines = v.guidelines;
      // A renamed goal code follows into the guidelines that serve the goal.
      if (patch.code !== undefined) {
        const old = v.goals[index]!.code;
        if (old) guidelines = guidelines.map((r) => (r.goalCode === old ? { ...r, goalCode: patch.code! } : r));
      }
      return { ...v, goals, guidelines };
    });
  const setGuideline = (index: number, patch: Partial<GuidelineRow>) =>
    setValues((v) => ({ ...v, guidelines: v.guidelines.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));

  const move = <T,>(list: T[], from: number, to: number): T[] => {
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    return next;
  };

  const goalOptions = values.goals.filter((g) => g.code.trim()).map((g) => ({ value: g.code.trim(), label: `${g.code.trim()} – ${g.title}`, lang: 'sv' }));
  const summary = (v: DraftValues) => ({
    term: v.termStart && v.termEnd ? tMain('format.term', { start: v.termStart, end: v.termEnd }) : '',
    goals: v.goals.map((g) => `${g.code} ${g.title}`).join('; '),
    guidelines: v.guidelines.map((r) => r.code).join(', '),
  });

  return (
    <>
      {conflict && (
        <ConflictNotice
          what={t('programsAdmin.conflictWhat')}
          rows={(() => {
            const savedV = valuesOf(conflict);
            const mine = summary(values);
            const saved = summary(savedV);
            return [
              { label: t('programsAdmin.programTitle'), mine: values.title, saved: savedV.title },
              { label: t('programsAdmin.term'), mine: mine.term, saved: saved.term },
              { label: t('programsAdmin.decisionReference'), mine: values.decisionReference, saved: savedV.decisionReference },
              { label: t('programsAdmin.goalsHeading'), mine: mine.goals, saved: saved.goals },
              { label: t('programsAdmin.guidelinesHeading'), mine: mine.guidelines, saved: saved.guidelines },
            ];
          })()}
          busy={busy}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}
      {program && (
        <p className="notice notice--info">
          {t('programsAdmin.draftNote')}
        </p>
      )}
      <Form state={form} onSubmit={onSubmit} idPrefix="program" testId="program-form" className="form">
        <div className="form--narrow">
          <TextField name="title" label={t('programsAdmin.programTitle')} value={values.title} onChange={(v) => set('title', v)} lang="sv" />
          <div className="field-row">
            <TextField name="termStart" label={t('programsAdmin.termStart')} width="short" inputMode="numeric" value={values.termStart} onChange={(v) => set('termStart', v)} />
            <TextField name="termEnd" label={t('programsAdmin.termEnd')} width="short" inputMode="numeric" value={values.termEnd} onChange={(v) => set('termEnd', v)} />
          </div>
          <TextField name="decisionReference" label={t('programsAdmin.decisionReference')} hint={t('programsAdmin.decisionReferenceHint')} width="medium" spellCheck={false} value={values.decisionReference} onChange={(v) => set('decisionReference', v)} />
        </div>

        <RowsSection name="goals" heading={t('programsAdmin.goalsHeading')} lead={t('programsAdmin.goalsLead')}>
          {values.goals.length === 0 && <p className="muted">{t('programsAdmin.noGoals')}</p>}
          <ol className="rows">
            {values.goals.map((goal, i) => {
              const n = i + 1;
              const label = t('programsAdmin.goalN', { n });
              return (
                <li key={goal.key} className="row-card" data-testid="goal-row">
                  <fieldset className="row-card__fieldset">
                    <legend className="row-card__legend">
                      {label}
                      {goal.code.trim() && <span className="row-card__code"> ({goal.code.trim()})</span>}
                    </legend>
                    <div className="row-card__grid">
                      <TextField name={`goals.${i}.code`} label={t('programsAdmin.code')} summaryLabel={`${label}, ${t('programsAdmin.code')}`} width="short" spellCheck={false} value={goal.code} onChange={(v) => setGoal(i, { code: v })} />
                      <SelectField
                        name={`goals.${i}.category`}
                        label={t('programsAdmin.category')}
                        summaryLabel={`${label}, ${t('programsAdmin.category')}`}
                        value={goal.category}
                        onChange={(v) => setGoal(i, { category: v as GoalCategory })}
                        placeholder={t('programsAdmin.chooseCategory')}
                        options={CATEGORIES.map((c) => ({ value: c, label: tMain(`goalCategory.${c}`) }))}
                      />
                    </div>
                    <TextField name={`goals.${i}.title`} label={t('programsAdmin.goalTitle')} summaryLabel={`${label}, ${t('programsAdmin.goalTitle')}`} value={goal.title} lang="sv" onChange={(v) => setGoal(i, { title: v })} />
                    <TextAreaField name={`goals.${i}.description`} label={t('programsAdmin.description')} summaryLabel={`${label}, ${t('programsAdmin.description')}`} optional rows={3} lang="sv" value={goal.description} onChange={(v) => setGoal(i, { description: v })} />
                    <RowButtons
                      what={label}
                      first={i === 0}
                      last={i === values.goals.length - 1}
                      onUp={() => set('goals', move(values.goals, i, i - 1))}
                      onDown={() => set('goals', move(values.goals, i, i + 1))}
                      onRemove={() => {
                        focusAfter.current = 'program-add-goal';
                        set('goals', values.goals.filter((_, j) => j !== i));
                      }}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            id="program-add-goal"
            className="button button--secondary"
            onClick={() => {
              focusAfter.current = `program-goals-${values.goals.length}-code`;
              set('goals', [...values.goals, { key: nextKey(), id: null, code: '', title: '', description: '', category: '' }]);
            }}
          >
            <span aria-hidden="true">+</span> {t('programsAdmin.addGoal')}
          </button>
        </RowsSection>

        <RowsSection name="guidelines" heading={t('programsAdmin.guidelinesHeading')} lead={t('programsAdmin.guidelinesLead')}>
          {values.guidelines.length === 0 && <p className="muted">{t('programsAdmin.noGuidelines')}</p>}
          <ol className="rows">
            {values.guidelines.map((guideline, i) => {
              const n = i + 1;
              const label = t('programsAdmin.guidelineN', { n });
              return (
                <li key={guideline.key} className="row-card" data-testid="guideline-row">
                  <fieldset className="row-card__fieldset">
                    <legend className="row-card__legend">
                      {label}
                      {guideline.code.trim() && <span className="row-card__code"> ({guideline.code.trim()})</span>}
                    </legend>
                    <div className="row-card__grid">
                      <TextField name={`guidelines.${i}.code`} label={t('programsAdmin.code')} summaryLabel={`${label}, ${t('programsAdmin.code')}`} width="short" spellCheck={false} value={guideline.code} onChange={(v) => setGuideline(i, { code: v })} />
                      <SelectField
                        name={`guidelines.${i}.obligation`}
                        label={t('programsAdmin.obligation')}
                        summaryLabel={`${label}, ${t('programsAdmin.obligation')}`}
                        value={guideline.obligation}
                        onChange={(v) => setGuideline(i, { obligation: v as Obligation })}
                        placeholder={t('programsAdmin.chooseObligation')}
                        options={OBLIGATIONS.map((o) => ({ value: o, label: tMain(`obligation.${o}_explained`) }))}
                      />
                      <SelectField
                        name={`guidelines.${i}.goalCode`}
                        label={t('programsAdmin.guidelineGoal')}
                        summaryLabel={`${label}, ${t('programsAdmin.guidelineGoal')}`}
                        optional
                        value={guideline.goalCode}
                        onChange={(v) => setGuideline(i, { goalCode: v })}
                        placeholder={t('programsAdmin.noGoal')}
                        options={[
                          ...(guideline.goalCode && !goalOptions.some((o) => o.value === guideline.goalCode) ? [{ value: guideline.goalCode, label: guideline.goalCode }] : []),
                          ...goalOptions,
                        ]}
                      />
                    </div>
                    <TextAreaField name={`guidelines.${i}.text`} label={t('programsAdmin.guidelineText')} summaryLabel={`${label}, ${t('programsAdmin.guidelineText')}`} rows={3} lang="sv" value={guideline.text} onChange={(v) => setGuideline(i, { text: v })} />
                    <RowButtons
                      what={label}
                      first={i === 0}
                      last={i === values.guidelines.length - 1}
                      onUp={() => set('guidelines', move(values.guidelines, i, i - 1))}
                      onDown={() => set('guidelines', move(values.guidelines, i, i + 1))}
                      onRemove={() => {
                        focusAfter.current = 'program-add-guideline';
                        set('guidelines', values.guidelines.filter((_, j) => j !== i));
                      }}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            id="program-add-guideline"
            className="button button--secondary"
            onClick={() => {
              focusAfter.current = `program-guidelines-${values.guidelines.length}-code`;
              set('guidelines', [...values.guidelines, { key: nextKey(), id: null, code: '', text: '', obligation: '', goalCode: '' }]);
            }}
          >
            <span aria-hidden="true">+</span> {t('programsAdmin.addGuideline')}
          </button>
        </RowsSection>

        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="program-save">
            {busy ? t('common.saving') : program ? t('programsAdmin.saveDraft') : t('programsAdmin.create')}
          </button>
          <Link to={paths.adminPrograms} className="button button--secondary">
            {program ? t('programsAdmin.backToList') : t('common.cancel')}
          </Link>
        </FormActions>
      </Form>
      {program && <AdoptSection program={program} version={version} dirty={dirty} onAdopted={take} />}
    </>
  );
}

/** A list of rows (goals, guidelines) with its heading and the message that concerns the whole list. */
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
  const { t } = useTranslation('access');
  return (
    <div className="row-card__actions">
      {!first && (
        <button type="button" className="button button--small button--secondary" onClick={onUp}>
          <span aria-hidden="true">↑</span> {t('programsAdmin.moveUp')}
          <span className="visually-hidden"> {what}</span>
        </button>
      )}
      {!last && (
        <button type="button" className="button button--small button--secondary" onClick={onDown}>
          <span aria-hidden="true">↓</span> {t('programsAdmin.moveDown')}
          <span className="visually-hidden"> {what}</span>
        </button>
      )}
      <button type="button" className="button button--small button--danger" onClick={onRemove}>
        {t('programsAdmin.remove')}
        <span className="visually-hidden"> {what}</span>
      </button>
    </div>
  );
}

/** Adoption: who decided and when; asks first, since an adopted program is never edited again. */
function AdoptSection({
  program,
  version,
  dirty,
  onAdopted,
}: {
  program: ProgramEdit_ProgramFragment;
  version: number;
  dirty: boolean;
  onAdopted: (p: ProgramEdit_ProgramFragment) => void;
}) {
  const { t } = useTranslation('access');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash, clear: clearFlash } = useFlash();
  const [decidedBy, setDecidedBy] = useState(program.decidedBy ?? '');
  const [decidedAt, setDecidedAt] = useState(program.decidedAt ?? '');
  const [confirming, setConfirming] = useState(false);
  const [adopt, { loading }] = useMutation(AdoptProgramMutation, { update: forgetLists('programs') });

  const ask = () => {
    clearFlash();
    const fields: Record<string, FieldMessage> = {};
    if (!decidedBy.trim()) fields['decidedBy'] = { text: t('programsAdmin.decidedByMissing') };
    if (!decidedAt) fields['decidedAt'] = { text: t('programsAdmin.decidedAtMissing') };
    else if (!isIsoDate(decidedAt)) fields['decidedAt'] = { text: t('serverMessage.dateFormat') };
    const general = dirty ? [{ text: t('programsAdmin.saveFirst') }] : [];
    if (hasErrors({ fields, general })) return form.show({ fields, general });
    form.clear();
    setConfirming(true);
  };

  const confirm = async () => {
    if (loading) return;
    try {
      const { data } = await adopt({ variables: { id: program.id, expectedVersion: version, input: { decidedBy: decidedBy.trim(), decidedAt } } });
      setConfirming(false);
      onAdopted(data!.adoptProgram);
      flash(t('programsAdmin.adopted'));
    } catch (error) {
      setConfirming(false);
      const { errors, problem } = mapError(error, (k) => k === 'decidedBy' || k === 'decidedAt');
      form.show(problem.code === 'CONFLICT' ? { fields: {}, general: [{ text: t('programsAdmin.adoptConflict') }] } : errors);
    }
  };

  return (
    <section className="section panel adopt" aria-labelledby="adopt-heading">
      <h2 id="adopt-heading" className="panel__heading">
        {t('programsAdmin.adoptHeading')}
      </h2>
      <p>{t('programsAdmin.adoptLead')}</p>
      <Form state={form} onSubmit={ask} idPrefix="adopt" testId="adopt-form" className="form form--narrow">
        <TextField name="decidedBy" label={t('programsAdmin.decidedBy')} hint={t('programsAdmin.decidedByHint')} value={decidedBy} onChange={setDecidedBy} />
        <TextField name="decidedAt" label={t('programsAdmin.decidedAt')} type="date" value={decidedAt} onChange={setDecidedAt} />
        <FormActions>
          <button type="submit" className="button button--primary" data-testid="adopt">
            {t('programsAdmin.adopt')}
          </button>
        </FormActions>
      </Form>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t('programsAdmin.adoptConfirmTitle')} testId="adopt-dialog">
        <p>{t('programsAdmin.adoptConfirmBody', { title: program.title })}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => void confirm()} aria-disabled={loading} data-testid="adopt-confirm">
            {loading ? t('common.saving') : t('programsAdmin.adoptConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)} data-autofocus>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

/** An adopted (or superseded) program: read only; changes start a new version. */
function AdoptedProgram({ program }: { program: ProgramEdit_ProgramFragment }) {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [createVersion, { loading }] = useMutation(CreateProgramVersionMutation, { update: forgetLists('programs') });
  const [failure, setFailure] = useState<string | null>(null);

  const newVersion = async () => {
    if (loading) return;
    setFailure(null);
    try {
      const { data } = await createVersion({ variables: { id: program.id } });
      const draft = data!.createProgramVersion;
      flash(t('programsAdmin.versionCreated', { n: draft.programVersion }), paths.adminProgram(draft.id));
      navigate(paths.adminProgram(draft.id));
    } catch (error) {
      const problem = apiProblem(error);
      setFailure(problem.code === 'CONFLICT' ? t('programsAdmin.versionExists') : t('common.actionFailed'));
    }
  };

  return (
    <>
      <div className="notice notice--info">
        <p>{program.status === 'ADOPTED' ? t('programsAdmin.adoptedNote') : t('programsAdmin.supersededNote')}</p>
        <button type="button" className="button button--primary" onClick={() => void newVersion()} aria-disabled={loading} data-testid="new-program-version">
          {loading ? t('common.saving') : t('programsAdmin.newVersion')}
        </button>
        {failure && (
          <p className="field-error" role="alert">
            <span aria-hidden="true" className="field-error__icon">
              !
            </span>
            {failure}{' '}
            {failure === t('programsAdmin.versionExists') && <Link to={paths.adminPrograms}>{t('programsAdmin.backToList')}</Link>}
          </p>
        )}
      </div>
      <section className="panel" aria-labelledby="program-facts-heading">
        <h2 id="program-facts-heading" className="panel__heading">
          {t('programsAdmin.facts')}
        </h2>
        <dl className="facts facts--grid">
          <div>
            <dt>{t('programsAdmin.term')}</dt>
            <dd>{tMain('format.term', { start: program.termStart, end: program.termEnd })}</dd>
          </div>
          <div>
            <dt>{t('programsAdmin.decisionReference')}</dt>
            <dd className="code">{program.decisionReference}</dd>
          </div>
          <div>
            <dt>{t('programsAdmin.decidedBy')}</dt>
            <dd lang="sv">{program.decidedBy ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('programsAdmin.decidedAt')}</dt>
            <dd>{program.decidedAt ? format.date(program.decidedAt) : '–'}</dd>
          </div>
        </dl>
      </section>
      <section className="section" aria-labelledby="program-goals-heading">
        <h2 id="program-goals-heading">
          {t('programsAdmin.goalsHeading')} <span className="heading-count">({program.goals.length})</span>
        </h2>
        <ul className="plain-list read-rows" lang="sv">
          {program.goals.map((g) => (
            <li key={g.id}>
              <span className="code read-rows__code">{g.code}</span> <strong>{g.title}</strong>
              <span className="muted"> · {tMain(`goalCategory.${g.category}`)}</span>
              {g.description && <p className="read-rows__text">{g.description}</p>}
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="program-guidelines-heading">
        <h2 id="program-guidelines-heading">
          {t('programsAdmin.guidelinesHeading')} <span className="heading-count">({program.guidelines.length})</span>
        </h2>
        <ul className="plain-list read-rows" lang="sv">
          {program.guidelines.map((r) => (
            <li key={r.id}>
              <span className="code read-rows__code">{r.code}</span> <strong>{tMain(`obligation.${r.obligation}`)}</strong>
              {r.goal && <span className="muted"> · {r.goal.code}</span>}
              <p className="read-rows__text">{r.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
