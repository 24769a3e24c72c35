import { signal } from '@angular/core';

export type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'conflict' | 'error';

/** Raised by a save function when the server holds a newer version: autosave stops until `resume`. */
export class SaveConflict extends Error {
  constructor() {
    super('conflict');
  }
}

export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: Timer = { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * Saves a draft a moment after the last change, one save at a time: a change made while a save runs is saved
 * right after it. A conflict stops saving (the user chooses a version, then `resume`); another failure waits
 * for the next change or `flush`.
 */
export class Autosave<T> {
  readonly state = signal<SaveState>('idle');
  private pending: T | undefined;
  private hasPending = false;
  private timer: unknown;
  private running: Promise<void> | undefined;

  constructor(private readonly save: (draft: T) => Promise<void>, private readonly delayMs = 800, private readonly clock: Timer = realTimer) {}

  change(draft: T): void {
    this.pending = draft;
    this.hasPending = true;
    if (this.state() === 'conflict') return;
    this.state.set('unsaved');
    this.clock.clear(this.timer);
    this.timer = this.clock.set(() => void this.flush(), this.delayMs);
  }

  /** Saves what is pending now (leaving a page, pressing Ctrl+S); resolves when nothing is left to save. */
  async flush(): Promise<void> {
    this.clock.clear(this.timer);
    while (this.running) await this.running;
    if (!this.hasPending || this.state() === 'conflict') return;
    const draft = this.pending as T;
    this.hasPending = false;
    this.state.set('saving');
    this.running = this.save(draft).then(
      () => this.state.set(this.hasPending ? 'unsaved' : 'saved'),
      (error: unknown) => {
        if (error instanceof SaveConflict) {
          this.hasPending = true;
          this.pending ??= draft;
          this.state.set('conflict');
        } else {
          if (!this.hasPending) {
            this.pending = draft;
            this.hasPending = true;
          }
          this.state.set('error');
        }
      },
    );
    await this.running;
    this.running = undefined;
    if (this.hasPending && this.state() === 'unsaved') await this.flush();
  }

  /** After a conflict was resolved: save `draft` (the chosen version) now. */
  async resume(draft: T): Promise<void> {
    this.pending = draft;
    this.hasPending = true;
    this.state.set('unsaved');
    await this.flush();
  }

  /** Forget what is pending (the user took the other version). */
  settle(): void {
    this.clock.clear(this.timer);
    this.hasPending = false;
    this.pending = undefined;
    this.state.set('saved');
  }
}
