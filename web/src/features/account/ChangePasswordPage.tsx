import { useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { RETURN_PARAM, safeReturnPath, startPathFor } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer, ViewerFragment } from '../../app/viewer';
import { hasErrors, type FieldMessage } from '../../shared/forms/errors';
import { CheckboxField, Form, FormActions, TextField, useFormErrors } from '../../shared/forms/Form';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useFlash } from '../access/flash';
import { fieldsOf, useApiErrors } from '../access/useApiErrors';

export const PASSWORD_MIN = 12;

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Change your own password: the current one, then the new one twice (at least 12 characters). */
export default function ChangePasswordPage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('password.title'));
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash, clear: clearFlash } = useFlash();
  const client = useApolloClient();
  const [change, { loading }] = useMutation(ChangePasswordMutation);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [show, setShow] = useState(false);
  const mustChange = Boolean(viewer?.mustChangePassword);

  const submit = async () => {
    if (loading || !viewer) return;
    clearFlash();
    const fields: Record<string, FieldMessage> = {};
    if (!current) fields['currentPassword'] = { text: t('password.currentMissing') };
    if (!next) fields['newPassword'] = { text: t('password.newMissing') };
    else if (next.length < PASSWORD_MIN) fields['newPassword'] = { text: t('serverMessage.passwordTooShort', { min: String(PASSWORD_MIN) }) };
    else if (next === current) fields['newPassword'] = { text: t('serverMessage.passwordSame') };
    if (next && repeat !== next) fields['repeatPassword'] = { text: t('password.repeatMismatch') };
    if (hasErrors({ fields, general: [] })) return form.show({ fields, general: [] });
    try {
      await change({ variables: { currentPassword: current, newPassword: next } });
      form.clear();
      setCurrent('');
      setNext('');
      setRepeat('');
      client.cache.writeFragment({
        id: client.cache.identify({ __typename: 'Viewer', id: viewer.id }),
        fragment: ViewerFragment,
        fragmentName: 'Viewer_viewer',
        data: { ...viewer, mustChangePassword: false },
      });
      const back = safeReturnPath(params.get(RETURN_PARAM));
      if (mustChange || back) {
        const target = back ?? startPathFor(viewer.roles);
        flash(t('password.changed'), target.split('?')[0]);
        navigate(target, { replace: true });
      } else {
        flash(t('password.changed'));
      }
    } catch (error) {
      const { errors } = mapError(error, fieldsOf('currentPassword', 'newPassword', 'repeatPassword'));
      form.show(errors);
    }
  };

  return (
    <div data-testid="change-password-page">
      <PageHeader title={t('password.heading')} lead={mustChange ? undefined : t('password.lead')} />
      {mustChange && (
        <div className="notice notice--warning" data-testid="must-change-password">
          <p className="notice__title">
            <span className="notice__icon notice__icon--warning" aria-hidden="true">
              !
            </span>
            {t('password.mustChangeTitle')}
          </p>
          <p>{t('password.mustChangeBody')}</p>
        </div>
      )}
      <section className="panel form-panel" aria-labelledby="password-form-heading">
        <h2 id="password-form-heading" className="visually-hidden">
          {t('password.heading')}
        </h2>
        <Form state={form} onSubmit={() => void submit()} idPrefix="password" testId="password-form" className="form form--narrow">
          <TextField
            name="currentPassword"
            label={t('password.current')}
            type={show ? 'text' : 'password'}
            autoComplete="current-password"
            spellCheck={false}
            value={current}
            onChange={setCurrent}
          />
          <TextField
            name="newPassword"
            label={t('password.new')}
            hint={t('password.newHint', { min: PASSWORD_MIN })}
            type={show ? 'text' : 'password'}
            autoComplete="new-password"
            spellCheck={false}
            value={next}
            onChange={setNext}
          />
          <TextField
            name="repeatPassword"
            label={t('password.repeat')}
            type={show ? 'text' : 'password'}
            autoComplete="new-password"
            spellCheck={false}
            value={repeat}
            onChange={setRepeat}
          />
          <CheckboxField name="show" label={t('password.show')} checked={show} onChange={setShow} />
          <FormActions>
            <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="password-submit">
              {loading ? t('common.saving') : t('password.submit')}
            </button>
            {!mustChange && (
              <Link to={paths.account} className="button button--secondary">
                {t('common.cancel')}
              </Link>
            )}
          </FormActions>
        </Form>
      </section>
    </div>
  );
}
