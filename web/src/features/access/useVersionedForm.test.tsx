import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { FieldMessage } from '../../shared/forms/errors';
import { Form, TextField } from '../../shared/forms/Form';
import { renderPage } from '../../test/render';
import { ConflictNotice } from './ConflictNotice';
import { FlashProvider, FlashRegion } from './flash';
import { fieldsOf } from './useApiErrors';
import { useVersionedForm } from './useVersionedForm';

interface Note {
  id: string;
  title: string;
  version: number;
}

/** A server that keeps one note and refuses a save that expects another version than the stored one. */
function noteServer(stored: Note) {
  const server = {
    stored,
    saves: [] as { title: string; expectedVersion: number }[],
    async save(title: string, expectedVersion: number): Promise<Note> {
      server.saves.push({ title, expectedVersion });
      if (expectedVersion !== server.stored.version) {
        throw new CombinedGraphQLErrors({ errors: [{ message: 'Conflict', extensions: { code: 'CONFLICT', currentVersion: server.stored.version } }] });
      }
      server.stored = { ...server.stored, title, version: server.stored.version + 1 };
      return server.stored;
    },
  };
  return server;
}

type NoteServer = ReturnType<typeof noteServer>;

/** A form of one note that stays on the page after saving, as the provider and user forms do. */
function NoteForm({ note, server }: { note: Note; server: NoteServer }) {
  const { values, set, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: note,
    valuesOf: (n: Note) => ({ title: n.title }),
    versionOf: (n) => n.version,
    busy: false,
    reload: async () => server.stored,
    isField: fieldsOf('title'),
    check: (v) => {
      const fields: Record<string, FieldMessage> = {};
      if (!v.title.trim()) fields['title'] = { text: 'Ange en rubrik.' };
      return { fields, general: [] };
    },
    submit: (v, expectedVersion) => server.save(v.title, expectedVersion),
  });
  return (
    <>
      {conflict && (
        <ConflictNotice what="anteckningen" rows={[{ label: 'Rubrik', mine: values.title, saved: conflict.title }]} onKeepMine={keepMine} onUseSaved={loadSaved} />
      )}
      <Form state={form} onSubmit={onSubmit} idPrefix="note" testId="note-form">
        <TextField name="title" label="Rubrik" value={values.title} onChange={(v) => set('title', v)} />
        <button type="submit">Spara</button>
      </Form>
    </>
  );
}

async function renderNote(server: NoteServer, note: Note) {
  await renderPage(
    <FlashProvider>
      <FlashRegion />
      <NoteForm note={note} server={server} />
    </FlashProvider>,
    { path: '/', url: '/', access: true, handler: (op) => new Error(op.operationName) },
  );
}

const opened: Note = { id: 'n1', title: 'Öppettider', version: 3 };

/** Opens the note, lets someone else save it, then saves the user's own title. */
async function meetConflict(server: NoteServer) {
  await renderNote(server, opened);
  server.stored = { ...opened, title: 'Öppettider i juli', version: 4 };
  fireEvent.change(screen.getByLabelText('Rubrik'), { target: { value: 'Öppettider i sommar' } });
  fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
  return screen.findByTestId('conflict');
}

describe('a versioned form', () => {
  it('on a conflict shows both versions; "use saved" loads the saved ones and says so', async () => {
    const server = noteServer(opened);
    const conflict = await meetConflict(server);
    expect(conflict.textContent).toContain('Någon annan har ändrat anteckningen medan du arbetade');
    const row = screen.getByRole('row', { name: /Rubrik/ });
    expect(row.textContent).toContain('Öppettider i sommar');
    expect(row.textContent).toContain('Öppettider i juli');
    await waitFor(() => expect(document.activeElement).toBe(conflict));

    fireEvent.click(screen.getByRole('button', { name: 'Använd den sparade versionen' }));
    expect(screen.queryByTestId('conflict')).toBeNull();
    expect((screen.getByLabelText('Rubrik') as HTMLInputElement).value).toBe('Öppettider i juli');
    expect(screen.getByTestId('flash').textContent).toContain('Den sparade versionen visas nu i formuläret.');

    // The next save expects the version that was loaded.
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(server.saves).toHaveLength(2));
    expect(server.saves[1]).toEqual({ title: 'Öppettider i juli', expectedVersion: 4 });
  });

  it('"keep mine" saves the user\'s values on the version someone else saved, and the form takes the result', async () => {
    const server = noteServer(opened);
    await meetConflict(server);
    fireEvent.click(screen.getByRole('button', { name: 'Spara min version' }));
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    expect(server.saves).toEqual([
      { title: 'Öppettider i sommar', expectedVersion: 3 },
      { title: 'Öppettider i sommar', expectedVersion: 4 },
    ]);
    expect((screen.getByLabelText('Rubrik') as HTMLInputElement).value).toBe('Öppettider i sommar');

    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(server.saves).toHaveLength(3));
    expect(server.saves[2]!.expectedVersion).toBe(5);
  });

  it('checks before sending: a problem goes to the summary and nothing is saved', async () => {
    const server = noteServer(opened);
    await renderNote(server, opened);
    fireEvent.change(screen.getByLabelText('Rubrik'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect((await screen.findByTestId('error-summary')).textContent).toContain('Rubrik: Ange en rubrik.');
    expect(server.saves).toEqual([]);
  });
});
