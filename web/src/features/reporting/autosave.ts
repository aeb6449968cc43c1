import type { ApiProblem } from '../../shared/forms/errors';

/**
 * The autosave of a report: answers wait for a pause in typing (or leaving a field), then go to
 * the server together with the version the editor saw. Nothing the user typed is dropped: what a
 * failed save carried goes back into the queue (changes made meanwhile win), and is sent again —
 * by itself after a network failure, or when the user asks. A conflict stops the queue until the
 * user has chosen, question by question, between their answer and the saved one.
 */

export interface QueuedAnswer {
  questionId: string;
}

export type SaveOutcome = { ok: true; version: number } | { ok: false; problem: ApiProblem };

export type SaveState =
  /** Nothing to save. `at` is the last save of this visit, if any. */
  | { kind: 'idle'; at: Date | null }
  /** Changes wait for the pause in typing. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** The last save failed; the changes are kept. `retryIn`: milliseconds to the automatic retry. */
  | { kind: 'failed'; reason: 'network' | 'session' | 'refused'; retryIn: number | null }
  /** Someone else saved first; the queue waits for `resolveConflict`. */
  | { kind: 'conflict'; currentVersion: number | null };

export interface AutosaveOptions<A extends QueuedAnswer> {
  version: number;
  /** Sends one batch with the version the editor saw. Throwing counts as a network failure. */
  save: (answers: A[], expectedVersion: number) => Promise<SaveOutcome>;
  onState?: (state: SaveState) => void;
  /** After each acknowledged save: what was saved, and the report's new version. */
  onSaved?: (answers: A[], version: number) => void;
  onConflict?: (currentVersion: number | null) => void;
  /**
   * The server refused the batch (BAD_USER_INPUT). Returns the questions it refused: they leave the
   * queue (their inputs keep the text and show the message) and the rest is sent again.
   */
  onRefused?: (problem: Extract<ApiProblem, { code: 'BAD_USER_INPUT' }>, answers: A[]) => string[];
  /** Pause after the last change, in ms (default 1500). */
  delay?: number;
  /** Waits before automatic retries after a network failure, in ms. */
  retryDelays?: number[];
  now?: () => Date;
}

export class AutosaveQueue<A extends QueuedAnswer> {
  private pending = new Map<string, A>();
  private inFlight: Map<string, A> | null = null;
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private lastSaved: Date | null = null;
  private disposed = false;
  version: number;
  state: SaveState = { kind: 'idle', at: null };

  constructor(private readonly options: AutosaveOptions<A>) {
    this.version = options.version;
  }

  private get delay(): number {
    return this.options.delay ?? 1500;
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.options.onState?.(state);
  }

  /** A changed answer: replaces any earlier change to the same question, and waits for the pause. */
  change(answer: A): void {
    if (this.disposed) return;
    this.pending.set(answer.questionId, answer);
    if (this.state.kind === 'conflict') return; // kept until the user has chosen
    this.schedule(this.delay);
    if (this.state.kind !== 'saving' && this.state.kind !== 'failed') this.setState({ kind: 'pending' });
  }

  /** Takes a question's waiting change out of the queue (its inputs cannot be saved as they are). */
  remove(questionId: string): void {
    this.pending.delete(questionId);
    if (!this.hasUnsaved() && this.state.kind === 'pending') {
      this.clearTimer();
      this.setState({ kind: 'idle', at: this.lastSaved });
    }
  }

  /** Questions with changes the server has not acknowledged. */
  unsavedIds(): Set<string> {
    return new Set([...this.pending.keys(), ...(this.inFlight?.keys() ?? [])]);
  }

  /** The change waiting for a question, if any (sent or not). */
  unsaved(questionId: string): A | undefined {
    return this.pending.get(questionId) ?? this.inFlight?.get(questionId);
  }

  hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inFlight !== null;
  }

  /**
   * Saves now (leaving a field, "Försök igen", before submitting) and resolves when the queue is
   * empty or a save failed: true when everything is saved.
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    this.clearRetry();
    while (!this.disposed) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (this.state.kind === 'conflict') return false;
      if (this.pending.size === 0) return true;
      if (this.state.kind === 'failed' && this.state.reason === 'refused' && this.lastAttemptRefused) return false;
      this.running = this.runOnce().finally(() => {
        this.running = null;
      });
      await this.running;
      if (this.stopped()) return false;
    }
    return false;
  }

  /** The last save failed or met a conflict: flush() stops until the user acts. */
  private stopped(): boolean {
    return this.state.kind === 'failed' || this.state.kind === 'conflict';
  }

  /** "Försök igen": sends what is waiting at once. */
  retry(): Promise<boolean> {
    this.lastAttemptRefused = false;
    return this.flush();
  }

  /**
   * The user has chosen after a conflict: continue from the saved version `version`. What is
   * still in the queue (the answers they kept) is saved on it.
   */
  resolveConflict(version: number): Promise<boolean> {
    this.version = version;
    this.failures = 0;
    this.setState(this.pending.size ? { kind: 'pending' } : { kind: 'idle', at: this.lastSaved });
    return this.flush();
  }

  /** Something else (a submit) met a conflict: hold the saves until `resolveConflict`. */
  holdForConflict(currentVersion: number | null): void {
    this.clearTimer();
    this.clearRetry();
    this.setState({ kind: 'conflict', currentVersion });
  }

  /** The version moved on by something else the editor did (e.g. a file removed): continue from it. */
  setVersion(version: number): void {
    this.version = version;
  }

  /** Stops the timers; nothing more is sent. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.clearRetry();
  }

  private lastAttemptRefused = false;

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async runOnce(): Promise<void> {
    const batch = new Map(this.pending);
    this.pending.clear();
    this.inFlight = batch;
    this.lastAttemptRefused = false;
    this.setState({ kind: 'saving' });
    let outcome: SaveOutcome;
    try {
      outcome = await this.options.save([...batch.values()], this.version);
    } catch {
      outcome = { ok: false, problem: { code: 'NETWORK' } };
    }
    this.inFlight = null;
    if (this.disposed) return;
    if (outcome.ok) {
      this.version = outcome.version;
      this.failures = 0;
      this.lastSaved = (this.options.now ?? (() => new Date()))();
      this.options.onSaved?.([...batch.values()], outcome.version);
      this.setState(this.pending.size ? { kind: 'pending' } : { kind: 'idle', at: this.lastSaved });
      return;
    }
    // Nothing of the batch was stored: it goes back, and what the user changed meanwhile wins.
    for (const [id, answer] of batch) if (!this.pending.has(id)) this.pending.set(id, answer);
    const problem = outcome.problem;
    switch (problem.code) {
      case 'CONFLICT':
        this.setState({ kind: 'conflict', currentVersion: problem.currentVersion });
        this.options.onConflict?.(problem.currentVersion);
        return;
      case 'BAD_USER_INPUT': {
        const refused = this.options.onRefused?.(problem, [...batch.values()]) ?? [];
        for (const id of refused) this.pending.delete(id);
        if (refused.length > 0) {
          // The others are fine: the loop in flush() sends them again.
          this.setState(this.pending.size ? { kind: 'pending' } : { kind: 'idle', at: this.lastSaved });
          return;
        }
        this.lastAttemptRefused = true;
        this.setState({ kind: 'failed', reason: 'refused', retryIn: null });
        return;
      }
      case 'UNAUTHENTICATED':
      case 'FORBIDDEN':
      case 'NOT_FOUND':
        this.setState({ kind: 'failed', reason: 'session', retryIn: null });
        return;
      default: {
        const delays = this.options.retryDelays ?? [5000, 15000, 30000, 60000];
        const wait = delays[Math.min(this.failures, delays.length - 1)]!;
        this.failures++;
        this.setState({ kind: 'failed', reason: 'network', retryIn: wait });
        this.clearRetry();
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.flush();
        }, wait);
      }
    }
  }
}
