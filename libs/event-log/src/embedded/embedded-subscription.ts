import { KeyMissingError, type AnyEvent, type KeyLookups } from '@mindflow/events';
import { backoffDelay, type BackoffPolicy, type Logger, pause } from '@mindflow/platform';
import type { UnreadableMessage } from '../dead-letter.js';
import type { EventBatch, SubscribeOptions, Subscription } from '../event-log.js';
import { CheckpointMovedError, isLogStart, logStart, type CheckpointStore, type OutboxPosition } from './checkpoint-store.js';
import type { GroupLock } from './group-lock.js';
import type { OutboxRecord, OutboxSource } from './outbox-source.js';
import type { OutboxWakeup } from './outbox-wakeup.js';

export interface EmbeddedSubscriptionDeps<R extends OutboxRecord> {
  readonly source: OutboxSource<R>;
  /** Turns a row the subscription wants into its event (upcast, validated); rows of other streams stay unparsed. */
  readonly toEvent: (record: R, keys: KeyLookups | undefined) => AnyEvent;
  /** The keys the rows' sealed personal fields need (absent: the log has no key store); its failures are retried. */
  readonly lookupKeys?: (records: readonly R[]) => Promise<KeyLookups>;
  /** What a row that does not parse still tells (its columns), for a subscriber that parks it. */
  readonly describe: (record: R) => Omit<UnreadableMessage, 'source' | 'error' | 'attempts'>;
  readonly checkpoints: CheckpointStore;
  readonly lock: GroupLock;
  readonly wakeup: OutboxWakeup;
  readonly log: Logger;
  /** Which outbox rows belong to the subscription (its streams). */
  readonly wanted: (record: R) => boolean;
  /** Every event type of the subscription's streams, for lag. */
  readonly streamEventTypes: readonly string[];
  readonly batchSize: number;
  readonly lockRetryMs: number;
  /** The longest wait for rows held back by an older transaction (the wakeup's poll interval). */
  readonly pollMs: number;
  readonly backoff: BackoffPolicy;
  readonly onStop?: () => void;
}

/**
 * One consumer group reading the outbox: holds the group lock, reads committed rows after its checkpoint,
 * hands the group's rows to the subscriber, and advances the checkpoint (in the subscriber's transaction
 * when it asks, else right after) to exactly what the subscriber declared done.
 */
export class EmbeddedSubscription<R extends OutboxRecord> implements Subscription {
  private stopped = false;
  private saved: OutboxPosition | undefined;
  /** Holds the group lock: the active member. */
  private holding = false;
  private readonly started: Promise<void>;
  private markReady!: () => void;
  private readonly running: Promise<void>;
  /** Parse attempts of the row the subscription is stuck on (by position). */
  private unreadableAttempts = { position: '', count: 0 };

  constructor(private readonly options: SubscribeOptions, private readonly deps: EmbeddedSubscriptionDeps<R>) {
    this.started = new Promise((resolve) => (this.markReady = resolve));
    this.running = this.run();
  }

  ready(): Promise<void> {
    return this.started;
  }

  async lag(): Promise<number> {
    return this.deps.source.countAfter(this.saved ?? logStart, this.deps.streamEventTypes);
  }

  /** A standby (not holding the group lock) has nothing of its own to consume: another member's backlog is not its stall. */
  async memberLag(): Promise<{ group: number; member: number }> {
    const holding = this.holding;
    const group = await this.lag();
    return { group, member: holding ? group : 0 };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.deps.onStop?.();
    await this.deps.wakeup.close();
    await this.running;
  }

  private async run(): Promise<void> {
    const { lock, log } = this.deps;
    while (!this.stopped) {
      const held = await lock.tryAcquire().catch((error: unknown) => {
        log.warn({ err: error, group: this.options.group }, 'cannot reach the read DB for the group lock');
        return false;
      });
      if (!held) {
        await pause(this.deps.lockRetryMs, { active: () => !this.stopped });
        continue;
      }
      this.holding = true;
      try {
        await this.consume();
      } catch (error) {
        log.warn({ err: error, group: this.options.group }, 'embedded subscription restarts');
      } finally {
        this.holding = false;
        await lock.release();
      }
    }
  }

