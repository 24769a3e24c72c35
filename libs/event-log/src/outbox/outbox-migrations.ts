import type { Migration } from '@mindflow/db';

/**
 * The transactional outbox, exactly as docs/CONVENTIONS.md pins it, for any service that writes events
 * together with its rows (command, identity). Apply it in the service's own migration scope, before the
 * service's migrations: `migrate(pool, scope, [...outboxMigrations, ...own])`.
 */
export const outboxMigrations: readonly Migration[] = [
  {
    id: '0000-outbox',
    sql: `
CREATE TABLE outbox (
  position          bigserial PRIMARY KEY,                 -- insertion order, NOT commit order
  tx_id             xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id          uuid NOT NULL UNIQUE,
  event_type        text NOT NULL,
  schema_version    int  NOT NULL,
  aggregate_type    text NOT NULL,
  aggregate_id      uuid NOT NULL,
  aggregate_version int  NOT NULL,
  user_id           uuid NOT NULL,
  correlation_id    text NOT NULL,
  causation_id      text,
  occurred_at       timestamptz NOT NULL,
  payload           jsonb NOT NULL,
  UNIQUE (aggregate_id, aggregate_version)
);

-- Readers scan in (tx_id, position) order from a checkpoint (gap-safe reading).
CREATE INDEX outbox_commit_order ON outbox (tx_id, position);

-- Wakes listeners (the relay, the embedded event log) when rows commit: NOTIFY inside a transaction is
-- delivered only at its commit, and once per statement is enough to say "look again".
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
`,
  },
  {
    id: '0000-outbox-checkpoints',
    sql: `
-- How far a reader of the outbox (the Kafka relay) got: the last (tx_id, position) it has delivered.
CREATE TABLE outbox_checkpoints (
  reader     text PRIMARY KEY,
  tx_id      xid8 NOT NULL,
  position   bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    id: '0001-outbox-trace-context',
    sql: `
-- The W3C traceparent of the span that wrote the row (null when tracing is off): the relay and the
-- embedded event log continue that trace. Transport metadata, so a column and not part of the payload.
ALTER TABLE outbox ADD COLUMN trace_context text;
`,
  },
  {
    id: '0002-outbox-occurred-at',
    sql: `
-- The relay prunes published rows by age (OUTBOX_RETENTION_HOURS): oldest first, without scanning what it keeps.
CREATE INDEX outbox_occurred_at ON outbox (occurred_at);
`,
  },
];
