import { createPool } from '@mindflow/db';
import { type BackoffPolicy, defaultBackoff, type Logger } from '@mindflow/platform';
import type { EventLog, SubscribeOptions, Subscription } from '../event-log.js';
import { CheckpointStore } from './checkpoint-store.js';
import { EmbeddedSubscription } from './embedded-subscription.js';
import { GroupLock } from './group-lock.js';
import { eventFromOutboxRow, readCommittedOutbox, type OutboxRow } from '../outbox/index.js';
import { eventTypesOfStreams, streamOf } from '../streams.js';
import { outboxSource } from './outbox-source.js';
import { OutboxWakeup } from './outbox-wakeup.js';
import { isEventType, lookupKeys, type KeyStore } from '@mindflow/events';

export interface EmbeddedEventLogOptions {
  /** The write DB, whose `outbox` table is the log. */
  readonly writeDatabaseUrl: string;
  /** The read DB, which keeps the groups' checkpoints (next to the projections they guard). */
  readonly readDatabaseUrl: string;
  readonly log: Logger;
  /** The service whose outbox this is: the `source` of its events (the outbox has no such column). */
  readonly outboxOwner?: string;
  /** Fallback wake-up when no `NOTIFY outbox` arrives. */
  readonly pollMs?: number;
  readonly batchSize?: number;
  /** How often a standby member retries to take its group. */
  readonly lockRetryMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Opens sealed personal fields for every subscriber (crypto-shredding); without it a sealed event is not read. */
  readonly keys?: KeyStore;
}

/** The embedded event log: the outbox read in commit order, one active member per group. */
export function createEmbeddedEventLog(options: EmbeddedEventLogOptions): EventLog {
  const writePool = createPool(options.writeDatabaseUrl, { applicationName: 'event-log:outbox', max: 4 });
  const readPool = createPool(options.readDatabaseUrl, { applicationName: 'event-log:checkpoints', max: 4 });
  const checkpoints = new CheckpointStore(readPool);
  const prepared = checkpoints.prepare();
  const source = outboxSource(writePool, (after, limit) => readCommittedOutbox(writePool, after, limit));
  const owner = options.outboxOwner ?? 'command';
  const keyStore = options.keys;
  const subscriptions = new Set<EmbeddedSubscription<OutboxRow>>();

  return {
    kind: 'embedded',
    async subscribe(subscribe: SubscribeOptions): Promise<Subscription> {
      await prepared;
      const streams = new Set(subscribe.eventTypes.map(streamOf));
      const subscription: EmbeddedSubscription<OutboxRow> = new EmbeddedSubscription(subscribe, {
        source,
        checkpoints,
        lock: new GroupLock(options.readDatabaseUrl, subscribe.group),
        wakeup: new OutboxWakeup(options.writeDatabaseUrl, options.pollMs ?? 1_000),
        log: options.log,
        toEvent: (row, keys) => eventFromOutboxRow(row, owner, keys),
        lookupKeys: keyStore && ((rows) => lookupKeys(rows, keyStore)),
        describe: (row) => describeRow(row, owner),
        // A type this build does not know cannot be in a stream it follows; parsing it is the business of those that do.
        wanted: (row: OutboxRow) => isEventType(row.eventType) && streams.has(streamOf(row.eventType)),
        streamEventTypes: eventTypesOfStreams(streams),
        batchSize: options.batchSize ?? 500,
        lockRetryMs: options.lockRetryMs ?? 2_000,
        pollMs: options.pollMs ?? 1_000,
        backoff: options.backoff ?? defaultBackoff,
        onStop: (): void => void subscriptions.delete(subscription),
      });
      subscriptions.add(subscription);
      return subscription;
    },
    async deleteGroup(group: string): Promise<void> {
      await prepared;
      await checkpoints.forget(group);
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      await Promise.all([writePool.end(), readPool.end()]);
    },
  };
}

/** A row that does not parse, as a dead letter keeps it: its columns (as the envelope parseEvent reads) in JSON. */
function describeRow(row: OutboxRow, source: string) {
  const { txId, ...envelope } = row;
  return {
    position: `outbox/${txId}/${row.position}`,
    raw: Buffer.from(JSON.stringify({ ...envelope, source })),
    aggregateId: row.aggregateId,
    aggregateVersion: row.aggregateVersion,
    eventType: row.eventType,
    eventId: row.eventId,
  };
}
