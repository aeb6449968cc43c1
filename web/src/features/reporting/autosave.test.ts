import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveQueue, type SaveOutcome, type SaveState } from './autosave';

interface A {
  questionId: string;
  value: unknown;
}

/** A fake server: each call waits for the test to answer it. */
function fakeServer() {
  const calls: { answers: A[]; version: number; resolve: (o: SaveOutcome) => void; reject: (e: Error) => void }[] = [];
  const save = (answers: A[], version: number) =>
    new Promise<SaveOutcome>((resolve, reject) => {
      calls.push({ answers, version, resolve, reject });
    });
  return { calls, save };
}

function setup(options: { version?: number; onRefused?: (answers: A[]) => string[] } = {}) {
  const server = fakeServer();
  const states: SaveState[] = [];
  const saved: { answers: A[]; version: number }[] = [];
  const conflicts: (number | null)[] = [];
  const queue = new AutosaveQueue<A>({
    version: options.version ?? 3,
    save: server.save,
    onState: (s) => states.push(s),
    onSaved: (answers, version) => saved.push({ answers, version }),
    onConflict: (v) => conflicts.push(v),
    onRefused: options.onRefused ? (_p, answers) => options.onRefused!(answers) : undefined,
    delay: 1500,
    retryDelays: [5000, 15000],
    now: () => new Date('2026-11-24T13:02:00Z'),
  });
  return { queue, server, states, saved, conflicts };
}

