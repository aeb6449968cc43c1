import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { Role } from '@insyn/shared';
import { Route } from 'react-router';
import { renderInShell, viewerResult } from '../../test/render';
import AccessArea, { RequireArea } from './AccessArea';

function routes() {
  return (
    <>
      <Route path="/logga-in" element={<h1>Inloggning</h1>} />
      <Route
        element={
          <Suspense fallback={<p>Laddar</p>}>
            <AccessArea />
          </Suspense>
        }
      >
        <Route element={<RequireArea area="account" />}>
          <Route path="/konto/losenord" element={<h1>Byt lösenord</h1>} />
        </Route>
        <Route element={<RequireArea area="admin" />}>
          <Route path="/admin/anvandare/ny" element={<h1>Ny användare</h1>} />
        </Route>
      </Route>
    </>
  );
}

async function open(url: string, roles: Role[] | null, mustChangePassword = false) {
  return renderInShell(routes(), { url, access: true, handler: () => viewerResult(roles, { mustChangePassword }) });
}

describe('pages behind the login', () => {
  it('send anonymous users to the login page, remembering where they were going', async () => {
    await open('/admin/anvandare/ny?x=1', null);
    expect(await screen.findByRole('heading', { name: 'Inloggning' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/logga-in?till=%2Fadmin%2Fanvandare%2Fny%3Fx%3D1');
  });

  it('tell a user without the role politely, with a way on', async () => {
    await open('/admin/anvandare/ny', ['AUDITOR']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Du har inte behörighet till den här sidan' })).toBeTruthy();
    expect(screen.getByText('Sidan är till för Administratör.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gå till din startsida' }).getAttribute('href')).toBe('/granskningslogg');
    expect(document.title).toBe('Ingen behörighet – Insyn');
  });

  it('send a user with a temporary password to change it first', async () => {
    await open('/admin/anvandare/ny', ['ADMIN'], true);
    expect(await screen.findByRole('heading', { name: 'Byt lösenord' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/konto/losenord?till=%2Fadmin%2Fanvandare%2Fny');
  });

  it('show the page to a user with the role', async () => {
    await open('/admin/anvandare/ny', ['ADMIN']);
    expect(await screen.findByRole('heading', { name: 'Ny användare' })).toBeTruthy();
  });
});
