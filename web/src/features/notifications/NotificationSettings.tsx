import { Suspense, useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { Role } from '@insyn/shared';
import { isLanguage, useNamespace, type Language } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { Loading, ErrorNotice } from '../../shared/ui/QueryStates';
import { loose } from '../access/useApiErrors';
import './notifications.css';

const PreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      email
      required
    }
  }
`);

const SetPreferenceMutation = graphql(`
  mutation SetNotificationPreference($kind: String!, $email: Boolean!) {
    setNotificationPreference(kind: $kind, email: $email)
  }
`);

const SetLanguageMutation = graphql(`
  mutation SetMailLanguage($language: String!) {
    setLanguage(language: $language)
  }
`);

const MailLanguageQuery = graphql(`
  query MailLanguage {
    viewer {
      id
      language
    }
  }
`);

/** The kinds of notification each kind of user gets (the server sends the others to nobody like them). */
const PROVIDER_KINDS = ['ROUND_OPENED', 'CHANGES_REQUESTED', 'REPORT_APPROVED', 'THREAD_STARTED', 'DUE_SOON', 'DUE_TODAY', 'OVERDUE'];
const REGION_KINDS = ['REPORT_SUBMITTED', 'OVERDUE', 'REVIEW_WAITING'];

/** The kinds worth offering to a user with these roles; every kind when none of them applies. */
export function kindsFor(roles: readonly Role[] | undefined, all: readonly string[]): string[] {
  const wanted = new Set<string>();
  if (roles?.includes('PROVIDER')) PROVIDER_KINDS.forEach((k) => wanted.add(k));
  if (roles?.some((r) => r === 'REVIEWER' || r === 'ADMIN')) REGION_KINDS.forEach((k) => wanted.add(k));
  const offered = all.filter((k) => wanted.has(k));
  return offered.length > 0 ? offered : [...all];
}

/**
 * "Mitt konto": which notifications also come by e-mail (one checkbox per kind; those the user
 * must act on are always sent and cannot be turned off), and the language of e-mail.
 */
export function NotificationSettings() {
  return (
    <Suspense fallback={<Loading />}>
      <Settings />
    </Suspense>
  );
}

function Settings() {
  useNamespace('review');
  const { t } = useTranslation('review');
  const id = useId();
  return (
    <section className="section notification-settings" aria-labelledby={`${id}-heading`} id="epost" data-testid="notification-settings">
      <h2 id={`${id}-heading`}>{t('settings.heading')}</h2>
      <p>{t('settings.lead')}</p>
      <EmailKinds />
      <MailLanguage />
    </section>
  );
}

function EmailKinds() {
  const { t } = useTranslation('review');
  const tl = loose(t);
  const id = useId();
  const { data, error, refetch } = useQuery(PreferencesQuery, { fetchPolicy: 'cache-and-network' });
  const [setPreference] = useMutation(SetPreferenceMutation);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const { viewer } = useViewer();
  if (!data && error) return <ErrorNotice onRetry={() => void refetch()} />;
  if (!data) return <Loading label={t('settings.loading')} />;

  const change = async (kind: string, email: boolean) => {
    setPending((p) => ({ ...p, [kind]: email }));
    setFailed(null);
    setStatus('');
    try {
      await setPreference({ variables: { kind, email } });
      await refetch();
      setStatus(`${t('settings.saved')} ${email ? t('settings.savedOn') : t('settings.savedOff')}`);
    } catch {
      setFailed(kind);
    } finally {
      setPending((p) => {
        const next = { ...p };
        delete next[kind];
        return next;
      });
    }
  };

  return (
    <fieldset className="fieldset-plain field" data-testid="email-kinds">
      <legend className="legend-heading">{t('settings.kindsLegend')}</legend>
      {data.notificationPreferences
        .filter((p) => kindsFor(viewer?.roles, data.notificationPreferences.map((k) => k.kind)).includes(p.kind))
        .map((p) => {
        const inputId = `${id}-${p.kind}`;
        const checked = pending[p.kind] ?? p.email;
        return (
          <div className="checkbox" key={p.kind}>
            <input
              type="checkbox"
              id={inputId}
              checked={p.required ? true : checked}
              disabled={p.required}
              onChange={(e) => void change(p.kind, e.target.checked)}
              aria-describedby={p.required ? `${inputId}-hint` : undefined}
              data-testid={`email-${p.kind}`}
            />
            <div className="checkbox__text">
              <label htmlFor={inputId}>{tl(`kinds.${p.kind}`)}</label>
              {p.required && (
                <span className="checkbox__hint" id={`${inputId}-hint`}>
                  {t('settings.required')}
                </span>
              )}
              {failed === p.kind && (
                <span className="field-error" role="alert">
                  {t('settings.failed')}
                </span>
              )}
            </div>
          </div>
        );
      })}
      <p className="notification-settings__status" role="status" data-testid="email-status">
        {status}
      </p>
    </fieldset>
  );
}

function MailLanguage() {
  const { data, error, refetch } = useQuery(MailLanguageQuery, { fetchPolicy: 'network-only' });
  if (error) return <ErrorNotice onRetry={() => void refetch()} />;
  if (!data?.viewer) return <Loading />;
  return <MailLanguageForm saved={isLanguage(data.viewer.language) ? data.viewer.language : 'sv'} />;
}

/** The language the server has for the user's e-mail, and a choice to change it. */
function MailLanguageForm({ saved }: { saved: Language }) {
  const { t } = useTranslation('review');
  const id = useId();
  const [language, setLanguage] = useState<Language>(saved);
  const [save] = useMutation(SetLanguageMutation, { refetchQueries: [MailLanguageQuery] });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    setStatus('');
    try {
      await save({ variables: { language } });
      setStatus(language === 'en' ? t('settings.languageSavedEn') : t('settings.languageSaved'));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="mail-language"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="mail-language"
    >
      <fieldset className="fieldset-plain field radio-group" aria-describedby={`${id}-hint`}>
        <legend className="legend-heading">{t('settings.languageLegend')}</legend>
        <p className="field-hint" id={`${id}-hint`}>
          {t('settings.languageHint')}
        </p>
        <div className="radio-group__options">
          {(['sv', 'en'] as const).map((lang) => (
            <div className="checkbox radio" key={lang}>
              <input type="radio" id={`${id}-${lang}`} name={`${id}-language`} value={lang} checked={language === lang} onChange={() => setLanguage(lang)} />
              <div className="checkbox__text">
                <label htmlFor={`${id}-${lang}`}>
                  {lang === 'sv' ? t('settings.languageSv') : t('settings.languageEn')}
                </label>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button button--secondary" aria-disabled={busy} data-testid="mail-language-save">
        {t('settings.languageSave')}
      </button>
      {failed && (
        <p className="field-error" role="alert">
          {t('settings.failed')}
        </p>
      )}
      <p className="notification-settings__status" role="status">
        {status}
      </p>
    </form>
  );
}
