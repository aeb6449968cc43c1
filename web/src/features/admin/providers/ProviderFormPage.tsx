import { useMutation, useQuery } from '@apollo/client/react';
import { checkOrgNumber, Ownerships } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../gql';
import type { Ownership, ProviderAdminPageQuery, ProviderForm_ProviderFragment } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { isNotFound } from '../../../shared/errors';
import type { FieldMessage } from '../../../shared/forms/errors';
import { Form, FormActions, RadioGroup, TextField } from '../../../shared/forms/Form';
import { orNull } from '../../../shared/forms/values';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { TableScroll } from '../../../shared/ui/TableScroll';
import { ConflictNotice } from '../../access/ConflictNotice';
import { forgetLists } from '../../access/cache';
import { useFlash } from '../../access/flash';
import { fieldsOf } from '../../access/useApiErrors';
import { useVersionedForm } from '../../access/useVersionedForm';
import { AdminFrame } from '../AdminFrame';
import { NotFoundPanel } from '../NotFoundPanel';

const ProviderAdminQuery = graphql(`
  query ProviderAdminPage($id: ID!) {
    provider(id: $id) {
      id
      ...ProviderForm_provider
      units {
        id
        name
        kind
        hsaId
        municipality {
          code
          name
        }
      }
      agreements {
        id
        reference
        form
        validFrom
        validTo
        inProgramScope
        choiceSystem {
          id
          name
        }
      }
    }
  }
`);

export const ProviderFormFragment = graphql(`
  fragment ProviderForm_provider on Provider {
    id
    name
    orgNumber
    ownership
    contactEmail
    contactPhone
    website
    version
  }
`);

const CreateProviderMutation = graphql(`
  mutation CreateProvider($input: ProviderInput!) {
    createProvider(input: $input) {
      id
      ...ProviderForm_provider
    }
  }
`);

const UpdateProviderMutation = graphql(`
  mutation UpdateProvider($id: ID!, $expectedVersion: Int!, $input: ProviderInput!) {
    updateProvider(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...ProviderForm_provider
    }
  }
`);

/** A new provider (/admin/utforare/ny) or one provider with its units and agreements. */
export default function ProviderFormPage() {
  const { id } = useParams();
  return id ? <EditProvider key={id} id={id} /> : <NewProvider />;
}

function NewProvider() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('providersAdmin.newTitle'));
  return (
    <AdminFrame crumbs={[{ label: t('providersAdmin.title'), to: paths.adminProviders }, { label: t('providersAdmin.newTitle') }]}>
      <PageHeader title={t('providersAdmin.newHeading')} lead={t('providersAdmin.newLead')} />
      <ProviderForm provider={null} reload={async () => null} />
    </AdminFrame>
  );
}

function EditProvider({ id }: { id: string }) {
  const { t } = useTranslation('access');
  const { data, error, refetch } = useQuery(ProviderAdminQuery, { variables: { id } });
  const provider = data?.provider ?? null;
  const notFound = isNotFound(error) || (data && !provider);
  useDocumentTitle(provider?.name ?? t('providersAdmin.title'));
  return (
    <AdminFrame crumbs={[{ label: t('providersAdmin.title'), to: paths.adminProviders }, { label: provider?.name ?? t('providersAdmin.providerTitle') }]}>
      {!data && !error && <Loading label={t('providersAdmin.loadingOne')} />}
      {notFound && <NotFoundPanel title={t('providersAdmin.notFound')} back={{ to: paths.adminProviders, label: t('providersAdmin.backToList') }} />}
      {error && !notFound && <ErrorNotice onRetry={() => void refetch()} />}
      {provider && (
        <>
          <PageHeader title={provider.name}>
            <p className="page-header__meta">
              <Link to={paths.provider(provider.id)}>{t('providersAdmin.publicPage')}</Link>
            </p>
          </PageHeader>
          <section aria-labelledby="provider-form-heading">
            <h2 id="provider-form-heading">{t('providersAdmin.factsHeading')}</h2>
            <ProviderForm provider={provider} reload={async () => (await refetch()).data?.provider ?? null} />
          </section>
          <UnitsSection provider={provider} />
          <AgreementsSection provider={provider} />
        </>
      )}
    </AdminFrame>
  );
}

interface Values {
  name: string;
  orgNumber: string;
  ownership: Ownership | '';
  contactEmail: string;
  contactPhone: string;
  website: string;
}

