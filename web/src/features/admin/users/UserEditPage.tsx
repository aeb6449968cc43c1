import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { Role } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../../gql';
import type { UserForm_UserFragment } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { useViewer } from '../../../app/viewer';
import { isNotFound } from '../../../shared/errors';
import { CheckboxField, Form, FormActions, TextField } from '../../../shared/forms/Form';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { Badge } from '../../../shared/ui/Badge';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { ConflictNotice } from '../../access/ConflictNotice';
import { useFlash } from '../../access/flash';
import { fieldsOf, loose } from '../../access/useApiErrors';
import { useVersionedForm } from '../../access/useVersionedForm';
import { AdminFrame } from '../AdminFrame';
import { NotFoundPanel } from '../NotFoundPanel';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { checkUser, ProviderField, RoleCheckboxes, useProviderOptions } from './userFields';

const UserEditQuery = graphql(`
  query UserEditPage($id: ID!) {
    user(id: $id) {
      id
      ...UserForm_user
    }
  }
`);

export const UserFormFragment = graphql(`
  fragment UserForm_user on User {
    id
    email
    name
    roles
    active
    version
    mustChangePassword
    createdAt
    lastLoginAt
    provider {
      id
      name
    }
  }
`);

const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $expectedVersion: Int!, $input: UpdateUserInput!) {
    updateUser(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...UserForm_user
      ...UserRow_user
    }
  }
`);

/** One user: facts, the editable part (name, roles, provider, active) and a password reset. */
export default function UserEditPage() {
  const { t } = useTranslation('access');
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(UserEditQuery, { variables: { id } });
  const user = data?.user ?? null;
  const notFound = isNotFound(error) || (data && !user);
  useDocumentTitle(user ? user.name : t('users.title'));
  return (
    <AdminFrame crumbs={[{ label: t('users.title'), to: paths.users }, { label: user?.name ?? t('users.userTitle') }]}>
      {!data && !error && <Loading label={t('users.loadingOne')} />}
      {notFound && <NotFoundPanel title={t('users.notFound')} back={{ to: paths.users, label: t('users.backToList') }} />}
      {error && !notFound && <ErrorNotice onRetry={() => void refetch()} />}
      {user && <UserEditor key={user.id} user={user} reload={async () => (await refetch()).data?.user ?? null} />}
    </AdminFrame>
  );
}

interface Values {
  name: string;
  roles: Role[];
  providerId: string;
  active: boolean;
}

function valuesOf(user: UserForm_UserFragment): Values {
  return { name: user.name, roles: [...user.roles], providerId: user.provider?.id ?? '', active: user.active };
}

function UserEditor({ user, reload }: { user: UserForm_UserFragment; reload: () => Promise<UserForm_UserFragment | null> }) {
  const { t } = useTranslation('access');
  const format = useFormat();
  const { viewer } = useViewer();
  const { flash } = useFlash();
  const [resetOpen, setResetOpen] = useState(false);
  const [update, { loading }] = useMutation(UpdateUserMutation);
  const { providers } = useProviderOptions();
  const { values, set, setVersion, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: user,
    valuesOf,
    versionOf: (u) => u.version,
    busy: loading,
    reload,
    isField: fieldsOf('name', 'roles', 'providerId', 'active'),
    check: (v) => checkUser(v, loose(t)),
    submit: async (v, expectedVersion) => {
      const { data } = await update({
        variables: {
          id: user.id,
          expectedVersion,
          input: {
            name: v.name.trim(),
            roles: v.roles,
            providerId: v.roles.includes('PROVIDER') ? v.providerId : null,
            active: v.active,
          },
        },
      });
      const saved = data!.updateUser;
      flash(t('users.saved', { name: saved.name }));
      return saved;
    },
  });
  const isSelf = viewer?.id === user.id;

  const providerName = (providerId: string) => providers.find((p) => p.id === providerId)?.name ?? '';
  const describe = (v: Values) => ({
    name: v.name,
    roles: v.roles.map((r) => t(`roles.${r}`)).join(', '),
    provider: v.roles.includes('PROVIDER') ? providerName(v.providerId) : '',
    active: v.active ? t('users.active') : t('users.inactive'),
  });

  return (
    <>
      <PageHeader title={user.name}>
        <p className="page-header__meta">
          {user.active ? <Badge tone="success">{t('users.active')}</Badge> : <Badge tone="neutral">{t('users.inactive')}</Badge>}
        </p>
      </PageHeader>
      <dl className="facts facts--inline panel facts-panel">
        <div>
          <dt>{t('users.email')}</dt>
          <dd data-testid="user-email">{user.email}</dd>
        </div>
        <div>
          <dt>{t('users.createdAt')}</dt>
          <dd>{format.dateTime(user.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('users.lastLogin')}</dt>
          <dd>{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.neverLoggedIn')}</dd>
        </div>
        {user.mustChangePassword && (
          <div>
            <dt>{t('users.password')}</dt>
            <dd>{t('users.mustChange')}</dd>
          </div>
        )}
      </dl>

      {conflict && (
        <ConflictNotice
          what={t('users.conflictWhat')}
          rows={(() => {
            const mine = describe(values);
            const saved = describe(valuesOf(conflict));
            return [
              { label: t('users.name'), mine: mine.name, saved: saved.name },
              { label: t('users.roles'), mine: mine.roles, saved: saved.roles },
              { label: t('users.provider'), mine: mine.provider, saved: saved.provider },
              { label: t('users.status'), mine: mine.active, saved: saved.active },
            ];
          })()}
          busy={loading}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}

      <section className="section section--tight" aria-labelledby="user-edit-heading">
        <h2 id="user-edit-heading">{t('users.editHeading')}</h2>
        <Form state={form} onSubmit={onSubmit} idPrefix="user" testId="user-form" className="form form--narrow">
          <TextField name="name" label={t('users.name')} autoComplete="off" value={values.name} onChange={(v) => set('name', v)} />
          <RoleCheckboxes value={values.roles} onChange={(roles) => set('roles', roles)} />
          {values.roles.includes('PROVIDER') && <ProviderField value={values.providerId} onChange={(v) => set('providerId', v)} />}
          <CheckboxField
            name="active"
            label={t('users.activeLabel')}
            hint={isSelf ? t('users.selfHint') : t('users.activeHint')}
            checked={values.active}
            onChange={(v) => set('active', v)}
          />
          <FormActions>
            <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="user-save">
              {loading ? t('common.saving') : t('common.save')}
            </button>
            <Link to={paths.users} className="button button--secondary">
              {t('users.backToList')}
            </Link>
          </FormActions>
        </Form>
      </section>

      <section className="section panel danger-zone" aria-labelledby="user-password-heading">
        <h2 id="user-password-heading" className="panel__heading">
          {t('users.resetHeading')}
        </h2>
        <p>{t('users.resetLead')}</p>
        <button type="button" className="button button--secondary" onClick={() => setResetOpen(true)} data-testid="reset-password">
          {t('users.reset')}
        </button>
        <ResetPasswordDialog user={user} open={resetOpen} onClose={() => setResetOpen(false)} onReset={(v) => setVersion(v)} />
      </section>
    </>
  );
}
