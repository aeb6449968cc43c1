import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../gql';
import type { AgreementForm, AgreementForm_AgreementFragment } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { isNotFound } from '../../../shared/errors';
import type { FieldMessage } from '../../../shared/forms/errors';
import { CheckboxGroup, Form, FormActions, RadioGroup, SelectField, TextAreaField, TextField } from '../../../shared/forms/Form';
import { isIsoDate } from '../../../shared/forms/values';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { forgetLists } from '../../access/cache';
import { ConflictNotice } from '../../access/ConflictNotice';
import { useFlash } from '../../access/flash';
import { fieldsOf } from '../../access/useApiErrors';
import { useVersionedForm } from '../../access/useVersionedForm';
import { AdminFrame } from '../AdminFrame';
import { NotFoundPanel } from '../NotFoundPanel';

const FORMS: AgreementForm[] = ['LOV', 'LOU', 'IN_HOUSE', 'LOF'];

const AgreementFormQuery = graphql(`
  query AgreementFormPage($providerId: ID!) {
    provider(id: $providerId) {
      id
      name
      units {
        id
        name
        kind
      }
      agreements {
        id
        ...AgreementForm_agreement
      }
    }
    choiceSystems {
      id
      code
      name
    }
  }
`);

export const AgreementFormFragment = graphql(`
  fragment AgreementForm_agreement on Agreement {
    id
    reference
    form
    validFrom
    validTo
    inProgramScope
    outOfScopeReason
    version
    choiceSystem {
      id
      name
    }
    units {
      id
      name
    }
  }
`);

const CreateAgreementMutation = graphql(`
  mutation CreateAgreement($input: AgreementInput!) {
    createAgreement(input: $input) {
      id
      ...AgreementForm_agreement
    }
  }
`);

const UpdateAgreementMutation = graphql(`
  mutation UpdateAgreement($id: ID!, $expectedVersion: Int!, $input: AgreementInput!) {
    updateAgreement(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...AgreementForm_agreement
    }
  }
`);

interface Values {
  form: AgreementForm | '';
  choiceSystemId: string;
  reference: string;
  validFrom: string;
  validTo: string;
  unitIds: string[];
  outOfScopeReason: string;
}

function valuesOf(a: AgreementForm_AgreementFragment | null): Values {
  return {
    form: a?.form ?? '',
    choiceSystemId: a?.choiceSystem?.id ?? '',
    reference: a?.reference ?? '',
    validFrom: a?.validFrom ?? '',
    validTo: a?.validTo ?? '',
    unitIds: a?.units.map((u) => u.id) ?? [],
    outOfScopeReason: a?.outOfScopeReason ?? '',
  };
}

/** An agreement of a provider: form, choice system, reference, dates, units, and whether the program covers it. */
export default function AgreementFormPage() {
  const { t } = useTranslation('access');
  const { id: providerId = '', agreementId } = useParams();
  const { data, error, refetch } = useQuery(AgreementFormQuery, { variables: { providerId } });
  const provider = data?.provider ?? null;
  const agreement = agreementId ? (provider?.agreements.find((a) => a.id === agreementId) ?? null) : null;
  const notFound = isNotFound(error) || (data && (!provider || (agreementId && !agreement)));
  const title = agreementId ? (agreement?.reference ?? t('agreements.agreementTitle')) : t('agreements.newTitle');
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
      {notFound && <NotFoundPanel title={t('agreements.notFound')} back={{ to: paths.adminProviders, label: t('providersAdmin.backToList') }} />}
      {error && !notFound && <ErrorNotice onRetry={() => void refetch()} />}
      {data && provider && !notFound && (
        <>
          <PageHeader title={agreementId ? t('agreements.editHeading', { reference: title }) : t('agreements.newHeading')} lead={t('agreements.lead', { provider: provider.name })} />
          <AgreementEditor
            key={agreementId ?? 'new'}
            provider={provider}
            agreement={agreement}
            choiceSystems={data.choiceSystems}
            reload={async () => (await refetch()).data?.provider?.agreements.find((a) => a.id === agreementId) ?? null}
          />
        </>
      )}
    </AdminFrame>
  );
}

const FIELDS = ['form', 'choiceSystemId', 'reference', 'validFrom', 'validTo', 'unitIds', 'outOfScopeReason'] as const;