function valuesOf(p: ProviderForm_ProviderFragment | null): Values {
  return {
    name: p?.name ?? '',
    orgNumber: p?.orgNumber ?? '',
    ownership: p?.ownership ?? '',
    contactEmail: p?.contactEmail ?? '',
    contactPhone: p?.contactPhone ?? '',
    website: p?.website ?? '',
  };
}

const FIELDS = ['name', 'orgNumber', 'ownership', 'contactEmail', 'contactPhone', 'website'] as const;

function ProviderForm({ provider, reload }: { provider: ProviderForm_ProviderFragment | null; reload: () => Promise<ProviderForm_ProviderFragment | null> }) {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [create, creating] = useMutation(CreateProviderMutation, { update: forgetLists('providers') });
  const [update, updating] = useMutation(UpdateProviderMutation);
  const busy = creating.loading || updating.loading;

  const orgNumberProblem = (text: string): FieldMessage | null => {
    const result = checkOrgNumber(text);
    return result.valid ? null : { text: tMain(`orgNumber.${result.problem!}`) };
  };

  const { values, set, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: provider,
    valuesOf,
    versionOf: (p) => p.version,
    busy,
    reload,
    isField: fieldsOf(...FIELDS),
    check: (v) => {
      const fields: Record<string, FieldMessage> = {};
      if (!v.name.trim()) fields['name'] = { text: t('providersAdmin.nameMissing') };
      const org = orgNumberProblem(v.orgNumber);
      if (org) fields['orgNumber'] = org;
      if (!v.ownership) fields['ownership'] = { text: t('providersAdmin.ownershipMissing') };
      if (v.contactEmail.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.contactEmail.trim())) {
        fields['contactEmail'] = { text: t('serverMessage.emailInvalid') };
      }
      if (v.website.trim() && !/^https?:\/\/\S+$/.test(v.website.trim())) fields['website'] = { text: t('providersAdmin.websiteFormat') };
      return { fields, general: [] };
    },
    submit: async (v, expectedVersion) => {
      const input = {
        name: v.name.trim(),
        orgNumber: checkOrgNumber(v.orgNumber).normalized ?? v.orgNumber.trim(),
        ownership: v.ownership as Ownership,
        contactEmail: orNull(v.contactEmail) ?? '',
        contactPhone: orNull(v.contactPhone) ?? '',
        website: orNull(v.website) ?? '',
      };
      if (!provider) {
        const { data } = await create({ variables: { input } });
        const created = data!.createProvider;
        flash(t('providersAdmin.created', { name: created.name }), paths.adminProvider(created.id));
        navigate(paths.adminProvider(created.id));
        return;
      }
      const { data } = await update({ variables: { id: provider.id, expectedVersion, input } });
      const saved = data!.updateProvider;
      flash(t('providersAdmin.saved', { name: saved.name }));
      return saved;
    },
  });

  const ownershipLabel = (o: string) => (o ? tMain(`ownership.${o as Ownership}`) : '');

  return (
    <>
      {conflict && (
        <ConflictNotice
          what={t('providersAdmin.conflictWhat')}
          rows={[
            { label: t('providersAdmin.name'), mine: values.name, saved: conflict.name },
            { label: t('providersAdmin.orgNumber'), mine: values.orgNumber, saved: conflict.orgNumber },
            { label: t('providersAdmin.ownership'), mine: ownershipLabel(values.ownership), saved: ownershipLabel(conflict.ownership) },
            { label: t('providersAdmin.contactEmail'), mine: values.contactEmail, saved: conflict.contactEmail ?? '' },
            { label: t('providersAdmin.contactPhone'), mine: values.contactPhone, saved: conflict.contactPhone ?? '' },
            { label: t('providersAdmin.website'), mine: values.website, saved: conflict.website ?? '' },
          ]}
          busy={busy}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}
      <Form state={form} onSubmit={onSubmit} idPrefix="provider" testId="provider-form" className="form form--narrow">
        <TextField name="name" label={t('providersAdmin.name')} value={values.name} onChange={(v) => set('name', v)} autoComplete="organization" />
        <TextField
          name="orgNumber"
          label={t('providersAdmin.orgNumber')}
          hint={t('providersAdmin.orgNumberHint')}
          value={values.orgNumber}
          width="medium"
          inputMode="numeric"
          autoComplete="off"
          onChange={(v) => {
            set('orgNumber', v);
            // A fixed number loses its message at once; a new mistake is shown when leaving the field.
            if (!orgNumberProblem(v)) form.setField('orgNumber', null);
          }}
          onBlur={() => form.setField('orgNumber', values.orgNumber.trim() ? orgNumberProblem(values.orgNumber) : null)}
        />
        <RadioGroup
          name="ownership"
          label={t('providersAdmin.ownership')}
          value={values.ownership}
          onChange={(v) => set('ownership', v as Ownership)}
          options={Ownerships.map((o) => ({ value: o, label: tMain(`ownership.${o}`), hint: t(`ownershipHints.${o}`) }))}
        />
        <fieldset className="field fieldset-plain">
          <legend>{t('providersAdmin.contact')}</legend>
          <TextField name="contactEmail" label={t('providersAdmin.contactEmail')} optional type="email" autoComplete="email" value={values.contactEmail} onChange={(v) => set('contactEmail', v)} />
          <TextField name="contactPhone" label={t('providersAdmin.contactPhone')} optional type="tel" autoComplete="tel" width="medium" value={values.contactPhone} onChange={(v) => set('contactPhone', v)} />
          <TextField name="website" label={t('providersAdmin.website')} optional hint={t('providersAdmin.websiteHint')} type="url" autoComplete="url" value={values.website} onChange={(v) => set('website', v)} />
        </fieldset>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="provider-save">
            {busy ? t('common.saving') : provider ? t('common.save') : t('providersAdmin.create')}
          </button>
          <Link to={paths.adminProviders} className="button button--secondary">
            {provider ? t('providersAdmin.backToList') : t('common.cancel')}
          </Link>
        </FormActions>
      </Form>
    </>
  );
}

