import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '../../app/routes';
import { graphql } from '../../gql';
import type { ObligationForm_ObligationFragment } from '../../gql/graphql';
import { isNotFound } from '../../shared/errors';
import type { FieldMessage } from '../../shared/forms/errors';
import { Form, FormActions, SelectField, TextAreaField, TextField, useFormErrors } from '../../shared/forms/Form';
import { isIsoDate, orNull } from '../../shared/forms/values';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { forgetLists } from '../access/cache';
import { ConflictNotice } from '../access/ConflictNotice';
import { useFlash } from '../access/flash';
import { fieldsOf } from '../access/useApiErrors';
import { useVersionedForm } from '../access/useVersionedForm';
import { NotFoundPanel } from '../admin/NotFoundPanel';
import { LastResortNav } from './LastResortNav';

export const ObligationFormFragment = graphql(`
  fragment ObligationForm_obligation on LastResortObligation {
    id
    municipality { code name }
    choiceSystem { id name }
    unit { id name }
    minimumService
    openingDaysPerWeek
    staffing
    services
    decisionReference
    validFrom
    validTo
    version
  }
`);

const ObligationFormQuery = graphql(`
  query ObligationFormPage($id: ID!, $withObligation: Boolean!) {
    lastResortObligation(id: $id) @include(if: $withObligation) {
      id
      ...ObligationForm_obligation
    }
    municipalities {
      code
      name
    }
    choiceSystems {
      id
      name
    }
  }
`);

const ObligationUnitsQuery = graphql(`
  query ObligationUnits($municipalityCode: String!) {
    units(filter: { municipalityCode: $municipalityCode }, first: 500) {
      edges {
        node {
          id
          name
          provider { id name }
        }
      }
    }
  }
`);

const CreateObligationMutation = graphql(`
  mutation CreateLastResortObligation($input: LastResortObligationInput!) {
    createLastResortObligation(input: $input) {
      id
      ...ObligationForm_obligation
    }
  }
`);

const UpdateObligationMutation = graphql(`
  mutation UpdateLastResortObligation($id: ID!, $expectedVersion: Int!, $input: LastResortObligationInput!) {
    updateLastResortObligation(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...ObligationForm_obligation
    }
  }
`);

const EndObligationMutation = graphql(`
  mutation EndLastResortObligation($id: ID!, $expectedVersion: Int!, $validTo: LocalDate!) {
    endLastResortObligation(id: $id, expectedVersion: $expectedVersion, validTo: $validTo) {
      id
      ...ObligationForm_obligation
    }
  }
`);

interface Values {
  municipalityCode: string;
  choiceSystemId: string;
  unitId: string;
  minimumService: string;
  openingDaysPerWeek: string;
  staffing: string;
  services: string;
  decisionReference: string;
  validFrom: string;
  validTo: string;
}

function valuesOf(o: ObligationForm_ObligationFragment | null): Values {
  return {
    municipalityCode: o?.municipality.code ?? '',
    choiceSystemId: o?.choiceSystem.id ?? '',
    unitId: o?.unit.id ?? '',
    minimumService: o?.minimumService ?? '',
    openingDaysPerWeek: o?.openingDaysPerWeek ? String(o.openingDaysPerWeek) : '',
    staffing: o?.staffing ?? '',
    services: o?.services ?? '',
    decisionReference: o?.decisionReference ?? '',
    validFrom: o?.validFrom ?? '',
    validTo: o?.validTo ?? '',
  };
}

const FIELDS = ['municipalityCode', 'choiceSystemId', 'unitId', 'minimumService', 'openingDaysPerWeek', 'staffing', 'services', 'decisionReference', 'validFrom', 'validTo'] as const;

/** A last-resort obligation: new, or changed (holder, minimum service, decision, validity). */
export default function ObligationFormPage() {
  const { t } = useTranslation('lastResort');
  const { id } = useParams();
  const { data, error, refetch } = useQuery(ObligationFormQuery, { variables: { id: id ?? '', withObligation: Boolean(id) } });
  const obligation = id ? (data?.lastResortObligation ?? null) : null;
  const notFound = isNotFound(error);
  const title = id ? t('register.editTitle') : t('register.newTitle');
  useDocumentTitle(title);
  return (
    <div className="page">
      <PageHeader title={title} lead={obligation ? t('register.editLead', { municipality: obligation.municipality.name, system: obligation.choiceSystem.name }) : t('register.newLead')} />
      <LastResortNav />
      {!data && !error && <Loading label={t('register.loading')} />}
      {notFound && <NotFoundPanel title={t('register.notFound')} back={{ to: paths.lastResortObligations, label: t('register.back') }} />}
      {error && !notFound && <ErrorNotice onRetry={() => void refetch()} />}
      {data && (!id || obligation) && (
        <ObligationForm
          key={id ?? 'new'}
          obligation={obligation}
          municipalities={data.municipalities}
          choiceSystems={data.choiceSystems}
          reload={async () => (await refetch()).data?.lastResortObligation ?? null}
        />
      )}
    </div>
  );
}

