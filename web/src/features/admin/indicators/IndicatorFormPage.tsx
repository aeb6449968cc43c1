import { useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { isAmberThresholdConsistent } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../gql';
import type { Direction, IndicatorForm_IndicatorFragment, IndicatorUnit, ServiceArea } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { hasErrors, type FieldMessage } from '../../../shared/forms/errors';
import { Form, FormActions, RadioGroup, SelectField, TextAreaField, TextField, useFormErrors } from '../../../shared/forms/Form';
import { decimalForInput, orNull, parseDecimal, parseYear } from '../../../shared/forms/values';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { forgetLists } from '../../access/cache';
import { ConflictNotice } from '../../access/ConflictNotice';
import { useFlash } from '../../access/flash';
import { fieldsOf, useApiErrors } from '../../access/useApiErrors';
import { useVersionedForm } from '../../access/useVersionedForm';
import { AdminFrame } from '../AdminFrame';
import { NotFoundPanel } from '../NotFoundPanel';

const UNITS: IndicatorUnit[] = ['PERCENT', 'COUNT', 'RATE_PER_1000', 'SEK', 'INDEX', 'DAYS'];
const DIRECTIONS: Direction[] = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'];
const AREAS: ServiceArea[] = ['ALL', 'PRIMARY_CARE', 'DENTAL_CARE'];

const IndicatorFormQuery = graphql(`
  query IndicatorFormPage {
    indicators {
      id
      ...IndicatorForm_indicator
    }
    programs {
      id
      title
      status
      programVersion
      termStart
      termEnd
      goals {
        id
        code
        title
      }
    }
  }
`);

export const IndicatorFormFragment = graphql(`
  fragment IndicatorForm_indicator on Indicator {
    id
    code
    name
    definition
    unit
    direction
    serviceArea
    source
    version
    goal {
      id
      code
      title
    }
    targets {
      id
      year
      value
      amberThreshold
    }
  }
`);

const CreateIndicatorMutation = graphql(`
  mutation CreateIndicator($input: IndicatorInput!) {
    createIndicator(input: $input) {
      id
      ...IndicatorForm_indicator
    }
  }
`);

const UpdateIndicatorMutation = graphql(`
  mutation UpdateIndicator($id: ID!, $expectedVersion: Int!, $input: IndicatorInput!) {
    updateIndicator(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...IndicatorForm_indicator
    }
  }
`);

const SetTargetMutation = graphql(`
  mutation SetIndicatorTarget($indicatorId: ID!, $input: TargetInput!) {
    setIndicatorTarget(indicatorId: $indicatorId, input: $input) {
      id
      year
      value
      amberThreshold
    }
  }
`);

type Programs = { id: string; title: string; status: string; programVersion: number; termStart: number; termEnd: number; goals: { id: string; code: string; title: string }[] }[];

/** A new indicator, or one edited with its yearly targets. */
export default function IndicatorFormPage() {
  const { t } = useTranslation('access');
  const { id } = useParams();
  const { data, error, refetch } = useQuery(IndicatorFormQuery);
  const indicator = id ? (data?.indicators.find((i) => i.id === id) ?? null) : null;
  const title = id ? (indicator?.name ?? t('indicatorsAdmin.oneTitle')) : t('indicatorsAdmin.newTitle');
  useDocumentTitle(title);
  return (
    <AdminFrame crumbs={[{ label: t('indicatorsAdmin.title'), to: paths.adminIndicators }, { label: title }]}>
      {!data && !error && <Loading label={t('common.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {id && data && !indicator && (
        <NotFoundPanel title={t('indicatorsAdmin.notFound')} back={{ to: paths.adminIndicators, label: t('indicatorsAdmin.backToList') }} />
      )}
      {data && (!id || indicator) && (
        <>
          <PageHeader title={id ? title : t('indicatorsAdmin.newHeading')} lang={id ? 'sv' : undefined} lead={id ? undefined : t('indicatorsAdmin.newLead')} />
          <IndicatorForm
            key={id ?? 'new'}
            indicator={indicator}
            programs={data.programs}
            reload={async () => (await refetch()).data?.indicators.find((i) => i.id === id) ?? null}
          />
          {indicator && <TargetsSection indicator={indicator} />}
        </>
      )}
    </AdminFrame>
  );
}

interface Values {
  code: string;
  name: string;
  definition: string;
  unit: IndicatorUnit | '';
  direction: Direction | '';
  serviceArea: ServiceArea | '';
  source: string;
  goalId: string;
}

function valuesOf(i: IndicatorForm_IndicatorFragment | null): Values {
  return {
    code: i?.code ?? '',
    name: i?.name ?? '',
    definition: i?.definition ?? '',
    unit: i?.unit ?? '',
    direction: i?.direction ?? '',
    serviceArea: i?.serviceArea ?? '',
    source: i?.source ?? '',
    goalId: i?.goal?.id ?? '',
  };
}

const FIELDS = ['code', 'name', 'definition', 'unit', 'direction', 'serviceArea', 'source', 'goalId'] as const;

function IndicatorForm({
  indicator,
  programs,
  reload,
}: {
  indicator: IndicatorForm_IndicatorFragment | null;
  programs: Programs;
  reload: () => Promise<IndicatorForm_IndicatorFragment | null>;
}) {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [create, creating] = useMutation(CreateIndicatorMutation, { update: forgetLists('indicators') });
  const [update, updating] = useMutation(UpdateIndicatorMutation);
  const busy = creating.loading || updating.loading;
  const { values, set, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: indicator,
    valuesOf,
    versionOf: (i) => i.version,
    busy,
    reload,
    isField: fieldsOf(...FIELDS),
    check: (v) => {
      const fields: Record<string, FieldMessage> = {};
      if (!/^[A-Z][A-Z0-9_-]*$/.test(v.code.trim())) fields['code'] = { text: t('serverMessage.indicatorCodeFormat') };
      if (!v.name.trim()) fields['name'] = { text: t('indicatorsAdmin.nameMissing') };
      if (!v.definition.trim()) fields['definition'] = { text: t('indicatorsAdmin.definitionMissing') };
      if (!v.unit) fields['unit'] = { text: t('indicatorsAdmin.unitMissing') };
      if (!v.direction) fields['direction'] = { text: t('indicatorsAdmin.directionMissing') };
      if (!v.serviceArea) fields['serviceArea'] = { text: t('indicatorsAdmin.serviceAreaMissing') };
      return { fields, general: [] };
    },
    submit: async (v, expectedVersion) => {
      const input = {
        code: v.code.trim(),
        name: v.name.trim(),
        definition: v.definition.trim(),
        unit: v.unit as IndicatorUnit,
        direction: v.direction as Direction,
        serviceArea: v.serviceArea as ServiceArea,
        source: orNull(v.source) ?? '',
        goalId: v.goalId || null,
      };
      if (!indicator) {
        const { data } = await create({ variables: { input } });
        const created = data!.createIndicator;
        flash(t('indicatorsAdmin.created', { name: created.name }), paths.adminIndicator(created.id));
        navigate(paths.adminIndicator(created.id));
        return;
      }
      const { data } = await update({ variables: { id: indicator.id, expectedVersion, input } });
      const saved = data!.updateIndicator;
      flash(t('indicatorsAdmin.saved', { name: saved.name }));
      return saved;
    },
  });

  const goalName = (goalId: string) => {
    for (const p of programs) {
      const g = p.goals.find((x) => x.id === goalId);
      if (g) return `${g.code} ${g.title}`;
    }
    return '';
  };
  // Goals of adopted and draft programs first; superseded ones last.
  const ordered = [...programs].sort((a, b) => (a.status === 'SUPERSEDED' ? 1 : 0) - (b.status === 'SUPERSEDED' ? 1 : 0));

  return (
    <>
      {conflict && (
        <ConflictNotice
          what={t('indicatorsAdmin.conflictWhat')}
          rows={[
            { label: t('indicatorsAdmin.code'), mine: values.code, saved: conflict.code },
            { label: t('indicatorsAdmin.name'), mine: values.name, saved: conflict.name },
            { label: t('indicatorsAdmin.definition'), mine: values.definition, saved: conflict.definition },
            { label: t('indicatorsAdmin.unit'), mine: values.unit ? tMain(`unit.${values.unit}`) : '', saved: tMain(`unit.${conflict.unit}`) },
            {
              label: t('indicatorsAdmin.direction'),
              mine: values.direction ? tMain(`direction.${values.direction}`) : '',
              saved: tMain(`direction.${conflict.direction}`),
            },
            {
              label: t('indicatorsAdmin.serviceArea'),
              mine: values.serviceArea ? tMain(`serviceArea.${values.serviceArea}`) : '',
              saved: tMain(`serviceArea.${conflict.serviceArea}`),
            },
            { label: t('indicatorsAdmin.source'), mine: values.source, saved: conflict.source ?? '' },
            { label: t('indicatorsAdmin.goal'), mine: goalName(values.goalId), saved: conflict.goal ? goalName(conflict.goal.id) : '' },
          ]}
          busy={busy}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}
      <section aria-labelledby="indicator-form-heading">
        {indicator && <h2 id="indicator-form-heading">{t('indicatorsAdmin.factsHeading')}</h2>}
        <Form
          state={form}
          onSubmit={onSubmit}
          idPrefix="indicator"
          testId="indicator-form"
          className="form form--narrow"
          labelledBy={indicator ? 'indicator-form-heading' : undefined}
        >
          <TextField name="code" label={t('indicatorsAdmin.code')} hint={t('indicatorsAdmin.codeHint')} width="medium" spellCheck={false} autoComplete="off" value={values.code} onChange={(v) => set('code', v.toUpperCase())} />
          <TextField name="name" label={t('indicatorsAdmin.name')} lang="sv" autoComplete="off" value={values.name} onChange={(v) => set('name', v)} />
          <TextAreaField name="definition" label={t('indicatorsAdmin.definition')} hint={t('indicatorsAdmin.definitionHint')} lang="sv" rows={4} value={values.definition} onChange={(v) => set('definition', v)} />
          <div className="field-row">
            <SelectField
              name="unit"
              label={t('indicatorsAdmin.unit')}
              value={values.unit}
              onChange={(v) => set('unit', v as IndicatorUnit)}
              placeholder={t('indicatorsAdmin.chooseUnit')}
              options={UNITS.map((u) => ({ value: u, label: tMain(`unit.${u}`) }))}
            />
            <SelectField
              name="serviceArea"
              label={t('indicatorsAdmin.serviceArea')}
              value={values.serviceArea}
              onChange={(v) => set('serviceArea', v as ServiceArea)}
              placeholder={t('indicatorsAdmin.chooseServiceArea')}
              options={AREAS.map((a) => ({ value: a, label: tMain(`serviceArea.${a}`) }))}
            />
          </div>
          <RadioGroup
            name="direction"
            label={t('indicatorsAdmin.direction')}
            value={values.direction}
            onChange={(v) => set('direction', v as Direction)}
            options={DIRECTIONS.map((d) => ({ value: d, label: tMain(`direction.${d}`), hint: t(`indicatorsAdmin.directionHints.${d}`) }))}
          />
          <SelectField
            name="goalId"
            label={t('indicatorsAdmin.goal')}
            optional
            hint={t('indicatorsAdmin.goalHint')}
            value={values.goalId}
            onChange={(v) => set('goalId', v)}
            placeholder={t('indicatorsAdmin.noGoal')}
            groups={ordered
              .filter((p) => p.goals.length > 0)
              .map((p) => ({
                label: `${p.title} (${tMain('format.term', { start: p.termStart, end: p.termEnd })}, ${tMain(`programStatus.${p.status as 'DRAFT'}`).toLowerCase()}, v${p.programVersion})`,
                options: p.goals.map((g) => ({ value: g.id, label: `${g.code} – ${g.title}`, lang: 'sv' })),
              }))}
          />
          <TextField name="source" label={t('indicatorsAdmin.source')} optional hint={t('indicatorsAdmin.sourceHint')} lang="sv" value={values.source} onChange={(v) => set('source', v)} />
          <FormActions>
            <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="indicator-save">
              {busy ? t('common.saving') : indicator ? t('common.save') : t('indicatorsAdmin.create')}
            </button>
            <Link to={paths.adminIndicators} className="button button--secondary">
              {indicator ? t('indicatorsAdmin.backToList') : t('common.cancel')}
            </Link>
          </FormActions>
        </Form>
      </section>
    </>
  );
}

/** Yearly targets: a table, and a form that sets (creates or changes) one year's target. */
function TargetsSection({ indicator }: { indicator: IndicatorForm_IndicatorFragment }) {
  const { t, i18n } = useTranslation('access');
  const format = useFormat();
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash, clear: clearFlash } = useFlash();
  const [setTarget, { loading }] = useMutation(SetTargetMutation, { refetchQueries: ['IndicatorFormPage'], awaitRefetchQueries: true });
  const nextYear = String(new Date().getFullYear() + 1);
  const [year, setYear] = useState(nextYear);
  const [value, setValue] = useState('');
  const [amber, setAmber] = useState('');
  const yearRef = useRef<HTMLDivElement>(null);
  const targets = [...indicator.targets].sort((a, b) => a.year - b.year);
  const higher = indicator.direction === 'HIGHER_IS_BETTER';

  const submit = async () => {
    if (loading) return;
    clearFlash();
    const fields: Record<string, FieldMessage> = {};
    const y = parseYear(year);
    const v = parseDecimal(value);
    const a = parseDecimal(amber);
    if (y === null) fields['year'] = { text: t('indicatorsAdmin.yearInvalid') };
    if (v === null) fields['value'] = { text: t('indicatorsAdmin.numberInvalid') };
    if (a === null) fields['amberThreshold'] = { text: t('indicatorsAdmin.numberInvalid') };
    else if (v !== null && !isAmberThresholdConsistent({ value: v, amberThreshold: a }, indicator.direction)) {
      fields['amberThreshold'] = { text: higher ? t('serverMessage.amberAboveTarget') : t('serverMessage.amberBelowTarget') };
    }
    if (hasErrors({ fields, general: [] })) return form.show({ fields, general: [] });
    try {
      await setTarget({ variables: { indicatorId: indicator.id, input: { year: y!, value: v!, amberThreshold: a! } } });
      form.clear();
      flash(t('indicatorsAdmin.targetSaved', { year: y }));
      setValue('');
      setAmber('');
    } catch (error) {
      form.show(mapError(error, fieldsOf('year', 'value', 'amberThreshold')).errors);
    }
  };

  const edit = (target: { year: number; value: number; amberThreshold: number }) => {
    setYear(String(target.year));
    setValue(decimalForInput(target.value, i18n.language));
    setAmber(decimalForInput(target.amberThreshold, i18n.language));
    form.clear();
    const input = yearRef.current?.querySelector('input');
    input?.focus();
  };

  return (
    <section className="section" aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t('indicatorsAdmin.targetsHeading')}</h2>
      <p className="section__lead">{higher ? t('indicatorsAdmin.targetsLeadHigher') : t('indicatorsAdmin.targetsLeadLower')}</p>
      {targets.length === 0 ? (
        <p className="muted">{t('indicatorsAdmin.noTargets')}</p>
      ) : (
        <TableScroll label={t('indicatorsAdmin.targetsTable')} fit>
          <table className="table" data-testid="targets-table">
            <caption className="visually-hidden">{t('indicatorsAdmin.targetsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicatorsAdmin.year')}</th>
                <th scope="col" className="num">
                  {t('indicatorsAdmin.targetValue')}
                </th>
                <th scope="col" className="num">
                  {t('indicatorsAdmin.amberThreshold')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={target.id}>
                  <th scope="row">{target.year}</th>
                  <td className="num">{format.indicator(target.value, indicator.unit)}</td>
                  <td className="num">{format.indicator(target.amberThreshold, indicator.unit)}</td>
                  <td>
                    <button type="button" className="button button--small button--secondary" onClick={() => edit(target)}>
                      {t('common.edit')}
                      <span className="visually-hidden"> {t('indicatorsAdmin.targetFor', { year: target.year })}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="panel section--tight">
        <h3 id="target-form-heading">{t('indicatorsAdmin.setTargetHeading')}</h3>
        <Form state={form} onSubmit={() => void submit()} idPrefix="target" testId="target-form" labelledBy="target-form-heading">
          <div className="field-row field-row--three" ref={yearRef}>
            <TextField name="year" label={t('indicatorsAdmin.year')} hint={t('indicatorsAdmin.yearHint')} width="short" inputMode="numeric" value={year} onChange={setYear} />
            <TextField
              name="value"
              label={t('indicatorsAdmin.targetValue')}
              hint={t(`indicatorsAdmin.unitHints.${indicator.unit}`)}
              width="short"
              inputMode="decimal"
              value={value}
              onChange={setValue}
            />
            <TextField
              name="amberThreshold"
              label={t('indicatorsAdmin.amberThreshold')}
              hint={higher ? t('indicatorsAdmin.amberHintHigher') : t('indicatorsAdmin.amberHintLower')}
              width="short"
              inputMode="decimal"
              value={amber}
              onChange={setAmber}
            />
          </div>
          <FormActions>
            <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="target-save">
              {loading ? t('common.saving') : t('indicatorsAdmin.setTarget')}
            </button>
          </FormActions>
        </Form>
      </div>
    </section>
  );
}
