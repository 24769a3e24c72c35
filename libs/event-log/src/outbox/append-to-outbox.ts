import type { AnyEvent } from '@mindflow/events';
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
  const tuples = events.map((event) => {
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
      options.copied ? (traceContextOf(event) ?? null) : current,
    ];
    const placeholders = row.map((value) => `$${values.push(value)}`);
    return `(${placeholders.join(', ')})`;
  });
  const onConflict = options.copied ? ' ON CONFLICT (event_id) DO NOTHING' : '';
  await tx.query(`INSERT INTO outbox (${columns.join(', ')}) VALUES ${tuples.join(', ')}${onConflict}`, values);
}
