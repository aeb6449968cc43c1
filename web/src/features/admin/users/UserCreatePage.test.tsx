import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { gqlError, renderPage, viewerResult, type Operation } from '../../../test/render';
import UserCreatePage from './UserCreatePage';

const providers = {
  data: {
    providers: {
      __typename: 'ProviderConnection',
      edges: [
        { __typename: 'ProviderEdge', node: { __typename: 'Provider', id: 'p2', name: 'Hede Läkarhus AB', ownership: 'PRIVATE' } },
        { __typename: 'ProviderEdge', node: { __typename: 'Provider', id: 'p1', name: 'Primärvården', ownership: 'IN_HOUSE' } },
      ],
    },
  },
};

function created(op: Operation) {
  const input = op.variables['input'] as { email: string; name: string; roles: string[] };
  return {
    data: {
      createUser: {
        __typename: 'CreatedUser',
        temporaryPassword: 'Tillf-Lösen-123',
        user: { __typename: 'User', id: 'u9', name: input.name, email: input.email, roles: input.roles, active: true, lastLoginAt: null, provider: null },
      },
    },
  };
}

async function open(createUser: (op: Operation) => unknown) {
  return renderPage(<UserCreatePage />, {
    path: '/admin/anvandare/ny',
    url: '/admin/anvandare/ny',
    access: true,
    handler: (op) => {
      if (op.operationName === 'Viewer') return viewerResult(['ADMIN']);
      if (op.operationName === 'ProviderOptions') return providers;
      return createUser(op) as never;
    },
  });
}

describe('new user', () => {
  it('checks the form before sending, and shows the provider choice only for provider users', async () => {
    const { calls } = await open(created);
    expect(screen.queryByRole('combobox', { name: 'Utförare' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Skapa användare' }));
    const summary = await screen.findByTestId('error-summary');
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain('E-postadress: Ange användarens e-postadress.');
    expect(summary.textContent).toContain('Roller: Välj minst en roll.');
    // The roles fieldset carries its message; the summary links to its first box.
    const roles = screen.getByRole('group', { name: /Roller/ });
    expect(document.getElementById(roles.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toContain('Välj minst en roll.');
    expect(screen.getByRole('link', { name: 'Roller: Välj minst en roll.' }).getAttribute('href')).toBe('#new-user-roles');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Utförare' }));
    const select = await screen.findByRole('combobox', { name: 'Utförare' });
    await screen.findByRole('option', { name: 'Hede Läkarhus AB (Privat)' });
    // Sorted by name.
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Välj utförare', 'Hede Läkarhus AB (Privat)', 'Primärvården (Egen regi)']);
    expect(calls.some((c) => c.operationName === 'CreateUser')).toBe(false);
  });

  it('shows the server’s field errors at their fields, in Swedish', async () => {
    await open(() => gqlError('BAD_USER_INPUT', { fields: [{ path: 'input.email', message: 'A user with this e-mail address already exists' }] }));
    fireEvent.change(screen.getByLabelText('E-postadress'), { target: { value: 'anna@insyn.example' } });
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Anna' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Granskare' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skapa användare' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary.textContent).toContain('E-postadress: Det finns redan en användare med den e-postadressen.');
    const email = screen.getByLabelText('E-postadress');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toContain('Det finns redan en användare');
    expect(screen.getByLabelText('Namn').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows an unknown server message as it came, marked as English', async () => {
    await open(() => gqlError('BAD_USER_INPUT', { fields: [{ path: 'input.name', message: 'Names with emoji are not allowed' }] }));
    fireEvent.change(screen.getByLabelText('E-postadress'), { target: { value: 'anna@insyn.example' } });
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Anna 🙂' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Granskare' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skapa användare' }));
    await screen.findByTestId('error-summary');
    const message = screen.getAllByText('Names with emoji are not allowed');
    expect(message.every((m) => m.getAttribute('lang') === 'en')).toBe(true);
  });

  it('shows the temporary password once, after creating', async () => {
    const { calls } = await open(created);
    fireEvent.change(screen.getByLabelText('E-postadress'), { target: { value: ' ny@insyn.example ' } });
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Ny Person' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Revisor' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skapa användare' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ny Person har fått ett konto' })).toBeTruthy();
    expect(screen.getByTestId('temporary-password-value').textContent).toBe('Tillf-Lösen-123');
    expect(screen.getByText(/Lösenordet visas bara nu/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Ny Person har fått ett konto'));
    expect(calls.find((c) => c.operationName === 'CreateUser')?.variables['input']).toEqual({
      email: 'ny@insyn.example',
      name: 'Ny Person',
      roles: ['AUDITOR'],
      providerId: null,
    });
  });
});
