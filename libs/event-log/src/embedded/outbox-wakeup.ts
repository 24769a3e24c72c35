import { PgChannelListener } from '@mindflow/db';

/**
 * Wakes a reader of the outbox (the embedded log's subscriptions, the relay) when the outbox's database signals
 * new rows (`NOTIFY outbox`, sent by the outbox trigger at commit), with a poll interval as the fallback:
 * notifications are lost while disconnected, and a row can become readable later than its notification (it
 * waits for older transactions to finish, gap-safe reading). Notifications coalesce: any number that came
 * since the last `next` make it return at once, once.
 */
export class OutboxWakeup {
  private readonly listener: PgChannelListener;
  private wake: (() => void) | undefined;
  private closed = false;
  private pending = false;

  constructor(url: string, private readonly pollMs: number, applicationName = 'event-log:listen') {
    this.listener = new PgChannelListener({
      url,
      channel: 'outbox',
      applicationName,
      onNotification: () => {
        this.pending = true;
        this.wake?.();
      },
    });
  }

  /** Resolves on the next notification (or one that came since the last call), after `pollMs`, or when closed. */
  async next(): Promise<void> {
    if (this.closed) return;
    await this.listen();
    if (this.closed) return; // closed while the listener was connecting: no poll pause at shutdown
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, this.pollMs);
        this.wake = done;
      });
    }
    this.pending = false;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.listener.close();
  }

  /** Starts listening now (a subscription does so before it says it is ready, so no NOTIFY is missed). */
  async listen(): Promise<void> {
    await this.listener.listen();
  }
}