function AgreementEditor({
  provider,
  agreement,
  choiceSystems,
  reload,
}: {
  provider: { id: string; name: string; units: { id: string; name: string }[] };
  agreement: AgreementForm_AgreementFragment | null;
  choiceSystems: { id: string; code: string; name: string }[];
  reload: () => Promise<AgreementForm_AgreementFragment | null>;
}) {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [create, creating] = useMutation(CreateAgreementMutation, {
    update: forgetLists({ typename: 'Provider', id: provider.id, field: 'agreements' }),
  });
  const [update, updating] = useMutation(UpdateAgreementMutation);
  const busy = creating.loading || updating.loading;
  const { values, set, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: agreement,
    valuesOf,
    versionOf: (a) => a.version,
    busy,
    reload,
    isField: fieldsOf(...FIELDS),
    check: (v) => {
      const fields: Record<string, FieldMessage> = {};
      if (!v.form) fields['form'] = { text: t('agreements.formMissing') };
      if (v.form === 'LOV' && !v.choiceSystemId) fields['choiceSystemId'] = { text: t('serverMessage.lovNeedsChoiceSystem') };
      if (!v.reference.trim()) fields['reference'] = { text: t('agreements.referenceMissing') };
      if (!v.validFrom) fields['validFrom'] = { text: t('agreements.validFromMissing') };
      else if (!isIsoDate(v.validFrom)) fields['validFrom'] = { text: t('serverMessage.dateFormat') };
      if (v.validTo && !isIsoDate(v.validTo)) fields['validTo'] = { text: t('serverMessage.dateFormat') };
      else if (v.validTo && v.validFrom && v.validTo < v.validFrom) fields['validTo'] = { text: t('serverMessage.endBeforeStart') };
      if (v.form === 'LOF' && !v.outOfScopeReason.trim()) fields['outOfScopeReason'] = { text: t('serverMessage.lofReasonMissing') };
      return { fields, general: [] };
    },
    submit: async (v, expectedVersion) => {
      const input = {
        form: v.form as AgreementForm,
        choiceSystemId: v.choiceSystemId || null,
        reference: v.reference.trim(),
        validFrom: v.validFrom,
        validTo: v.validTo || null,
        unitIds: v.unitIds,
        outOfScopeReason: v.outOfScopeReason.trim(),
      };
      if (!agreement) {
        const { data } = await create({ variables: { input: { ...input, providerId: provider.id } } });
        flash(t('agreements.created', { reference: data!.createAgreement.reference }), paths.adminProvider(provider.id));
      } else {
        const { data } = await update({ variables: { id: agreement.id, expectedVersion, input } });
        flash(t('agreements.saved', { reference: data!.updateAgreement.reference }), paths.adminProvider(provider.id));
      }
      navigate(paths.adminProvider(provider.id));
    },
  });

  const describe = (v: Values) => ({
    form: v.form ? tMain(`agreementForm.${v.form}`) : '',
    choiceSystem: choiceSystems.find((c) => c.id === v.choiceSystemId)?.name ?? '',
    validFrom: v.validFrom ? format.date(v.validFrom) : '',
    validTo: v.validTo ? format.date(v.validTo) : '',
    units: provider.units
      .filter((u) => v.unitIds.includes(u.id))
      .map((u) => u.name)
      .join(', '),
  });

  return (
    <>
      {conflict && (
        <ConflictNotice
          what={t('agreements.conflictWhat')}
          rows={(() => {
            const mine = describe(values);
            const saved = describe(valuesOf(conflict));
            return [
              { label: t('agreements.form'), mine: mine.form, saved: saved.form },
              { label: t('agreements.choiceSystem'), mine: mine.choiceSystem, saved: saved.choiceSystem },
              { label: t('agreements.reference'), mine: values.reference, saved: conflict.reference },
              { label: t('agreements.validFrom'), mine: mine.validFrom, saved: saved.validFrom },
              { label: t('agreements.validTo'), mine: mine.validTo, saved: saved.validTo },
              { label: t('agreements.units'), mine: mine.units, saved: saved.units },
              { label: t('agreements.outOfScopeReason'), mine: values.outOfScopeReason, saved: conflict.outOfScopeReason ?? '' },
            ];
          })()}
          busy={busy}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}
      <Form state={form} onSubmit={onSubmit} idPrefix="agreement" testId="agreement-form" className="form form--narrow">
        <RadioGroup
          name="form"
          label={t('agreements.form')}
          value={values.form}
          onChange={(v) => set('form', v as AgreementForm)}
          options={FORMS.map((f) => ({ value: f, label: tMain(`agreementForm.${f}`) }))}
        />
        <SelectField
          name="choiceSystemId"
          label={t('agreements.choiceSystem')}
          hint={t('agreements.choiceSystemHint')}
          value={values.choiceSystemId}
          onChange={(v) => set('choiceSystemId', v)}
          placeholder={t('agreements.noChoiceSystem')}
          options={choiceSystems.map((c) => ({ value: c.id, label: c.name, lang: 'sv' }))}
        />
        <TextField name="reference" label={t('agreements.reference')} hint={t('agreements.referenceHint')} width="medium" spellCheck={false} autoComplete="off" value={values.reference} onChange={(v) => set('reference', v)} />
        <div className="field-row">
          <TextField name="validFrom" label={t('agreements.validFrom')} type="date" value={values.validFrom} onChange={(v) => set('validFrom', v)} />
          <TextField name="validTo" label={t('agreements.validTo')} optional hint={t('agreements.validToHint')} type="date" value={values.validTo} onChange={(v) => set('validTo', v)} />
        </div>
        <CheckboxGroup
          name="unitIds"
          label={t('agreements.units')}
          hint={t('agreements.unitsHint')}
          value={values.unitIds}
          onChange={(v) => set('unitIds', v)}
          options={provider.units.map((u) => ({ value: u.id, label: u.name, lang: 'sv' }))}
          empty={<p className="muted">{t('agreements.noUnits')}</p>}
        />
        <TextAreaField
          name="outOfScopeReason"
          label={t('agreements.outOfScopeReason')}
          optional={values.form !== 'LOF'}
          hint={t('agreements.outOfScopeHint')}
          value={values.outOfScopeReason}
          onChange={(v) => set('outOfScopeReason', v)}
          maxLength={2000}
          rows={3}
        />
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="agreement-save">
            {busy ? t('common.saving') : agreement ? t('common.save') : t('agreements.create')}
          </button>
          <Link to={paths.adminProvider(provider.id)} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </FormActions>
      </Form>
    </>
  );
}
