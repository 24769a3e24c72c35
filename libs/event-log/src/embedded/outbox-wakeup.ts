import { PgChannelListener } from '@mindflow/db';

/** The longest pause of a quiet outbox's poll, by default (see `OutboxWakeup`). */
export const defaultMaxIdlePollMs = 15_000;

/**
 * Wakes a reader of the outbox (the embedded log's subscriptions, the relay) when the outbox's database signals
 * new rows (`NOTIFY outbox`, sent by the outbox trigger at commit), with a poll as the fallback: notifications are
 * lost while disconnected. (A row that becomes readable later than its notification, held back by an older
 * transaction, is the reader's to look at again soon: see the relay and `EmbeddedSubscription`.) Notifications
 * coalesce: any number that came since the last `next` make it return at once, once.
 *
 * The poll backs off while the outbox is quiet (issue 11: a poll a second per reader was most of an idle system's
 * work): listening, each pause that ends without a notification doubles the next, from `pollMs` up to
 * `maxIdlePollMs`, and a notification starts it over; not listening, every pause is `pollMs`. After the connection
 * is (re)made, `next` returns once at once: a commit just before `LISTEN` notified nobody.
 */
export class OutboxWakeup {
  private readonly listener: PgChannelListener;
  private readonly maxIdlePollMs: number;
  private wake: (() => void) | undefined;
  private closed = false;
  private pending = false;
  /** The next pause while listening. */
  private pauseMs: number;

  constructor(url: string, private readonly pollMs: number, applicationName = 'event-log:listen', maxIdlePollMs = defaultMaxIdlePollMs) {
    this.maxIdlePollMs = Math.max(pollMs, maxIdlePollMs);
    this.pauseMs = pollMs;
    this.listener = new PgChannelListener({
      url,
      channel: 'outbox',
      applicationName,
      onNotification: () => {
        this.pending = true;
        this.wake?.();
      },
      // Notifications sent while the connection is down are lost: the reader looks now, and its next `next`
      // reconnects (or polls every `pollMs`) instead of sleeping out a pause of up to `maxIdlePollMs`.
      onError: () => this.wake?.(),
    });
  }

  /** Resolves on the next notification (or one that came since the last call), after the poll's pause, or when closed. */
  async next(): Promise<void> {
    if (this.closed) return;
    await this.listen();
    if (this.closed) return; // closed while the listener was connecting: no poll pause at shutdown
    if (!this.pending) {
      const listening = this.listener.listening;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, listening ? this.pauseMs : this.pollMs);
        this.wake = done;
      });
    }
    this.pauseMs = this.pending ? this.pollMs : Math.min(this.pauseMs * 2, this.maxIdlePollMs);
    this.pending = false;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.listener.close();
  }

  /** Starts listening now (a subscription does so before it says it is ready, so no NOTIFY is missed). */
  async listen(): Promise<void> {
    const was = this.listener.listening;
    await this.listener.listen();
    if (!was && this.listener.listening) this.pending = true;
  }
}
