import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { Role } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { paths } from '../../../app/routes';
import { hasErrors } from '../../../shared/forms/errors';
import { Form, FormActions, TextField, useFormErrors } from '../../../shared/forms/Form';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { forgetLists } from '../../access/cache';
import { useFlash } from '../../access/flash';
import { OneTimeSecret } from '../../access/OneTimeSecret';
import { fieldsOf, loose, useApiErrors } from '../../access/useApiErrors';
import { AdminFrame } from '../AdminFrame';
import { checkUser, ProviderField, RoleCheckboxes } from './userFields';

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      temporaryPassword
      user {
        id
        ...UserRow_user
      }
    }
  }
`);

interface Created {
  id: string;
  name: string;
  email: string;
  temporaryPassword: string | null;
}

/** A new user: e-mail, name, roles and (for provider users) the provider; a temporary password is shown once. */
export default function UserCreatePage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('users.newTitle'));
  const [created, setCreated] = useState<Created | null>(null);
  const [round, setRound] = useState(0);
  return (
    <AdminFrame crumbs={[{ label: t('users.title'), to: paths.users }, { label: t('users.newTitle') }]}>
      {created ? (
        <CreatedUser
          user={created}
          onAnother={() => {
            setCreated(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <>
          <PageHeader title={t('users.newHeading')} lead={t('users.newLead')} />
          <CreateUserForm key={round} onCreated={setCreated} />
        </>
      )}
    </AdminFrame>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: Created) => void }) {
  const { t } = useTranslation('access');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash, clear: clearFlash } = useFlash();
  const [createUser, { loading }] = useMutation(CreateUserMutation, { update: forgetLists('users') });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [providerId, setProviderId] = useState('');
  const isProvider = roles.includes('PROVIDER');

  const submit = async () => {
    if (loading) return;
    clearFlash();
    const values = { email, name, roles, providerId };
    const checked = checkUser(values, loose(t));
    if (hasErrors(checked)) return form.show(checked);
    try {
      const { data } = await createUser({
        variables: {
          input: { email: email.trim(), name: name.trim(), roles, providerId: isProvider ? providerId : null },
        },
      });
      const result = data!.createUser;
      form.clear();
      flash(t('users.created', { name: result.user.name }));
      onCreated({ id: result.user.id, name: result.user.name, email: result.user.email, temporaryPassword: result.temporaryPassword ?? null });
    } catch (error) {
      form.show(mapError(error, fieldsOf('email', 'name', 'roles', 'providerId')).errors);
    }
  };

  return (
    <Form state={form} onSubmit={() => void submit()} idPrefix="new-user" testId="user-form" className="form form--narrow">
      <TextField name="email" label={t('users.email')} type="email" autoComplete="off" spellCheck={false} value={email} onChange={setEmail} />
      <TextField name="name" label={t('users.name')} hint={t('users.nameHint')} autoComplete="off" value={name} onChange={setName} />
      <RoleCheckboxes value={roles} onChange={setRoles} />
      {isProvider && <ProviderField value={providerId} onChange={setProviderId} />}
      <p className="field-hint">{t('users.passwordNote')}</p>
      <FormActions>
        <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="user-submit">
          {loading ? t('common.saving') : t('users.create')}
        </button>
        <Link to={paths.users} className="button button--secondary">
          {t('common.cancel')}
        </Link>
      </FormActions>
    </Form>
  );
}

function CreatedUser({ user, onAnother }: { user: Created; onAnother: () => void }) {
  const { t } = useTranslation('access');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel created" aria-labelledby="created-heading" data-testid="user-created">
      <h1 id="created-heading" ref={heading} tabIndex={-1}>
        {t('users.createdHeading', { name: user.name })}
      </h1>
      <p>{t('users.createdBody', { email: user.email })}</p>
      {user.temporaryPassword && (
        <OneTimeSecret label={t('users.temporaryPassword')} value={user.temporaryPassword} warning={t('users.temporaryPasswordWarning')} testId="temporary-password" />
      )}
      <div className="button-row">
        <Link to={paths.user(user.id)} className="button button--primary">
          {t('users.openCreated')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('users.createAnother')}
        </button>
        <Link to={paths.users} className="button button--secondary">
          {t('users.backToList')}
        </Link>
      </div>
    </section>
  );
}
