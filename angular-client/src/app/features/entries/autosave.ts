import { signal } from '@angular/core';

/**
 * `rejected`: the server refused this draft (a field over its limit…): saving it again cannot help, so nothing is
 * sent until it changes. `retrying`: the save failed on the way (offline, server down): it is tried again by
 * itself, with backoff, and at once on `retryNow` (the browser is back online).
 */
export type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'conflict' | 'rejected' | 'retrying';

/** Raised by a save function when the server holds a newer version: autosave stops until `resume`. */
export class SaveConflict extends Error {
  constructor() {
    super('conflict');
  }
}

/** Raised by a save function when the server refused the draft itself: autosave waits for the next change. */
export class SaveRejected extends Error {
  constructor(readonly reason: unknown) {
    super('rejected');
  }
}

export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: Timer = { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** 1 s, 2 s, 4 s … at most 30 s between attempts after a failed save. */
export const retryBackoff = (failures: number) => Math.min(1000 * 2 ** failures, 30_000);

/**
 * Saves a draft a moment after the last change, one save at a time: a change made while a save runs is saved
 * right after it. A conflict stops saving (the user chooses a version, then `resume`); a rejected draft waits for
 * the next change; any other failure is retried by itself with backoff until it goes through.
 */
export class Autosave<T> {
  readonly state = signal<SaveState>('idle');
  private pending: T | undefined;
  private hasPending = false;
  private timer: unknown;
  private running: Promise<void> | undefined;
  private failures = 0;
  private disposed = false;

  constructor(
    private readonly save: (draft: T) => Promise<void>,
    private readonly delayMs = 800,
    private readonly clock: Timer = realTimer,
    private readonly backoff: (failures: number) => number = retryBackoff,
  ) {}

  change(draft: T): void {
    this.pending = draft;
    this.hasPending = true;
    if (this.state() === 'conflict') return;
    this.state.set('unsaved');
    this.arm(this.delayMs);
  }

  /** Saves what is pending now (leaving a page, pressing Ctrl+S); resolves when nothing is left to save. */
  async flush(): Promise<void> {
    this.clock.clear(this.timer);
    while (this.running) await this.running;
    const state = this.state();
    if (!this.hasPending || state === 'conflict' || state === 'rejected') return;
    const draft = this.pending as T;
    this.hasPending = false;
    this.state.set('saving');
    this.running = this.save(draft).then(
      () => {
        this.failures = 0;
        // a conflict found meanwhile (a change from elsewhere, merged by the editor) waits for the user
        if (this.state() !== 'conflict') this.state.set(this.hasPending ? 'unsaved' : 'saved');
      },
      (error: unknown) => this.failed(draft, error),
    );
    await this.running;
    this.running = undefined;
    if (this.hasPending && this.state() === 'unsaved') await this.flush();
  }

  /** The network is back: a save waiting for its next attempt goes now. */
  retryNow(): void {
    if (this.state() === 'retrying' && !this.running) void this.flush();
  }

  /** After a conflict was resolved: save `draft` (the chosen version) now. */
  async resume(draft: T): Promise<void> {
    this.pending = draft;
    this.hasPending = true;
    this.state.set('unsaved');
    await this.flush();
  }

  /**
   * A change made elsewhere overlaps the draft (found by the editor, not by a save): nothing is saved until the
   * user chooses and `resume`s; a save running now still completes.
   */
  conflict(): void {
    this.clock.clear(this.timer);
    this.state.set('conflict');
  }

  /** Forget what is pending (the user took the other version): nothing of theirs is saved, so not `saved`. */
  settle(): void {
    this.clock.clear(this.timer);
    this.hasPending = false;
    this.pending = undefined;
    this.failures = 0;
    this.state.set('idle');
  }

  /** The editor is gone: no more attempts are scheduled (what is pending is kept on the device by the editor). */
  dispose(): void {
    this.disposed = true;
    this.clock.clear(this.timer);
  }

  private failed(draft: T, error: unknown): void {
    const newer = this.hasPending;
    if (!newer) {
      this.pending = draft;
      this.hasPending = true;
    }
    if (error instanceof SaveConflict) this.state.set('conflict');
    else if (newer) this.state.set('unsaved'); // the newer draft may well go through: it is saved right after
    else if (error instanceof SaveRejected) this.state.set('rejected');
    else {
      this.state.set('retrying');
      this.arm(this.backoff(this.failures++));
    }
  }

  private arm(ms: number): void {
    this.clock.clear(this.timer);
    if (!this.disposed) this.timer = this.clock.set(() => void this.flush(), ms);
  }
}
