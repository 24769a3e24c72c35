import { PgChannelListener } from '@mindflow/db';

/** The channel a projector notifies, in the read DB, when a chunk it applied commits; the payload is the projection's name. */
export const projectionAppliedChannel = 'projection_applied';

/** What a projector runs in its chunk's transaction: delivered to listeners when (and only if) it commits. */
export const notifyProjectionApplied = `SELECT pg_notify('${projectionAppliedChannel}', $1)`;

/**
 * Tells readers waiting for the read side (`waitForProjection`) the moment a projection commits a chunk, so a
 * read-your-writes request answers as soon as its write is applied instead of at its next poll (the polls'
 * growing pause, up to 200 ms, was most of a one-writer write → read time once the projector was fast).
 *
 * One connection per process holds `LISTEN projection_applied`; any number of waiters share it. Polling
 * stays the fallback, and the guarantee: a waiter never relies on a notice (one is lost while the connection
 * is down), it only wakes earlier for one. The connection (`PgChannelListener`) is re-established by the next
 * wait after a failure, at most once a second.
 */
export class ProjectionNotices {
  private readonly listener: PgChannelListener;
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(url: string, onError: (error: unknown) => void = () => undefined) {
    this.listener = new PgChannelListener({
      url,
      channel: projectionAppliedChannel,
      applicationName: 'projection-notices',
      onNotification: (projection) => {
        if (projection) this.wake(projection);
      },
      // Notices sent while the connection is down are lost: every waiter looks again now (and polls from then on,
      // `listening` being false) rather than sleeping out a wait armed for a connection that no longer tells it.
      onError: (error) => {
        this.wakeAll();
        onError(error);
      },
    });
  }

  /** Listens now; resolves true once listening, false when the read DB could not be reached (polling only, for now). */
  start(): Promise<boolean> {
    return this.listener.listen();
  }

  /**
   * Arms a wait for `projection`'s next notice: `wait` resolves at the first notice after this call, or after
   * `maxWaitMs`, or on `cancel`. Arm before checking the read side, then await, so that a chunk committing
   * between the check and the wait still wakes it.
   */
  arm(projection: string, maxWaitMs: number): { readonly wait: Promise<void>; cancel(): void } {
    void this.listener.listen({ eager: false });
    let cancel = () => undefined as void;
    const wait = new Promise<void>((resolve) => {
      const waiting = this.waiters.get(projection) ?? new Set<() => void>();
      this.waiters.set(projection, waiting);
      const done = () => {
        clearTimeout(timer);
        waiting.delete(done);
        if (waiting.size === 0 && this.waiters.get(projection) === waiting) this.waiters.delete(projection);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      waiting.add(done);
      cancel = done;
    });
    return { wait, cancel };
  }

  /** Whether notices arrive now (false while disconnected: waiters then poll). */
  get listening(): boolean {
    return this.listener.listening;
  }

  async close(): Promise<void> {
    this.wakeAll();
    await this.listener.close();
  }

  private wakeAll(): void {
    for (const waiting of [...this.waiters.values()]) for (const done of [...waiting]) done();
  }

  private wake(projection: string): void {
    const waiting = this.waiters.get(projection);
    if (waiting) for (const done of [...waiting]) done();
  }
}
