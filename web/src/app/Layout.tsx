import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { ErrorCode } from '@insyn/shared';
import { graphql } from '../gql';
import { hasErrorCode } from '../shared/errors';
import { LOGGED_OUT_PARAM, loginPath, mainNavItems } from './access';
import { isLanguage, switchLanguage } from './i18n';
import { paths } from './routes';
import { useViewer, type SessionViewer } from './viewer';

/** "Notiser (3)": only for logged-in users, so the public pages never load it. */
const NotificationBell = lazy(() => import('../features/notifications/NotificationBell').then((m) => ({ default: m.NotificationBell })));

/** The app shell: skip link, header with language switch, main navigation, main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname, search } = useLocation();
  const firstRender = useRef(true);
  const { viewer } = useViewer();
  const navItems = mainNavItems(viewer?.roles);
  // The links that need a login come after a divider.
  const firstPrivate = navItems.findIndex((item) => !item.public);

  // After navigating inside the app, start reading and tabbing from the new page's content,
  // as after a full page load. A link to a place on the page (#…) is left to that page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (window.location.hash) return;
    // A page that loaded its code first may already have the user in one of its fields: leave them there.
    const active = document.activeElement;
    if (active && active !== mainRef.current && mainRef.current?.contains(active) && active.matches('input, select, textarea')) return;
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to={paths.start} className="brand">
            <BrandMark />
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__region">{t('app.region')}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            {viewer === null && pathname !== paths.login && (
              <Link to={loginPath(pathname + search)} className="header-button" data-testid="login-link">
                <PersonIcon />
                {t('nav.login')}
              </Link>
            )}
            {viewer && (
              <Suspense fallback={null}>
                <NotificationBell />
              </Suspense>
            )}
            {viewer && <SignedIn viewer={viewer} />}
            <LanguageSwitch />
          </div>
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container site-nav__list" data-testid="main-nav">
            {navItems.map((item, index) => (
              <li key={item.key} className={index === firstPrivate ? 'site-nav__first-private' : undefined}>
                <NavLink to={item.to} end={item.end} className="site-nav__link">
                  {t(`nav.${item.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <div className="container">{children}</div>
      </main>
      <footer className="site-footer">
        <div className="container site-footer__grid">
          <div>
            <p className="site-footer__brand">
              {t('app.name')} · {t('app.region')}
            </p>
            <p>{t('footer.about')}</p>
            <p className="site-footer__note">{t('footer.dataLanguage')}</p>
          </div>
          <nav aria-label={t('footer.linksLabel')}>
            <ul className="site-footer__links">
              <li>
                <Link to={paths.accessibility}>{t('footer.accessibility')}</Link>
              </li>
              <li>
                <Link to={paths.equalConditions}>{t('footer.equalConditions')}</Link>
              </li>
              <li>
                <Link to={paths.neutrality}>{t('footer.neutrality')}</Link>
              </li>
              <li>
                <Link to={paths.annualReports}>{t('footer.annualReports')}</Link>
              </li>
              <li>
                <Link to={paths.openData}>{t('footer.openData')}</Link>
              </li>
              <li>
                <a href="/graphiql">{t('footer.api')}</a>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** The logged-in user's name and the logout button. */
function SignedIn({ viewer }: { viewer: SessionViewer }) {
  const { t } = useTranslation();
  const [logout] = useMutation(LogoutMutation);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const onLogout = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await logout();
    } catch (error) {
      // An ended session is as good as a logout; anything else (no network) is not.
      if (!hasErrorCode(error, ErrorCode.UNAUTHENTICATED)) {
        setBusy(false);
        setFailed(true);
        return;
      }
    }
    // A full page load: nothing of the user's data stays in the memory of this tab.
    window.location.assign(`${paths.login}?${LOGGED_OUT_PARAM}=1`);
  };

  return (
    <div className="signed-in" data-testid="signed-in">
      <span className="signed-in__who">
        <span className="visually-hidden">{t('nav.signedInAs')} </span>
        <PersonIcon />
        <span data-testid="signed-in-name">{viewer.name}</span>
      </span>
      <button type="button" className="header-button" onClick={() => void onLogout()} aria-disabled={busy} data-testid="logout">
        {t('nav.logout')}
      </button>
      {failed && (
        <p className="signed-in__error" role="alert">
          {t('nav.logoutFailed')}
        </p>
      )}
    </div>
  );
}

/** Switches between Swedish and English; the choice is remembered and sets <html lang>. */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = t('language.otherCode');
  return (
    <button
      type="button"
      className="lang-switch"
      lang={other}
      data-testid="language-switch"
      onClick={() => {
        if (isLanguage(other)) void switchLanguage(i18n, other);
      }}
    >
      <GlobeIcon />
      {t('language.other')}
    </button>
  );
}

function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="8" fill="currentColor" />
      <circle cx="20" cy="20" r="9" fill="none" stroke="#fff" strokeWidth="3" />
      <circle cx="20" cy="20" r="3.5" fill="#fff" />
      <path d="M6 20c3.5-6.5 8.2-10 14-10s10.5 3.5 14 10c-3.5 6.5-8.2 10-14 10S9.5 26.5 6 20z" fill="none" stroke="#fff" strokeWidth="2" />
    </svg>
  );
}

function PersonIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" className="header-icon">
      <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

function GlobeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" className="lang-switch__icon">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
