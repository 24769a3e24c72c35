import type { AnyEvent } from '@mindflow/events';
import { currentTraceparent } from '@mindflow/platform';
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

/**
 * Writes events to the outbox inside the caller's transaction, the same one that writes the rows they
 * describe: both commit or neither does. `position` and `tx_id` are filled by the database.
 * A second event with the same (aggregate_id, aggregate_version) fails the transaction: two writers
 * raced on one aggregate, and the loser must not publish. With tracing on, each row keeps the active
 * span's `traceparent`, so whoever publishes or projects the event continues the writer's trace.
 */
export async function appendToOutbox(tx: OutboxClient, events: readonly AnyEvent[]): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [];
  const traceContext = currentTraceparent() ?? null;
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
      traceContext,
    ];
    const placeholders = row.map((value) => `$${values.push(value)}`);
    return `(${placeholders.join(', ')})`;
  });
  await tx.query(`INSERT INTO outbox (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
}
