import { useEffect, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { LOGGED_OUT_PARAM, RETURN_PARAM, safeReturnPath, startPathFor } from '../../app/access';
import { paths } from '../../app/routes';
import { useViewer, ViewerQuery } from '../../app/viewer';
import { apiProblem, NO_ERRORS, type FormErrors } from '../../shared/forms/errors';
import { CheckboxField, Form, FormActions, TextField, useFormErrors } from '../../shared/forms/Form';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { provideTexts, useNamespace } from '../../app/i18n';
import loginTexts from '../../app/locales/pages/login.sv';

/** This page's own texts, in Swedish, come with its code (English is fetched when chosen). */
provideTexts('pages/login', 'sv', loginTexts);

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      ...Viewer_viewer
    }
  }
`);

/** Seconds to wait, in words: "40 sekunder", "15 minuter". */
export function waitText(seconds: number, t: (key: 'duration.seconds' | 'duration.minutes', options: { count: number }) => string): string {
  if (seconds < 60) return t('duration.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('duration.minutes', { count: Math.ceil(seconds / 60) });
}

/**
 * Logging in: e-mail and password. A failure never says which of the two was wrong. Afterwards
 * the user goes back to the page they came from, or to the start of their work.
 */
export default function LoginPage() {
  useNamespace('pages/login');
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get(RETURN_PARAM));
  const { viewer } = useViewer();
  const [login, { loading }] = useMutation(LoginMutation);
  const form = useFormErrors();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [loggedOut, setLoggedOut] = useState(false);
  const [signedIn, setSignedIn] = useState(false);

  // Said in a live region that is already on the page, so it is announced.
  const cameFromLogout = params.get(LOGGED_OUT_PARAM) === '1';
  useEffect(() => {
    if (cameFromLogout) setLoggedOut(true);
  }, [cameFromLogout]);

  const submit = async () => {
    if (loading) return;
    setLoggedOut(false);
    const missing: FormErrors = { fields: {}, general: [] };
    if (!email.trim()) missing.fields['email'] = { text: t('login.emailMissing') };
    if (!password) missing.fields['password'] = { text: t('login.passwordMissing') };
    if (Object.keys(missing.fields).length) {
      form.show(missing);
      return;
    }
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      const user = data?.login;
      if (!user) throw new Error('No viewer');
      form.clear();
      setSignedIn(true);
      // Start clean: nothing cached while logged out (or as someone else) is reused; the
      // queries on screen (the header's viewer) are asked again, now with the session.
      await client.resetStore().catch(() => undefined);
      client.writeQuery({ query: ViewerQuery, data: { viewer: user } });
      const target = returnTo ?? startPathFor(user.roles);
      if (user.mustChangePassword) {
        navigate(`${paths.changePassword}?${RETURN_PARAM}=${encodeURIComponent(target)}`, { replace: true });
      } else {
        navigate(target, { replace: true });
      }
    } catch (error) {
      const problem = apiProblem(error);
      let text: string;
      if (problem.code === 'RATE_LIMITED') {
        text = t('login.rateLimited', { wait: waitText(problem.retryAfter ?? 60, t) });
      } else if (problem.code === 'UNAUTHENTICATED' || problem.code === 'BAD_USER_INPUT') {
        text = t('login.failed');
      } else {
        text = t('login.unavailable');
      }
      setPassword('');
      form.show({ ...NO_ERRORS, general: [{ text }] });
    }
  };

  return (
    <div className="login" data-testid="login-page">
      <PageHeader title={t('login.heading')} lead={t('login.lead')} />
      <div role="status" className="login__status">
        {loggedOut && (
          <p className="notice notice--success" data-testid="logged-out">
            <span className="notice__icon notice__icon--success" aria-hidden="true">
              ✓
            </span>
            {t('login.loggedOut')}
          </p>
        )}
      </div>
      {returnTo && !viewer && <p className="notice notice--info">{t('login.needed')}</p>}
      {viewer && !loggedOut && !signedIn && (
        <p className="notice notice--info">
          {t('login.alreadySignedIn', { name: viewer.name })}{' '}
          <Link to={returnTo ?? startPathFor(viewer.roles)}>{t('login.continue')}</Link>
        </p>
      )}
      <div className="login__layout">
        <section className="panel login__panel" aria-labelledby="login-form-heading">
          <h2 id="login-form-heading" className="visually-hidden">
            {t('login.heading')}
          </h2>
          <Form state={form} onSubmit={() => void submit()} idPrefix="login" testId="login-form">
            <TextField
              name="email"
              label={t('login.email')}
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onChange={(value) => {
                setEmail(value);
                if (value.trim()) form.setField('email', null);
              }}
            />
            <TextField
              name="password"
              label={t('login.password')}
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              spellCheck={false}
              value={password}
              onChange={(value) => {
                setPassword(value);
                if (value) form.setField('password', null);
              }}
            />
            <CheckboxField name="showPassword" label={t('login.showPassword')} checked={showPassword} onChange={setShowPassword} />
            <FormActions>
              <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="login-submit">
                {loading ? t('login.submitting') : t('login.submit')}
              </button>
            </FormActions>
          </Form>
        </section>
        <aside className="login__help" aria-labelledby="login-help-heading">
          <h2 id="login-help-heading" className="login__help-heading">
            {t('login.forgotHeading')}
          </h2>
          <p>{t('login.forgot')}</p>
        </aside>
      </div>
    </div>
  );
}
