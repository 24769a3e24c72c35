-- The insights service's own tables (scope `insights`), beside its outbox (scope `command`, see
-- docs/CONVENTIONS.md). In embedded mode this database is the write DB, hence IF NOT EXISTS on the
-- projection runtime's table, which other projections may keep in the same database.

-- Exactly-once bookkeeping of the projection runtime (@mindflow/event-log runProjector).
CREATE TABLE IF NOT EXISTS projection_versions (
  projection   text NOT NULL,
  aggregate_id uuid NOT NULL,
  version      int  NOT NULL,
  PRIMARY KEY (projection, aggregate_id)
);

-- The latest insights of each live entry: what the subgraph serves.
CREATE TABLE entry_insights (
  entry_id      uuid PRIMARY KEY,
  user_id       uuid NOT NULL,
  entry_version int NOT NULL,              -- the entry version that was analysed
  sentiment     double precision NOT NULL CHECK (sentiment BETWEEN -1 AND 1),
  themes        text[] NOT NULL,
  summary       text NOT NULL,
  suggestions   text[] NOT NULL,
  generated_by  text NOT NULL,
  generated_at  timestamptz NOT NULL
);
CREATE INDEX entry_insights_user_generated ON entry_insights (user_id, generated_at DESC);

-- Per entry: the insights aggregate's last event version and the last entry version an analysis settled
-- (generated or failed). A redelivered or older entry version is never analysed twice.
CREATE TABLE insights_progress (
  entry_id         uuid PRIMARY KEY,
  insights_version int NOT NULL,
  settled_version  int NOT NULL
);

-- Debounced work: one row per entry, always its latest version; due when the author paused editing.
-- The entry's text waits here (never in logs) and is deleted with the row once analysed.
CREATE TABLE pending_analyses (
  entry_id        uuid PRIMARY KEY,
  user_id         uuid NOT NULL,
  entry_version   int NOT NULL,
  author_plan     text NOT NULL,
  title           text,
  content         text NOT NULL,
  correlation_id  text NOT NULL,
  causation_id    text NOT NULL,           -- the entry event that asked for this version
  first_queued_at timestamptz NOT NULL,
  due_at          timestamptz NOT NULL,
  claimed_until   timestamptz              -- a worker's lease; expired leases are taken over
);
CREATE INDEX pending_analyses_due ON pending_analyses (due_at);

-- Claude analyses per user and UTC day (INSIGHTS_DAILY_BUDGET).
CREATE TABLE claude_usage (
  user_id uuid NOT NULL,
  day     date NOT NULL,
  calls   int  NOT NULL,
  PRIMARY KEY (user_id, day)
);

-- A user's choice (setInsightsEnabled); no row means enabled.
CREATE TABLE insights_settings (
  user_id    uuid PRIMARY KEY,
  enabled    boolean NOT NULL,
  updated_at timestamptz NOT NULL
);
