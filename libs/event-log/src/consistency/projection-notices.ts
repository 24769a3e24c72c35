import pg from 'pg';

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
 * is down), it only wakes earlier for one. The connection is re-established by the next wait after a failure,
 * at most once a second.
 */
export class ProjectionNotices {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private lastAttempt = 0;
  private closed = false;
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(private readonly url: string, private readonly onError: (error: unknown) => void = () => undefined) {}

  /** Listens now; resolves true once listening, false when the read DB could not be reached (polling only, for now). */
  async start(): Promise<boolean> {
    await this.ensureListening(true);
    return this.client !== undefined;
  }

  /**
   * Arms a wait for `projection`'s next notice: `wait` resolves at the first notice after this call, or after
   * `maxWaitMs`, or on `cancel`. Arm before checking the read side, then await, so that a chunk committing
   * between the check and the wait still wakes it.
   */
  arm(projection: string, maxWaitMs: number): { readonly wait: Promise<void>; cancel(): void } {
    void this.ensureListening(false);
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
    return this.client !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.waiters.values()) for (const done of [...waiting]) done();
    const client = this.client;
    this.client = undefined;
    await this.connecting?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private wake(projection: string): void {
    const waiting = this.waiters.get(projection);
    if (waiting) for (const done of [...waiting]) done();
  }

  private ensureListening(force: boolean): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    if (this.connecting) return this.connecting;
    if (!force && Date.now() - this.lastAttempt < 1_000) return Promise.resolve();
    this.lastAttempt = Date.now();
    this.connecting = this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url, application_name: 'projection-notices', connectionTimeoutMillis: 5_000,
      // An idle LISTEN connection dropped by the network without a reset would otherwise never report an error.
      keepAlive: true, keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (message) => {
      if (message.channel === projectionAppliedChannel && message.payload) this.wake(message.payload);
    });
    client.on('error', (error) => {
      // Reconnected by a later wait; until then waiters poll.
      if (this.client === client) this.client = undefined;
      this.onError(error);
      void client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${projectionAppliedChannel}`);
      if (this.closed) await client.end();
      else this.client = client;
    } catch (error) {
      this.onError(error);
      await client.end().catch(() => undefined);
    }
  }
}