  /** Reads and delivers until stopped; throws only to re-take the group lock (checkpoint moved). */
  private async consume(): Promise<void> {
    const { source, checkpoints, log } = this.deps;
    this.saved = await checkpoints.load(this.options.group, async () =>
      this.options.fromBeginning ? logStart : ((await source.end()) ?? logStart),
    );
    // Listening before ready: a row committed right after ready() wakes us at once, not at the poll.
    await this.deps.wakeup.listen();
    this.markReady();
    let failures = 0;
    let held = 0;
    while (!this.stopped) {
      try {
        const after = isLogStart(this.saved) ? null : this.saved;
        const records = await source.read(after, this.deps.batchSize);
        if (records.length === 0) {
          // Committed rows an older transaction holds back (gap-safe reading; in embedded mode the read
          // DB's writes on the same server count too) had their NOTIFY already: look again shortly,
          // backing off, rather than sleep until the poll.
          if (await source.heldBack(after)) {
            held += 1;
            await pause(backoffDelay(held, { initialMs: 10, maxMs: Math.min(this.deps.pollMs, 1_280), jitter: 0 }), { active: () => !this.stopped });
          } else {
            held = 0;
            await this.deps.wakeup.next();
          }
          continue;
        }
        held = 0;
        await this.deliver(records);
        failures = 0;
      } catch (error) {
        if (error instanceof CheckpointMovedError) throw error;
        failures += 1;
        const delay = backoffDelay(failures, this.deps.backoff);
        log.warn({ err: error, group: this.options.group, attempt: failures, delayMs: delay }, 'embedded delivery failed; retrying');
        await pause(delay, { active: () => !this.stopped });
      }
    }
  }

  private async deliver(records: R[]): Promise<void> {
    const { checkpoints } = this.deps;
    const group = this.options.group;
    const wanted = records.filter(this.deps.wanted);
    const last = records[records.length - 1]!;
    // The position after wanted[i]; after the last wanted row, also skip the unwanted rows that follow it.
    const after = (i: number): OutboxPosition => (i === wanted.length - 1 ? last : wanted[i]!);
    // The rows before one that does not parse are delivered; that one is retried, or parked by the subscriber's policy.
    const keys = this.deps.lookupKeys && wanted.length > 0 ? await this.deps.lookupKeys(wanted) : undefined;
    const events: AnyEvent[] = [];
    let unreadable: { error: unknown } | undefined;
    for (const row of wanted) {
      try {
        events.push(this.deps.toEvent(row, keys));
      } catch (error) {
        unreadable = { error };
        break;
      }
    }
    if (events.length > 0) await this.deliverEvents(events, after);
    else if (!unreadable) {
      await checkpoints.advance(checkpoints.pool, group, this.saved!, last);
      this.saved = last;
    }
    if (!unreadable || this.stopped) return;
    // No key for a sealed event is the key store's fault (none configured, or the wrong one), not the row's: retried
    // with backoff like a store that is down (`lookupKeys` throws), never parked (as the Kafka path, partition-batch).
    if (unreadable.error instanceof KeyMissingError) throw unreadable.error;
    await this.passUnreadable(wanted[events.length]!, unreadable.error, after(events.length));
  }

  /** Retries a row that does not parse; with the subscriber's policy, parks it after its attempts and moves past it. */
  private async passUnreadable(row: R, error: unknown, next: OutboxPosition): Promise<void> {
    const { checkpoints } = this.deps;
    const position = `${row.txId}/${row.position}`;
    if (this.unreadableAttempts.position !== position) this.unreadableAttempts = { position, count: 0 };
    const attempts = ++this.unreadableAttempts.count;
    const policy = this.options.unreadable;
    if (!policy || attempts < policy.maxAttempts) throw error;
    await policy.park({ source: 'outbox', error, attempts, ...this.deps.describe(row) });
    await checkpoints.advance(checkpoints.pool, this.options.group, this.saved!, next);
    this.saved = next;
  }

  /** Hands `events` (the wanted rows, in order) to the subscriber and checkpoints what it declares done. */
  private async deliverEvents(events: AnyEvent[], after: (i: number) => OutboxPosition): Promise<void> {
    const { checkpoints } = this.deps;
    const group = this.options.group;
    let doneIndex = -1;
    let writtenWithin = -1;
    const batch: EventBatch = {
      events,
      source: 'outbox',
      done: (index) => {
        if (index <= doneIndex) return;
        doneIndex = index;
        // The subscriber's transaction that carried this checkpoint has committed: it is saved.
        if (writtenWithin === index) this.saved = after(index);
      },
      checkpointWithin: async (tx, index) => {
        await checkpoints.advance(tx, group, this.saved!, after(index));
        writtenWithin = index;
      },
      heartbeat: () => Promise.resolve(),
      active: () => !this.stopped,
    };
    let failure: unknown;
    try {
      await this.options.handle(batch);
    } catch (error) {
      failure = error;
    }
    if (doneIndex >= 0 && this.saved !== after(doneIndex)) {
      await checkpoints.advance(checkpoints.pool, group, this.saved!, after(doneIndex));
      this.saved = after(doneIndex);
    }
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows whatever the handler threw, unchanged
    if (failure) throw failure;
    if (doneIndex < events.length - 1 && !this.stopped) throw new Error(`subscriber left events undone without failing (group ${group})`);
  }
}
