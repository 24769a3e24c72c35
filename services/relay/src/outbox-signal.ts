import pg from 'pg';

/**
 * Wakes the relay when rows commit (`LISTEN outbox`; the outbox trigger notifies at commit), with a poll
 * interval as the fallback: notifications are lost while disconnected, and a committed row can become
 * readable later than its notification (it waits for older open transactions, gap-safe reading).
 */
export class OutboxSignal {
  private client: pg.Client | undefined;
  private pending = false;
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(private readonly url: string, private readonly pollMs: number) {}

  /** Resolves on the next notification (or one that arrived since the last call), after `pollMs`, or on close. */
  async next(): Promise<void> {
    if (this.closed) return;
    await this.listen();
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.wake?.(), this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
    }
    this.pending = false;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async listen(): Promise<void> {
    if (this.client || this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'relay-listen', connectionTimeoutMillis: 5_000 });
    client.on('notification', () => {
      this.pending = true;
      this.wake?.();
    });
    client.on('error', () => {
      // Listen again on the next wait; until then the poll interval keeps the relay going.
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
