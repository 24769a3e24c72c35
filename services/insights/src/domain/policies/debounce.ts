export interface DebounceWindow {
  /** Quiet time after the latest edit before the entry is analysed. */
  readonly quietMs: number;
  /** The longest an entry waits from its first queued edit, so constant editing still gets analysed. */
  readonly maxWaitMs: number;
}

/**
 * When queued work on an entry becomes due: `quietMs` after its latest edit, but never later than
 * `maxWaitMs` after the edit that first queued it. Rapid edits thus cost one analysis, of the latest version.
 */
export function dueAt(firstQueuedAt: Date, latestEditAt: Date, window: DebounceWindow): Date {
  const quiet = latestEditAt.getTime() + window.quietMs;
  const cap = firstQueuedAt.getTime() + Math.max(window.maxWaitMs, window.quietMs);
  return new Date(Math.min(quiet, cap));
}
