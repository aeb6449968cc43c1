import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { gqlError, renderPage, viewerResult, type Operation } from '../../../test/render';
import ProviderFormPage from './ProviderFormPage';

function provider(version: number, name = 'Hede Läkarhus AB') {
  return {
    __typename: 'Provider',
    id: 'p1',
    name,
    orgNumber: '556201-9488',
    ownership: 'PRIVATE',
    contactEmail: null,
    contactPhone: null,
    website: null,
    version,
    units: [],
    agreements: [],
  };
}

describe('provider form', () => {
  it('checks the organisation number (Luhn) at the field, before anything is sent', async () => {
    const { calls } = await renderPage(<ProviderFormPage />, {
      path: '/admin/utforare/ny',
      url: '/admin/utforare/ny',
      access: true,
      handler: (op) => (op.operationName === 'Viewer' ? viewerResult(['ADMIN']) : new Error(op.operationName)),
    });
    const org = await screen.findByLabelText('Organisationsnummer');
    fireEvent.change(org, { target: { value: '556201-9489' } });
    fireEvent.blur(org);
    expect(org.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(org.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toContain(
      'Kontrollsiffran stämmer inte.',
    );
    // Fixing it removes the message at once.
    fireEvent.change(org, { target: { value: '556201-9488' } });
    expect(org.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(org, { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara utföraren' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary.textContent).toContain('Organisationsnummer: Organisationsnummer skrivs med tio siffror');
    expect(summary.textContent).toContain('Namn: Ange utförarens namn.');
    expect(summary.textContent).toContain('Driftform: Välj driftform.');
    expect(calls.some((c) => c.operationName === 'CreateProvider')).toBe(false);
  });

  it('on a conflict shows both versions and saves mine on the current version when asked', async () => {
    let serverVersion = 3;
    const saves: Operation[] = [];
    await renderPage(<ProviderFormPage />, {
      path: '/admin/utforare/:id',
      url: '/admin/utforare/p1',
      access: true,
      handler: (op) => {
        if (op.operationName === 'Viewer') return viewerResult(['ADMIN']);
        if (op.operationName === 'ProviderAdminPage') return { data: { provider: provider(serverVersion, serverVersion > 3 ? 'Hede Läkarhus' : 'Hede Läkarhus AB') } };
        if (op.operationName === 'UpdateProvider') {
          saves.push(op);
          if (op.variables['expectedVersion'] !== serverVersion) return gqlError('CONFLICT', { currentVersion: serverVersion });
          serverVersion += 1;
          return { data: { updateProvider: { ...provider(serverVersion, (op.variables['input'] as { name: string }).name) } } };
        }
        return new Error(op.operationName);
      },
    });
    const name = await screen.findByLabelText('Namn');
    serverVersion = 4; // someone else saved meanwhile
    fireEvent.change(name, { target: { value: 'Hede Läkarhus Aktiebolag' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain('Någon annan har ändrat utföraren medan du arbetade');
    expect(conflict.textContent).toContain('Hede Läkarhus Aktiebolag');
    expect(conflict.textContent).toContain('Hede Läkarhus');
    await waitFor(() => expect(document.activeElement).toBe(conflict));
    fireEvent.click(screen.getByRole('button', { name: 'Spara min version' }));
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    expect(saves.map((s) => s.variables['expectedVersion'])).toEqual([3, 4]);
    expect((saves[1]!.variables['input'] as { name: string }).name).toBe('Hede Läkarhus Aktiebolag');
  });
});
