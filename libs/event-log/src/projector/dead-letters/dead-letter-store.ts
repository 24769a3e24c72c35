import { migrate, type Migration, type Pool } from '@mindflow/db';
import type { DeadLetter } from '../../dead-letter.js';
import type { SqlClient } from '../../event-log.js';

/**
 * `dead_letters` lives next to the projection it belongs to (same schema, so a rebuild has its own). Rows
 * of one aggregate are inserted in log order: `id` is their redrive order. While an aggregate has rows,
 * it is *parked*: its later events join them instead of being applied.
 */
export const deadLetterMigrations: readonly Migration[] = [
  {
    id: '0001-create-dead-letters',
    sql: `CREATE TABLE dead_letters (
      id           bigserial PRIMARY KEY,
      projection   text NOT NULL,
      aggregate_id uuid,                 -- null: no aggregate could be read from the message
      version      int,
      event_type   text,
      event_id     text,
      event        jsonb,                -- the event as read; null when it did not parse
      raw          bytea,                -- the message's bytes when it did not parse
      position     text,                 -- where the log held it
      reason       text NOT NULL CHECK (reason IN ('poison', 'held', 'unreadable')),
      error        text,
      attempts     int NOT NULL DEFAULT 0,
      parked_at    timestamptz NOT NULL DEFAULT now());
    -- One row per event (a redelivered one is not parked twice); also the lookup of an aggregate's rows.
    CREATE UNIQUE INDEX dead_letters_event ON dead_letters (projection, aggregate_id, version);
    -- Messages without a version are told apart by where the log held them.
    CREATE UNIQUE INDEX dead_letters_position ON dead_letters (projection, position) WHERE version IS NULL;`,
  },
];

export const deadLetterScope = 'projector-runtime';

export async function prepareDeadLetters(pool: Pool): Promise<void> {
  await migrate(pool, deadLetterScope, deadLetterMigrations);
}

/** Records letters in order; one already recorded (a redelivery) is left as it is. */
export async function insertDeadLetters(tx: SqlClient, projection: string, letters: readonly DeadLetter[]): Promise<void> {
  for (const l of letters) {
    await tx.query(
      `INSERT INTO dead_letters (projection, aggregate_id, version, event_type, event_id, event, raw, position, reason, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
      [projection, l.aggregateId, l.aggregateVersion, l.eventType, l.eventId, l.event === null ? null : JSON.stringify(l.event),
        l.raw, l.position, l.reason, l.error, l.attempts],
    );
  }
}

/** Which of `aggregateIds` are parked (have dead letters) in this projection. */
export async function parkedAmong(tx: SqlClient, projection: string, aggregateIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await tx.query(
    'SELECT DISTINCT aggregate_id FROM dead_letters WHERE projection = $1 AND aggregate_id = ANY($2::uuid[])',
    [projection, aggregateIds],
  );
  return new Set((rows as { aggregate_id: string }[]).map((r) => r.aggregate_id));
}

/** A short, single-line account of an error for the `error` column and the topic header. */
export function describeError(error: unknown): string {
  // NUL cannot be stored in text, and a parse error may quote one from the message.
  const text = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).replaceAll('\u0000', '\\0');
  return text.length > 4_000 ? `${text.slice(0, 4_000)}…` : text;
}
