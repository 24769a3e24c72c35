import pg from 'pg';

export interface PgChannelListenerOptions {
  readonly url: string;
  /** The channel to `LISTEN` on (an identifier: the callers' constants, never user input). */
  readonly channel: string;
  /** `application_name` of the connection, as `pg_stat_activity` shows it. */
  readonly applicationName: string;
  /** Each notification's payload ('' when it has none), as it arrives. */
  readonly onNotification: (payload: string) => void;
  /** A failed connection attempt, or the connection lost: it is attempted again by a later `listen`. */
  readonly onError?: (error: unknown) => void;
  /** The shortest time between two attempts made by `listen({ eager: false })` (default 1 s). */
  readonly retryMs?: number;
}

/**
 * One dedicated connection that `LISTEN`s on a channel, for waiters that poll anyway and only want to wake sooner:
 * a notification sent while the connection is down is lost, so a user never relies on one, it keeps a poll as the
 * fallback. The connection is (re)made by `listen`, never in the background: after a failure the next `listen`
 * tries again (at most once per `retryMs` when not eager). Concurrent calls share one attempt. The connection
 * keeps TCP keepalive, so an idle one dropped by the network without a reset still reports an error.
 * Used by the embedded event log and the relay (`LISTEN outbox`) and the subgraphs' projection notices.
 */
export class PgChannelListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(private readonly options: PgChannelListenerOptions) {}

  /** Whether notifications arrive now (false while disconnected or closed). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /**
   * Listens, connecting first when not connected; resolves whether it listens. `eager` (the default) attempts at
   * once; otherwise no sooner than `retryMs` after the last attempt (resolving false meanwhile).
   */
  async listen(options: { eager?: boolean } = {}): Promise<boolean> {
    if (this.client || this.closed) return this.listening;
    if (!this.connecting) {
      if (options.eager === false && Date.now() - this.lastAttempt < (this.options.retryMs ?? 1_000)) return false;
      this.lastAttempt = Date.now();
      this.connecting = this.connect().finally(() => (this.connecting = undefined));
    }
    await this.connecting;
    return this.listening;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await this.connecting?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { url, channel, applicationName, onNotification, onError } = this.options;
    const client = new pg.Client({
      connectionString: url, application_name: applicationName, connectionTimeoutMillis: 5_000,
      keepAlive: true, keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (message) => {
      if (message.channel === channel) onNotification(message.payload ?? '');
    });
    client.on('error', (error) => {
      void client.end().catch(() => undefined);
      // An error while connecting is the failed `connect` below, reported there once; one after `close` is nobody's.
      if (this.client !== client || this.closed) return;
      // Listened to again by a later `listen`; until then the caller's poll keeps it going.
      this.client = undefined;
      onError?.(error);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      if (this.closed) await client.end();
      else this.client = client;
    } catch (error) {
      onError?.(error);
      await client.end().catch(() => undefined);
    }
  }
}
