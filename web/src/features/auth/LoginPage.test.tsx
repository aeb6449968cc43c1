import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router';
import { gqlError, renderInShell, viewerResult, type Handler } from '../../test/render';
import LoginPage from './LoginPage';

function login(url: string, answer: Handler) {
  return renderInShell(
    <>
      <Route path="/logga-in" element={<LoginPage />} />
      <Route path="*" element={<h1>Annan sida</h1>} />
    </>,
    { url, handler: (op) => (op.operationName === 'Viewer' ? viewerResult(null) : answer(op)) },
  );
}

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('E-postadress'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Lösenord'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
}

describe('login page', () => {
  it('asks for both fields, tied to the fields, with the summary taking focus', async () => {
    const { calls } = await login('/logga-in', () => viewerResult(['ADMIN']));
    fill('', '');
    const summary = await screen.findByTestId('error-summary');
    expect(summary.textContent).toContain('Ange din e-postadress.');
    expect(summary.textContent).toContain('Ange ditt lösenord.');
    expect(document.activeElement).toBe(summary);
    const email = screen.getByLabelText('E-postadress');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toContain('Ange din e-postadress.');
    expect(email.getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Lösenord').getAttribute('autocomplete')).toBe('current-password');
    expect(calls.some((c) => c.operationName === 'Login')).toBe(false);
  });

  it('says the e-mail address or the password is wrong, without saying which', async () => {
    await login('/logga-in', () => gqlError('UNAUTHENTICATED', {}, 'Wrong e-mail address or password'));
    fill('admin@insyn.example', 'fel');
    const summary = await screen.findByTestId('error-summary');
    expect(summary.textContent).toContain('Fel e-postadress eller lösenord.');
    expect(screen.getByLabelText('E-postadress').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Lösenord').getAttribute('aria-invalid')).toBeNull();
    expect((screen.getByLabelText('Lösenord') as HTMLInputElement).value).toBe('');
  });

  it('tells how long to wait when rate-limited', async () => {
    await login('/logga-in', () => gqlError('RATE_LIMITED', { retryAfter: 840 }));
    fill('admin@insyn.example', 'fel');
    expect((await screen.findByTestId('error-summary')).textContent).toContain('Vänta 14 minuter och försök sedan igen.');
  });

  it('goes back where the user came from', async () => {
    const { calls } = await login('/logga-in?till=%2Fadmin%2Fanvandare', () => ({ data: { login: viewerResult(['ADMIN']).data!['viewer'] } }));
    fill(' admin@insyn.example ', 'insyn-demo');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/anvandare'));
    expect(calls.find((c) => c.operationName === 'Login')?.variables).toEqual({ email: 'admin@insyn.example', password: 'insyn-demo' });
  });

  it('sends a user with a temporary password to change it, then on', async () => {
    await login('/logga-in', () => ({ data: { login: viewerResult(['AUDITOR'], { mustChangePassword: true }).data!['viewer'] } }));
    fill('auditor@insyn.example', 'tillfälligt');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/konto/losenord?till=%2Fgranskningslogg'));
  });
});
