/**
 * Tells the analysis worker that work may have been queued: implemented by the insights projection's commit
 * notice (`ProjectionNotices`, `NOTIFY projection_applied` in the insights DB), so an idle worker sleeps until
 * then instead of polling. A signal can be lost (the listening connection is down), so it only wakes the worker
 * sooner: a slow poll stays the guarantee.
 */
export interface WorkSignal {
  /** A wait that resolves at the first signal after this call, after `maxWaitMs`, or on `cancel`. */
  arm(maxWaitMs: number): { readonly wait: Promise<void>; cancel(): void };
  /** Whether signals arrive now (while not, the worker polls at its short interval). */
  readonly listening: boolean;
}
