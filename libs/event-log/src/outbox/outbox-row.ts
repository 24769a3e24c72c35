/** Where a reader of the outbox stands: the last row it has taken, in commit-safe order. */
export interface OutboxPosition {
  /** xid8 as decimal text (it can exceed 2^53). */
  readonly txId: string;
  /** bigserial as decimal text. */
  readonly position: string;
}

/** One outbox row as stored, camel-cased. */
export interface OutboxRow extends OutboxPosition {
  readonly eventId: string;
  readonly eventType: string;
  readonly schemaVersion: number;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly userId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** ISO-8601 */
  readonly occurredAt: string;
  readonly payload: unknown;
  /** W3C `traceparent` of the span that wrote the row; null (or absent) when it was not traced. */
  readonly traceContext?: string | null;
}

/** Anything that runs SQL (a pooled client, a transaction's client): structural, so no `pg` version is forced. */
export interface OutboxClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export const outboxColumns = `position::text AS position, tx_id::text AS tx_id, event_id, event_type, schema_version,
  aggregate_type, aggregate_id, aggregate_version, user_id, correlation_id, causation_id, occurred_at, payload, trace_context`;

interface StoredRow {
  position: string;
  tx_id: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: number;
  user_id: string;
  correlation_id: string;
  causation_id: string | null;
  occurred_at: Date | string;
  payload: unknown;
  trace_context?: string | null;
}

export function outboxRowFrom(raw: unknown): OutboxRow {
  const row = raw as StoredRow;
  return {
    txId: row.tx_id,
    position: row.position,
    eventId: row.event_id,
    eventType: row.event_type,
    schemaVersion: row.schema_version,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    aggregateVersion: row.aggregate_version,
    userId: row.user_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: row.payload,
    traceContext: row.trace_context ?? null,
  };
}
