import { useQuery } from '@apollo/client/react';
import { Ownerships, Roles, type Role } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { CheckboxGroup, SelectField } from '../../../shared/forms/Form';
import type { FieldMessage, FormErrors } from '../../../shared/forms/errors';

const ProviderOptionsQuery = graphql(`
  query ProviderOptions($filter: ProviderFilter, $first: Int!) {
    providers(filter: $filter, first: $first) {
      edges {
        node {
          id
          name
          ownership
        }
      }
    }
  }
`);

/** All providers, for choosing one (a list of its own in the cache: every ownership named). */
export function useProviderOptions() {
  const { data, loading, error } = useQuery(ProviderOptionsQuery, {
    variables: { filter: { ownership: [...Ownerships] }, first: 500 },
  });
  const providers = [...(data?.providers.edges.map((e) => e.node) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return { providers, loading, error };
}

export function RoleCheckboxes({ value, onChange }: { value: Role[]; onChange: (roles: Role[]) => void }) {
  const { t } = useTranslation('access');
  return (
    <CheckboxGroup
      name="roles"
      label={t('users.roles')}
      hint={t('users.rolesHint')}
      value={value}
      onChange={(roles) => onChange(roles as Role[])}
      options={Roles.map((role) => ({ value: role, label: t(`roles.${role}`), hint: t(`roleHints.${role}`) }))}
    />
  );
}

/** The provider of a provider user; shown only when the PROVIDER role is chosen. */
export function ProviderField({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('access');
  const { providers, loading, error } = useProviderOptions();
  const known = providers.some((p) => p.id === value);
  return (
    <SelectField
      name="providerId"
      label={t('users.provider')}
      hint={error ? t('users.providersError') : t('users.providerHint')}
      value={value}
      onChange={onChange}
      placeholder={loading ? t('common.loading') : t('users.chooseProvider')}
      options={[
        ...(value && !known ? [{ value, label: t('common.loading') }] : []),
        ...providers.map((p) => ({ value: p.id, label: `${p.name} (${t(`ownership.${p.ownership}`, { ns: 'translation' })})` })),
      ]}
    />
  );
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The checks the form makes before sending (the server makes them again). */
export function checkUser(
  values: { email?: string; name: string; roles: Role[]; providerId: string },
  t: (key: string) => string,
): FormErrors {
  const fields: Record<string, FieldMessage> = {};
  if (values.email !== undefined) {
    if (!values.email.trim()) fields['email'] = { text: t('users.emailMissing') };
    else if (!EMAIL.test(values.email.trim())) fields['email'] = { text: t('serverMessage.emailInvalid') };
  }
  if (!values.name.trim()) fields['name'] = { text: t('users.nameMissing') };
  if (values.roles.length === 0) fields['roles'] = { text: t('serverMessage.rolesMissing') };
  if (values.roles.includes('PROVIDER') && !values.providerId) fields['providerId'] = { text: t('serverMessage.providerRequired') };
  return { fields, general: [] };
}
