import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { apiProblem } from '../../../shared/forms/errors';
import { Dialog } from '../../../shared/ui/Dialog';
import { OneTimeSecret } from '../../access/OneTimeSecret';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($id: ID!) {
    resetPassword(id: $id) {
      temporaryPassword
      user {
        id
        version
        mustChangePassword
      }
    }
  }
`);

/**
 * Asks before resetting (the user is logged out everywhere), then shows the temporary password
 * once. A modal dialog: focus stays inside, Escape closes it.
 */
export function ResetPasswordDialog({
  user,
  open,
  onClose,
  onReset,
}: {
  user: { id: string; name: string };
  open: boolean;
  onClose: () => void;
  onReset: (version: number) => void;
}) {
  const { t } = useTranslation('access');
  const [reset, { loading }] = useMutation(ResetPasswordMutation);
  const [password, setPassword] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const close = () => {
    setPassword(null);
    setFailed(null);
    onClose();
  };

  const confirm = async () => {
    if (loading) return;
    setFailed(null);
    try {
      const { data } = await reset({ variables: { id: user.id } });
      setPassword(data!.resetPassword.temporaryPassword);
      onReset(data!.resetPassword.user.version);
    } catch (error) {
      const problem = apiProblem(error);
      setFailed(problem.code === 'FORBIDDEN' ? t('common.notAllowed') : t('common.actionFailed'));
    }
  };

  return (
    <Dialog open={open} onClose={close} stage={password ? 'done' : 'confirm'} title={password ? t('users.resetDoneTitle') : t('users.resetConfirmTitle', { name: user.name })} testId="reset-dialog">
      {password ? (
        <>
          <p>{t('users.resetDoneBody', { name: user.name })}</p>
          <OneTimeSecret label={t('users.temporaryPassword')} value={password} warning={t('users.temporaryPasswordWarning')} testId="reset-password-value" />
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('users.resetConfirmBody')}</p>
          {failed && (
            <p className="field-error" role="alert">
              <span aria-hidden="true" className="field-error__icon">
                !
              </span>
              {failed}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={() => void confirm()} aria-disabled={loading} data-testid="reset-confirm">
              {loading ? t('users.resetting') : t('users.resetConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={close} data-autofocus data-testid="reset-cancel">
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