type AdminProvider = NonNullable<ProviderAdminPageQuery['provider']>;

function UnitsSection({ provider }: { provider: AdminProvider }) {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  return (
    <section className="section" aria-labelledby="provider-units-heading">
      <div className="section-head">
        <h2 id="provider-units-heading">
          {t('units.heading')} <span className="heading-count">({provider.units.length})</span>
        </h2>
        <Link to={paths.newUnit(provider.id)} className="button button--secondary" data-testid="new-unit">
          {t('units.new')}
        </Link>
      </div>
      {provider.units.length === 0 ? (
        <p className="muted">{t('units.none')}</p>
      ) : (
        <TableScroll label={t('units.tableLabel', { name: provider.name })}>
          <table className="table table--full">
            <caption className="visually-hidden">{t('units.tableLabel', { name: provider.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('units.name')}</th>
                <th scope="col">{t('units.kind')}</th>
                <th scope="col">{t('units.municipality')}</th>
                <th scope="col">{t('units.hsaId')}</th>
              </tr>
            </thead>
            <tbody>
              {provider.units.map((unit) => (
                <tr key={unit.id}>
                  <th scope="row">
                    <Link to={paths.unit(provider.id, unit.id)}>{unit.name}</Link>
                  </th>
                  <td>{tMain(`unitKind.${unit.kind}`)}</td>
                  <td>{unit.municipality.name}</td>
                  <td className="code">{unit.hsaId ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function AgreementsSection({ provider }: { provider: AdminProvider }) {
  const { t } = useTranslation('access');
  const { t: tMain } = useTranslation();
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="provider-agreements-heading">
      <div className="section-head">
        <h2 id="provider-agreements-heading">
          {t('agreements.heading')} <span className="heading-count">({provider.agreements.length})</span>
        </h2>
        <Link to={paths.newAgreement(provider.id)} className="button button--secondary" data-testid="new-agreement">
          {t('agreements.new')}
        </Link>
      </div>
      {provider.agreements.length === 0 ? (
        <p className="muted">{t('agreements.none')}</p>
      ) : (
        <TableScroll label={t('agreements.tableLabel', { name: provider.name })}>
          <table className="table table--full">
            <caption className="visually-hidden">{t('agreements.tableLabel', { name: provider.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.reference')}</th>
                <th scope="col">{t('agreements.form')}</th>
                <th scope="col">{t('agreements.choiceSystem')}</th>
                <th scope="col">{t('agreements.validity')}</th>
                <th scope="col">{t('agreements.scope')}</th>
              </tr>
            </thead>
            <tbody>
              {provider.agreements.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={paths.agreement(provider.id, a.id)} className="code">
                      {a.reference}
                    </Link>
                  </th>
                  <td>{t(`agreements.formShort.${a.form}`)}</td>
                  <td>{a.choiceSystem?.name ?? '–'}</td>
                  <td className="nowrap-wide">
                    {a.validTo
                      ? tMain('provider.validFromTo', { from: format.date(a.validFrom), to: format.date(a.validTo) })
                      : tMain('provider.validFromOnly', { from: format.date(a.validFrom) })}
                  </td>
                  <td>{a.inProgramScope ? t('agreements.inScope') : t('agreements.outOfScope')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