function ObligationForm({
  obligation,
  municipalities,
  choiceSystems,
  reload,
}: {
  obligation: ObligationForm_ObligationFragment | null;
  municipalities: { code: string; name: string }[];
  choiceSystems: { id: string; name: string }[];
  reload: () => Promise<ObligationForm_ObligationFragment | null>;
}) {
  const { t } = useTranslation('lastResort');
  const navigate = useNavigate();
  const endForm = useFormErrors();
  const { flash, clear: clearFlash } = useFlash();
  const [endDate, setEndDate] = useState('');
  const [create, creating] = useMutation(CreateObligationMutation, { update: forgetLists('lastResortObligations', 'lastResortCoverage') });
  const [update, updating] = useMutation(UpdateObligationMutation, { update: forgetLists('lastResortCoverage') });
  const [end, ending] = useMutation(EndObligationMutation, { update: forgetLists('lastResortCoverage') });
  const busy = creating.loading || updating.loading || ending.loading;
  const { values, set, setValues, version, conflict, form, onSubmit, keepMine, loadSaved, handleError } = useVersionedForm({
    entity: obligation,
    valuesOf,
    versionOf: (o) => o.version,
    busy,
    reload,
    isField: fieldsOf(...FIELDS),
    announceUseSaved: false,
    closeOnKeepMine: true,
    check: (v) => {
      const fields: Record<string, FieldMessage> = {};
      if (!v.municipalityCode) fields['municipalityCode'] = { text: t('register.municipalityMissing') };
      if (!v.choiceSystemId) fields['choiceSystemId'] = { text: t('register.choiceSystemMissing') };
      if (!v.unitId) fields['unitId'] = { text: t('register.holderMissing') };
      if (!v.minimumService.trim()) fields['minimumService'] = { text: t('register.minimumServiceMissing') };
      if (v.openingDaysPerWeek && !/^[1-7]$/.test(v.openingDaysPerWeek.trim())) fields['openingDaysPerWeek'] = { text: t('register.openingDaysRange') };
      if (!v.decisionReference.trim()) fields['decisionReference'] = { text: t('register.decisionMissing') };
      if (!isIsoDate(v.validFrom.trim())) fields['validFrom'] = { text: t('register.dateFormat') };
      if (v.validTo.trim() && !isIsoDate(v.validTo.trim())) fields['validTo'] = { text: t('register.dateFormat') };
      else if (v.validTo.trim() && v.validTo.trim() < v.validFrom.trim()) fields['validTo'] = { text: t('register.endBeforeStart') };
      return { fields, general: [] };
    },
    submit: async (v, expectedVersion) => {
      const input = {
        unitId: v.unitId,
        minimumService: v.minimumService.trim(),
        openingDaysPerWeek: v.openingDaysPerWeek.trim() ? Number(v.openingDaysPerWeek.trim()) : null,
        staffing: orNull(v.staffing),
        services: orNull(v.services),
        decisionReference: v.decisionReference.trim(),
        validFrom: v.validFrom.trim(),
        validTo: orNull(v.validTo),
      };
      if (!obligation) {
        const { data } = await create({ variables: { input: { ...input, municipalityCode: v.municipalityCode, choiceSystemId: v.choiceSystemId } } });
        flash(t('register.created', { municipality: data!.createLastResortObligation.municipality.name }), paths.lastResortObligations);
      } else {
        await update({ variables: { id: obligation.id, expectedVersion, input } });
        flash(t('register.saved', { municipality: obligation.municipality.name }), paths.lastResortObligations);
      }
      navigate(paths.lastResortObligations);
    },
  });
  const units = useQuery(ObligationUnitsQuery, { variables: { municipalityCode: values.municipalityCode }, skip: !values.municipalityCode });

  const endObligation = async () => {
    if (busy || !obligation) return;
    clearFlash();
    if (!isIsoDate(endDate.trim())) return endForm.show({ fields: { validTo: { text: t('register.dateFormat') } }, general: [] });
    if (endDate.trim() < obligation.validFrom) return endForm.show({ fields: { validTo: { text: t('register.endBeforeStart') } }, general: [] });
    try {
      await end({ variables: { id: obligation.id, expectedVersion: version, validTo: endDate.trim() } });
      endForm.clear();
      flash(t('register.ended', { municipality: obligation.municipality.name }), paths.lastResortObligations);
      navigate(paths.lastResortObligations);
    } catch (error) {
      await handleError(error, { form: endForm, isField: fieldsOf('validTo') });
    }
  };

  const unitOptions = (units.data?.units.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.name} (${node.provider.name})` }));
  if (obligation && !unitOptions.some((o) => o.value === obligation.unit.id)) unitOptions.unshift({ value: obligation.unit.id, label: obligation.unit.name });

  return (
    <>
      {conflict && (
        <ConflictNotice
          what={t('register.conflictWhat')}
          rows={[
            { label: t('register.holder'), mine: unitOptions.find((u) => u.value === values.unitId)?.label ?? '', saved: conflict.unit.name },
            { label: t('register.minimumService'), mine: values.minimumService, saved: conflict.minimumService },
            { label: t('register.openingDays'), mine: values.openingDaysPerWeek, saved: conflict.openingDaysPerWeek ? String(conflict.openingDaysPerWeek) : '' },
            { label: t('register.staffing'), mine: values.staffing, saved: conflict.staffing ?? '' },
            { label: t('register.services'), mine: values.services, saved: conflict.services ?? '' },
            { label: t('register.decision'), mine: values.decisionReference, saved: conflict.decisionReference },
            { label: t('register.validFromLabel'), mine: values.validFrom, saved: conflict.validFrom },
            { label: t('register.validToLabel'), mine: values.validTo, saved: conflict.validTo ?? '' },
          ]}
          busy={busy}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}
      <Form state={form} onSubmit={onSubmit} idPrefix="obligation" testId="obligation-form" className="form form--narrow">
        {obligation ? (
          <dl className="facts facts--inline">
            <div>
              <dt>{t('register.municipality')}</dt>
              <dd>{obligation.municipality.name}</dd>
            </div>
            <div>
              <dt>{t('register.choiceSystem')}</dt>
              <dd lang="sv">{obligation.choiceSystem.name}</dd>
            </div>
          </dl>
        ) : (
          <>
            <SelectField
              name="municipalityCode"
              label={t('register.municipality')}
              value={values.municipalityCode}
              onChange={(v) => setValues((prev) => ({ ...prev, municipalityCode: v, unitId: '' }))}
              placeholder={t('register.chooseMunicipality')}
              options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
            />
            <SelectField
              name="choiceSystemId"
              label={t('register.choiceSystem')}
              value={values.choiceSystemId}
              onChange={(v) => set('choiceSystemId', v)}
              placeholder={t('register.chooseChoiceSystem')}
              options={choiceSystems.map((c) => ({ value: c.id, label: c.name }))}
            />
          </>
        )}
        <SelectField
          name="unitId"
          label={t('register.holder')}
          hint={t('register.holderHint')}
          value={values.unitId}
          onChange={(v) => set('unitId', v)}
          placeholder={values.municipalityCode ? t('register.chooseHolder') : t('register.chooseMunicipalityFirst')}
          options={unitOptions}
        />
        <TextAreaField name="minimumService" label={t('register.minimumService')} hint={t('register.minimumServiceHint')} value={values.minimumService} onChange={(v) => set('minimumService', v)} rows={3} maxLength={2000} />
        <TextField name="openingDaysPerWeek" label={t('register.openingDays')} optional width="short" inputMode="numeric" value={values.openingDaysPerWeek} onChange={(v) => set('openingDaysPerWeek', v)} />
        <TextAreaField name="staffing" label={t('register.staffing')} optional value={values.staffing} onChange={(v) => set('staffing', v)} rows={2} maxLength={2000} />
        <TextAreaField name="services" label={t('register.services')} optional value={values.services} onChange={(v) => set('services', v)} rows={2} maxLength={2000} />
        <TextField name="decisionReference" label={t('register.decision')} hint={t('register.decisionHint')} width="medium" autoComplete="off" value={values.decisionReference} onChange={(v) => set('decisionReference', v)} />
        <div className="field-row">
          <TextField name="validFrom" label={t('register.validFromLabel')} hint={t('register.dateHint')} width="medium" value={values.validFrom} onChange={(v) => set('validFrom', v)} autoComplete="off" />
          <TextField name="validTo" label={t('register.validToLabel')} hint={t('register.dateHint')} optional width="medium" value={values.validTo} onChange={(v) => set('validTo', v)} autoComplete="off" />
        </div>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="obligation-save">
            {busy ? t('register.saving') : obligation ? t('register.save') : t('register.create')}
          </button>
          <Link to={paths.lastResortObligations} className="button button--secondary">
            {t('register.cancel')}
          </Link>
        </FormActions>
      </Form>
      {obligation && !obligation.validTo && (
        <section aria-labelledby="end-obligation-heading" className="section">
          <h2 id="end-obligation-heading">{t('register.endHeading')}</h2>
          <p>{t('register.endLead')}</p>
          <Form state={endForm} onSubmit={() => void endObligation()} idPrefix="end-obligation" testId="end-obligation-form" className="form form--narrow">
            <TextField name="validTo" label={t('register.endDate')} hint={t('register.dateHint')} width="medium" value={endDate} onChange={setEndDate} autoComplete="off" />
            <FormActions>
              <button type="submit" className="button button--secondary" aria-disabled={busy} data-testid="obligation-end">
                {t('register.end')}
              </button>
            </FormActions>
          </Form>
        </section>
      )}
    </>
  );
}
