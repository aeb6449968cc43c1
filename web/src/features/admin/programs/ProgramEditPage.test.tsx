import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { gqlError, renderPage, viewerResult } from '../../../test/render';
import ProgramEditPage from './ProgramEditPage';

const draft = {
  __typename: 'Program',
  id: 'pr1',
  title: 'Program 2027–2030',
  termStart: 2027,
  termEnd: 2030,
  decisionReference: 'RS/1/2026',
  decidedBy: null,
  decidedAt: null,
  status: 'DRAFT',
  programVersion: 1,
  version: 1,
  goals: [
    { __typename: 'Goal', id: 'g1', code: 'M1', title: 'Tillgänglig vård', description: '', category: 'ACCESSIBILITY' },
    { __typename: 'Goal', id: 'g2', code: 'M2', title: 'Säker vård', description: '', category: 'PATIENT_SAFETY' },
  ],
  guidelines: [{ __typename: 'Guideline', id: 'r1', code: 'R1', text: 'Svara samma dag.', obligation: 'SHALL', goal: { __typename: 'Goal', id: 'g1', code: 'M1' } }],
};

describe('program draft', () => {
  it('shows a server error for a row at that row’s field, and sends the rows in their order', async () => {
    const { calls } = await renderPage(<ProgramEditPage />, {
      path: '/admin/program/:id',
      url: '/admin/program/pr1',
      access: true,
      handler: (op) => {
        if (op.operationName === 'Viewer') return viewerResult(['ADMIN']);
        if (op.operationName === 'ProgramEditPage') return { data: { program: draft } };
        return gqlError('BAD_USER_INPUT', {
          fields: [
            { path: 'input.goals.1.code', message: 'Two goals have this code' },
            { path: 'id', message: 'An adopted program is not edited in place: draft a new version' },
          ],
        });
      },
    });
    const rows = await screen.findAllByTestId('goal-row');
    expect(rows).toHaveLength(2);
    // Move goal 2 up: it is now sent first.
    fireEvent.click(within(rows[1]!).getByText('Flytta upp', { exact: false }).closest('button')!);
    fireEvent.click(screen.getByRole('button', { name: 'Spara utkastet' }));
    const summary = await screen.findByTestId('error-summary');
    expect(summary.textContent).toContain('Mål 2, Kod: Två mål har samma kod.');
    expect(summary.textContent).toContain('Ett antaget program ändras inte.');
    const code = screen.getByRole('textbox', { name: 'Kod', description: /Två mål har samma kod/ });
    expect(code.id).toBe('program-goals-1-code');
    expect((code as HTMLInputElement).value).toBe('M1');
    const input = calls.find((c) => c.operationName === 'SaveProgramDraft')!.variables['input'] as { goals: { code: string }[] };
    expect(input.goals.map((g) => g.code)).toEqual(['M2', 'M1']);
  });

  it('adds a goal row and moves focus to its first field; a renamed goal code follows into the guidelines', async () => {
    await renderPage(<ProgramEditPage />, {
      path: '/admin/program/:id',
      url: '/admin/program/pr1',
      access: true,
      handler: (op) => (op.operationName === 'Viewer' ? viewerResult(['ADMIN']) : { data: { program: draft } }),
    });
    await screen.findAllByTestId('goal-row');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till mål' }));
    expect(screen.getAllByTestId('goal-row')).toHaveLength(3);
    expect(document.activeElement?.id).toBe('program-goals-2-code');
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Kod' })[0]!, { target: { value: 'MA' } });
    const goalSelect = screen.getByRole('combobox', { name: /Mål som riktlinjen hör till/ }) as HTMLSelectElement;
    expect(goalSelect.value).toBe('MA');
  });
});
