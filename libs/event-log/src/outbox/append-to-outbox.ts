import { KeyDestroyedError, sealEvent, type AnyEvent, type KeyStore, type StoredEvent } from '@mindflow/events';
import { currentTraceparent } from '@mindflow/platform';
import { traceContextOf } from '../tracing/event-trace-context.js';
import type { OutboxClient } from './outbox-row.js';

const columns = [
  'event_id',
  'event_type',
  'schema_version',
  'aggregate_type',
  'aggregate_id',
  'aggregate_version',
  'user_id',
  'correlation_id',
  'causation_id',
  'occurred_at',
  'payload',
  'trace_context',
] as const;

export interface AppendOptions {
  /**
   * The events were written elsewhere first and are copied here (the relay's outbox target, services/relay): each
   * keeps the trace context it was written with, and one already here (same `event_id`, a batch copied again after
   * a crash) is skipped instead of failing the statement, so each lands once.
   */
  readonly copied?: boolean;
  /**
   * The key store: each event's personal fields are sealed with its owner's data key on the way in (issue 16), so
   * the outbox, Kafka and every copy of the log hold them encrypted. Sealing here, not in `newEvent`: the owner is
   * known in both places, but this is the one door every producer's events pass through to become durable
   * (command, identity, insights, notifications, the relay's copies), and it is already asynchronous, where a key
   * lookup (I/O) belongs; `newEvent` stays a pure function the domain and its tests call. Events already sealed
   * (copied rows) are written as they are. Without it, payloads are written in the clear (legacy).
   */
  readonly keys?: KeyStore;
  /**
   * With `keys`: an event whose owner's key is destroyed (the user was erased) is left out instead of failing the
   * transaction (`KeyDestroyedError`). For workers that derive events from what they already hold (insights'
   * analyses, notifications, media): an erased user gets nothing new written, and the worker does not crash on it.
   * Command handlers leave it off: a command of an erased user is refused.
   */
  readonly skipErased?: boolean;
}

/**
 * Writes events to the outbox inside the caller's transaction, the same one that writes the rows they
 * describe: both commit or neither does. `position` and `tx_id` are filled by the database.
 * A second event with the same (aggregate_id, aggregate_version) fails the transaction: two writers
 * raced on one aggregate, and the loser must not publish. With tracing on, each row keeps the active
 * span's `traceparent`, so whoever publishes or projects the event continues the writer's trace.
 */
export async function appendToOutbox(tx: OutboxClient, events: readonly AnyEvent[], options: AppendOptions = {}): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [];
  const current = options.copied ? null : (currentTraceparent() ?? null);
  const keys = options.keys;
  const pairs = keys ? await sealAll(events, keys, options.skipErased === true) : events.map((event): readonly [AnyEvent, StoredEvent<AnyEvent>] => [event, event]);
  if (pairs.length === 0) return;
  const tuples = pairs.map(([original, event]) => {
    const row = [
      event.eventId,
      event.eventType,
      event.schemaVersion,
      event.aggregateType,
      event.aggregateId,
      event.aggregateVersion,
      event.userId,
      event.correlationId,
      event.causationId,
      event.occurredAt,
      JSON.stringify(event.payload),
      options.copied ? (traceContextOf(original) ?? null) : current,
    ];
    const placeholders = row.map((value) => `$${values.push(value)}`);
    return `(${placeholders.join(', ')})`;
  });
  const onConflict = options.copied ? ' ON CONFLICT (event_id) DO NOTHING' : '';
  await tx.query(`INSERT INTO outbox (${columns.join(', ')}) VALUES ${tuples.join(', ')}${onConflict}`, values);
}

async function sealAll(events: readonly AnyEvent[], keys: KeyStore, skipErased: boolean) {
  const sealed: (readonly [AnyEvent, StoredEvent<AnyEvent>])[] = [];
  for (const event of events) {
    try {
      sealed.push([event, await sealEvent(event, keys)]);
    } catch (error) {
      if (skipErased && error instanceof KeyDestroyedError) continue;
      throw error;
    }
  }
  return sealed;
}
