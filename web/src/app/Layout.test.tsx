import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@insyn/shared';
import { Route } from 'react-router';
import { renderInShell, viewerResult } from '../test/render';
import { LANGUAGE_STORAGE_KEY } from './i18n';

async function renderShell(roles: Role[] | null = null, url = '/utforare') {
  return renderInShell(<Route path="*" element={<h1>Sida</h1>} />, {
    url,
    handler: (op) => (op.operationName === 'Viewer' ? viewerResult(roles, { name: 'Anna Administratör' }) : new Error(op.operationName)),
  });
}

function menuLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: /Huvudmeny|Main menu/ });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

describe('app shell', () => {
  it('has a skip link to main, named navigation, and the accessibility statement in the footer', async () => {
    await renderShell();
    const skip = screen.getByRole('link', { name: 'Hoppa till huvudinnehåll' });
    expect(skip.getAttribute('href')).toBe('#main');
    const main = screen.getByRole('main');
    expect(main.id).toBe('main');
    expect(main.tabIndex).toBe(-1);
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Utförare');
    expect(screen.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).getAttribute('href')).toBe('/tillganglighet');
    expect(screen.getByRole('banner').textContent).toContain('Region Jämtland Härjedalen');
  });

  it('switches to English, remembers it and sets <html lang>', async () => {
    await renderShell();
    const button = screen.getByRole('button', { name: 'English' });
    expect(button.getAttribute('lang')).toBe('en');
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeTruthy());
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(screen.getByRole('button', { name: 'Svenska' }).getAttribute('lang')).toBe('sv');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeTruthy();
  });
});

describe('navigation by role', () => {
  const PUBLIC = ['Start', 'Program', 'Indikatorer', 'Utförare', 'Jämför', 'Begär insyn'];

  it('offers "Logga in" (back to this page) and only the public pages when nobody is logged in', async () => {
    await renderShell(null, '/program');
    const login = await screen.findByRole('link', { name: 'Logga in' });
    expect(login.getAttribute('href')).toBe('/logga-in?till=%2Fprogram');
    expect(menuLinks()).toEqual(PUBLIC);
    expect(screen.queryByRole('button', { name: 'Logga ut' })).toBeNull();
  });

  it.each<[string, Role[], string[]]>([
    ['ADMIN', ['ADMIN'], [...PUBLIC, 'Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Administration', 'Granskningslogg', 'API-nycklar', 'Mitt konto']],
    ['REVIEWER', ['REVIEWER'], [...PUBLIC, 'Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Mitt konto']],
    ['PROVIDER', ['PROVIDER'], [...PUBLIC, 'Mina rapporter', 'Insynsbegäranden', 'Mitt konto']],
    ['AUDITOR', ['AUDITOR'], [...PUBLIC, 'Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Användare', 'Granskningslogg', 'Mitt konto']],
    ['ANALYST', ['ANALYST'], [...PUBLIC, 'API-nycklar', 'Mitt konto']],
    ['AUDITOR + ANALYST', ['AUDITOR', 'ANALYST'], [...PUBLIC, 'Uppföljning', 'Granskning', 'Insynsbegäranden', 'Sistahandsansvar', 'Systemuppföljning', 'Användare', 'Granskningslogg', 'API-nycklar', 'Mitt konto']],
  ])('%s sees exactly the links of the roles, the name and "Logga ut"', async (_name, roles, expected) => {
    await renderShell(roles, '/');
    expect(await screen.findByRole('button', { name: 'Logga ut' })).toBeTruthy();
    expect(screen.getByTestId('signed-in-name').textContent).toBe('Anna Administratör');
    expect(screen.queryByRole('link', { name: 'Logga in' })).toBeNull();
    expect(menuLinks()).toEqual(expected);
  });

  it('treats an unreachable API as logged out, so the public pages keep working', async () => {
    await renderInShell(<Route path="*" element={<h1>Sida</h1>} />, { url: '/', handler: () => new Error('offline') });
    expect(await screen.findByRole('link', { name: 'Logga in' })).toBeTruthy();
    expect(menuLinks()).toEqual(PUBLIC);
  });
});
