import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../gql';
import type { UnitForm_UnitFragment, UnitKind } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { isNotFound } from '../../../shared/errors';
import type { FieldMessage } from '../../../shared/forms/errors';
import { Form, FormActions, SelectField, TextField } from '../../../shared/forms/Form';
import { orNull } from '../../../shared/forms/values';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { forgetLists } from '../../access/cache';
import { ConflictNotice } from '../../access/ConflictNotice';
import { useFlash } from '../../access/flash';
import { fieldsOf } from '../../access/useApiErrors';
import { useVersionedForm } from '../../access/useVersionedForm';
import { AdminFrame } from '../AdminFrame';
import { NotFoundPanel } from '../NotFoundPanel';

const UNIT_KINDS: UnitKind[] = ['HEALTH_CENTRE', 'DENTAL_CLINIC', 'BRANCH', 'OTHER'];

const UnitFormQuery = graphql(`
  query UnitFormPage($providerId: ID!, $unitId: ID!, $withUnit: Boolean!) {
    provider(id: $providerId) {
      id
      name
    }
    unit(id: $unitId) @include(if: $withUnit) {
      id
      ...UnitForm_unit
    }
    municipalities {
      code
      name
    }
  }
`);

export const UnitFormFragment = graphql(`
  fragment UnitForm_unit on Unit {
    id
    name
    kind
    hsaId
    streetAddress
    postalCode
    city
    version
    municipality {
      code
      name
    }
    provider {
      id
    }
  }
`);

const CreateUnitMutation = graphql(`
  mutation CreateUnit($input: UnitInput!) {
    createUnit(input: $input) {
      id
      ...UnitForm_unit
    }
  }
`);

const UpdateUnitMutation = graphql(`
  mutation UpdateUnit($id: ID!, $expectedVersion: Int!, $input: UnitInput!) {
    updateUnit(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...UnitForm_unit
    }
  }
`);

interface Values {
  name: string;
  kind: UnitKind | '';
  municipalityCode: string;
  hsaId: string;
  streetAddress: string;
  postalCode: string;
  city: string;
}

function valuesOf(unit: UnitForm_UnitFragment | null): Values {
  return {
    name: unit?.name ?? '',
    kind: unit?.kind ?? '',
    municipalityCode: unit?.municipality.code ?? '',
    hsaId: unit?.hsaId ?? '',
    streetAddress: unit?.streetAddress ?? '',
    postalCode: unit?.postalCode ?? '',
    city: unit?.city ?? '',
  };
}

/** A unit of a provider: new, or edited. Units never move to another provider. */
export default function UnitFormPage() {
  const { t } = useTranslation('access');
  const { id: providerId = '', unitId } = useParams();
  const { data, error, refetch } = useQuery(UnitFormQuery, { variables: { providerId, unitId: unitId ?? '', withUnit: Boolean(unitId) } });
  const provider = data?.provider ?? null;
  const unit = unitId ? (data?.unit ?? null) : null;
  const belongs = !unitId || (unit && unit.provider.id === providerId);
  const notFound = isNotFound(error) || (data && (!provider || !belongs));
  const title = unitId ? (unit?.name ?? t('units.unitTitle')) : t('units.newTitle');
  useDocumentTitle(title);
  return (
    <AdminFrame
      crumbs={[
        { label: t('providersAdmin.title'), to: paths.adminProviders },
        { label: provider?.name ?? t('providersAdmin.providerTitle'), to: paths.adminProvider(providerId) },
        { label: title },
      ]}
    >
      {!data && !error && <Loading label={t('common.loading')} />}
      {notFound && <NotFoundPanel title={t('units.notFound')} back={{ to: paths.adminProviders, label: t('providersAdmin.backToList') }} />}
      {error && !notFound && <ErrorNotice onRetry={() => void refetch()} />}
      {data && provider && belongs && (
        <>
          <PageHeader title={unitId ? title : t('units.newHeading')} lead={t('units.lead', { provider: provider.name })} />
          <UnitForm
            key={unitId ?? 'new'}
            providerId={provider.id}
            unit={unit}
            municipalities={data.municipalities}
            reload={async () => (await refetch()).data?.unit ?? null}
          />
        </>
      )}
    </AdminFrame>
  );
}

const FIELDS = ['name', 'kind', 'municipalityCode', 'hsaId', 'streetAddress', 'postalCode', 'city'] as const;

