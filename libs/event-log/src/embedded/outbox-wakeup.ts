import pg from 'pg';

/**
 * Wakes the embedded log's reader when the write DB signals new outbox rows (`NOTIFY outbox`), with a
 * poll interval as the fallback: notifications are lost while disconnected, and a row can become
 * readable later than its notification (it waits for older transactions to finish, gap-safe reading).
 */
export class OutboxWakeup {
  private client: pg.Client | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private pending = false;

  constructor(private readonly url: string, private readonly pollMs: number) {}

  /** Resolves on the next notification, after `pollMs`, or when closed. */
  async next(): Promise<void> {
    if (this.closed) return;
    await this.listen();
    if (this.pending) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      this.wake = done;
    });
    this.pending = false;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Starts listening now (a subscription does so before it says it is ready, so no NOTIFY is missed). */
  async listen(): Promise<void> {
    if (this.client || this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'event-log:listen', connectionTimeoutMillis: 5_000 });
    client.on('notification', () => {
      this.pending = true;
      this.wake?.();
    });
    client.on('error', () => {
      // Reconnect on the next wait; until then the poll interval keeps us going.
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query('LISTEN outbox');
      this.client = client;
    } catch {
      await client.end().catch(() => undefined);
    }
  }
}