/** Lets promise callbacks run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('waits for a pause in typing, then saves the latest answers in one batch with the version it saw', async () => {
    const { queue, server, states, saved } = setup();
    queue.change({ questionId: 'q1', value: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    queue.change({ questionId: 'q1', value: 12 });
    queue.change({ questionId: 'q2', value: 'ja' });
    await vi.advanceTimersByTimeAsync(1499);
    expect(server.calls).toHaveLength(0);
    expect(queue.state.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.version).toBe(3);
    expect(server.calls[0]!.answers).toEqual([
      { questionId: 'q1', value: 12 },
      { questionId: 'q2', value: 'ja' },
    ]);
    expect(queue.state.kind).toBe('saving');
    server.calls[0]!.resolve({ ok: true, version: 4 });
    await settle();
    expect(queue.state).toEqual({ kind: 'idle', at: new Date('2026-11-24T13:02:00Z') });
    expect(queue.version).toBe(4);
    expect(saved).toEqual([{ answers: server.calls[0]!.answers, version: 4 }]);
    expect(states.map((s) => s.kind)).toEqual(['pending', 'pending', 'pending', 'saving', 'idle']);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('saves at once when asked (leaving a field), and the next save carries the new version', async () => {
    const { queue, server } = setup();
    queue.change({ questionId: 'q1', value: 1 });
    const done = queue.flush();
    expect(server.calls).toHaveLength(1);
    // Typed while the first save is on its way: saved right after it, on the new version.
    queue.change({ questionId: 'q1', value: 2 });
    server.calls[0]!.resolve({ ok: true, version: 4 });
    await settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]).toMatchObject({ version: 4, answers: [{ questionId: 'q1', value: 2 }] });
    server.calls[1]!.resolve({ ok: true, version: 5 });
    expect(await done).toBe(true);
    expect(queue.version).toBe(5);
  });

  it('keeps every change after a network failure, retries by itself, and never lets an old value overwrite a newer one', async () => {
    const { queue, server } = setup();
    queue.change({ questionId: 'q1', value: 'first' });
    queue.change({ questionId: 'q2', value: 'other' });
    await vi.advanceTimersByTimeAsync(1500);
    // The user types again while the failing save is on its way.
    queue.change({ questionId: 'q1', value: 'second' });
    server.calls[0]!.reject(new Error('Failed to fetch'));
    await settle();
    expect(queue.state).toEqual({ kind: 'failed', reason: 'network', retryIn: 5000 });
    expect(queue.hasUnsaved()).toBe(true);
    expect([...queue.unsavedIds()].sort()).toEqual(['q1', 'q2']);
    expect(queue.unsaved('q1')).toEqual({ questionId: 'q1', value: 'second' });

    // The debounce of the new change tries again (and fails again, offline).
    await vi.advanceTimersByTimeAsync(1500);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]!.version).toBe(3);
    server.calls[1]!.resolve({ ok: false, problem: { code: 'NETWORK' } });
    await settle();
    // Waiting longer each time.
    expect(queue.state).toEqual({ kind: 'failed', reason: 'network', retryIn: 15000 });

    // Back online: the automatic retry sends everything, the newest value of q1 only.
    await vi.advanceTimersByTimeAsync(14_999);
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(3);
    expect(server.calls[2]!.answers).toEqual([
      { questionId: 'q1', value: 'second' },
      { questionId: 'q2', value: 'other' },
    ]);
    server.calls[2]!.resolve({ ok: true, version: 4 });
    await settle();
    expect(queue.state.kind).toBe('idle');
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('retries when the user asks, without waiting', async () => {
    const { queue, server } = setup();
    queue.change({ questionId: 'q1', value: 1 });
    void queue.flush();
    server.calls[0]!.reject(new Error('offline'));
    await settle();
    expect(queue.state.kind).toBe('failed');
    const retried = queue.retry();
    expect(server.calls).toHaveLength(2);
    server.calls[1]!.resolve({ ok: true, version: 4 });
    expect(await retried).toBe(true);
  });

  it('stops on a conflict, keeps the changes, and continues on the new version once the user has chosen', async () => {
    const { queue, server, conflicts } = setup();
    queue.change({ questionId: 'q1', value: 'mine' });
    const first = queue.flush();
    server.calls[0]!.resolve({ ok: false, problem: { code: 'CONFLICT', currentVersion: 7, message: 'Changed' } });
    expect(await first).toBe(false);
    expect(queue.state).toEqual({ kind: 'conflict', currentVersion: 7 });
    expect(conflicts).toEqual([7]);
    expect(queue.unsaved('q1')).toEqual({ questionId: 'q1', value: 'mine' });

    // Nothing is sent while the user decides, whatever they type.
    queue.change({ questionId: 'q2', value: 'more' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls).toHaveLength(1);
    expect(await queue.flush()).toBe(false);

    // They keep q1 and take the saved q2: q2 leaves the queue, q1 is saved on version 7.
    queue.remove('q2');
    const resumed = queue.resolveConflict(7);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]).toMatchObject({ version: 7, answers: [{ questionId: 'q1', value: 'mine' }] });
    server.calls[1]!.resolve({ ok: true, version: 8 });
    expect(await resumed).toBe(true);
    expect(queue.version).toBe(8);
  });

  it('after a refusal, takes the refused questions out and saves the rest', async () => {
    const { queue, server } = setup({ onRefused: () => ['q2'] });
    queue.change({ questionId: 'q1', value: 1 });
    queue.change({ questionId: 'q2', value: 'bad' });
    const done = queue.flush();
    server.calls[0]!.resolve({ ok: false, problem: { code: 'BAD_USER_INPUT', fields: [{ path: 'answers.q2', message: '2.1: Enter a number' }], message: '' } });
    await settle();
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]!.answers).toEqual([{ questionId: 'q1', value: 1 }]);
    server.calls[1]!.resolve({ ok: true, version: 4 });
    expect(await done).toBe(true);
  });

  it('a refusal of the whole report (no longer editable) keeps the changes and waits for the user', async () => {
    const { queue, server } = setup({ onRefused: () => [] });
    queue.change({ questionId: 'q1', value: 1 });
    const done = queue.flush();
    server.calls[0]!.resolve({ ok: false, problem: { code: 'BAD_USER_INPUT', fields: [{ path: 'reportId', message: 'The report cannot be changed now' }], message: '' } });
    expect(await done).toBe(false);
    expect(queue.state).toEqual({ kind: 'failed', reason: 'refused', retryIn: null });
    expect(queue.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(1);
  });

  it('an ended session keeps the changes for after logging in again', async () => {
    const { queue, server } = setup();
    queue.change({ questionId: 'q1', value: 1 });
    void queue.flush();
    server.calls[0]!.resolve({ ok: false, problem: { code: 'UNAUTHENTICATED', message: '' } });
    await settle();
    expect(queue.state).toEqual({ kind: 'failed', reason: 'session', retryIn: null });
    expect(queue.unsaved('q1')).toEqual({ questionId: 'q1', value: 1 });
  });

  it('removing the only waiting change leaves nothing to save', async () => {
    const { queue, server } = setup();
    queue.change({ questionId: 'q1', value: 1 });
    queue.remove('q1');
    expect(queue.state.kind).toBe('idle');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.calls).toHaveLength(0);
  });
});