function UnitForm({
  providerId,
  unit,
  municipalities,
  reload,
}: {
  providerId: string;
  unit: UnitForm_UnitFragment | null;
  municipalities: { code: string; name: string }[];
  reload: () => Promise<UnitForm_UnitFragment | null>;
}) {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [create, creating] = useMutation(CreateUnitMutation, {
    update: forgetLists('providers', 'units', { typename: 'Provider', id: providerId, field: 'units' }),
  });
  const [update, updating] = useMutation(UpdateUnitMutation);
  const busy = creating.loading || updating.loading;
  const { values, set, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: unit,
    valuesOf,
    versionOf: (u) => u.version,
    busy,
    reload,
    isField: fieldsOf(...FIELDS),
    check: (v) => {
      const fields: Record<string, FieldMessage> = {};
      if (!v.name.trim()) fields['name'] = { text: t('units.nameMissing') };
      if (!v.kind) fields['kind'] = { text: t('units.kindMissing') };
      if (!v.municipalityCode) fields['municipalityCode'] = { text: t('serverMessage.municipalityMissing') };
      if (v.hsaId.trim() && !/^SE\d{10}-[A-Za-z0-9]+$/.test(v.hsaId.trim())) fields['hsaId'] = { text: t('serverMessage.hsaIdFormat') };
      if (v.postalCode.trim() && !/^\d{3} ?\d{2}$/.test(v.postalCode.trim())) fields['postalCode'] = { text: t('serverMessage.postalCodeFormat') };
      return { fields, general: [] };
    },
    submit: async (v, expectedVersion) => {
      const input = {
        name: v.name.trim(),
        kind: v.kind as UnitKind,
        municipalityCode: v.municipalityCode,
        hsaId: orNull(v.hsaId) ?? '',
        streetAddress: orNull(v.streetAddress) ?? '',
        postalCode: orNull(v.postalCode) ?? '',
        city: orNull(v.city) ?? '',
      };
      if (!unit) {
        const { data } = await create({ variables: { input: { ...input, providerId } } });
        flash(t('units.created', { name: data!.createUnit.name }), paths.adminProvider(providerId));
      } else {
        const { data } = await update({ variables: { id: unit.id, expectedVersion, input } });
        flash(t('units.saved', { name: data!.updateUnit.name }), paths.adminProvider(providerId));
      }
      navigate(paths.adminProvider(providerId));
    },
  });

  const municipalityName = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;
  const kindName = (kind: string) => (kind ? tMain(`unitKind.${kind as UnitKind}`) : '');

  return (
    <>
      {conflict && (
        <ConflictNotice
          what={t('units.conflictWhat')}
          rows={[
            { label: t('units.name'), mine: values.name, saved: conflict.name },
            { label: t('units.kind'), mine: kindName(values.kind), saved: kindName(conflict.kind) },
            { label: t('units.municipality'), mine: municipalityName(values.municipalityCode), saved: conflict.municipality.name },
            { label: t('units.hsaId'), mine: values.hsaId, saved: conflict.hsaId ?? '' },
            { label: t('units.streetAddress'), mine: values.streetAddress, saved: conflict.streetAddress ?? '' },
            { label: t('units.postalCode'), mine: values.postalCode, saved: conflict.postalCode ?? '' },
            { label: t('units.city'), mine: values.city, saved: conflict.city ?? '' },
          ]}
          busy={busy}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}
      <Form state={form} onSubmit={onSubmit} idPrefix="unit" testId="unit-form" className="form form--narrow">
        <TextField name="name" label={t('units.name')} value={values.name} onChange={(v) => set('name', v)} autoComplete="off" />
        <SelectField
          name="kind"
          label={t('units.kind')}
          value={values.kind}
          onChange={(v) => set('kind', v as UnitKind)}
          placeholder={t('units.chooseKind')}
          options={UNIT_KINDS.map((k) => ({ value: k, label: tMain(`unitKind.${k}`) }))}
        />
        <SelectField
          name="municipalityCode"
          label={t('units.municipality')}
          value={values.municipalityCode}
          onChange={(v) => set('municipalityCode', v)}
          placeholder={t('units.chooseMunicipality')}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
        <TextField name="hsaId" label={t('units.hsaId')} optional hint={t('units.hsaIdHint')} width="medium" spellCheck={false} autoComplete="off" value={values.hsaId} onChange={(v) => set('hsaId', v)} />
        <fieldset className="field fieldset-plain">
          <legend>{t('units.address')}</legend>
          <TextField name="streetAddress" label={t('units.streetAddress')} optional autoComplete="off" value={values.streetAddress} onChange={(v) => set('streetAddress', v)} />
          <div className="field-row">
            <TextField name="postalCode" label={t('units.postalCode')} optional width="short" inputMode="numeric" autoComplete="off" value={values.postalCode} onChange={(v) => set('postalCode', v)} />
            <TextField name="city" label={t('units.city')} optional autoComplete="off" value={values.city} onChange={(v) => set('city', v)} />
          </div>
        </fieldset>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="unit-save">
            {busy ? t('common.saving') : unit ? t('common.save') : t('units.create')}
          </button>
          <Link to={paths.adminProvider(providerId)} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </FormActions>
      </Form>
    </>
  );
}
