-- Read models of journals and entries, denormalized for the query subgraph (scope `query`).
-- Rows are written only by the query projector; `version` is the aggregate version last applied.

CREATE TABLE journals_view (
  journal_id  uuid PRIMARY KEY,
  owner_id    uuid NOT NULL,
  name        text,
  description text,
  color       text,
  icon        text,
  is_private  bool,
  version     int,
  entry_count int NOT NULL DEFAULT 0,   -- live (not deleted) entries
  created_at  timestamptz,
  updated_at  timestamptz,
  deleted_at  timestamptz
);
CREATE INDEX journals_view_owner_created ON journals_view (owner_id, created_at DESC);

CREATE TABLE entries_view (
  entry_id     uuid PRIMARY KEY,
  journal_id   uuid,
  owner_id     uuid NOT NULL,
  journal_name text,                    -- copied from the journal; follows renames
  title        text,
  content      text,
  mood         text,
  tags         text[] NOT NULL DEFAULT '{}',
  word_count   int,
  version      int,
  created_at   timestamptz,
  updated_at   timestamptz,
  deleted_at   timestamptz
);
CREATE INDEX entries_view_journal_created ON entries_view (journal_id, created_at DESC);
CREATE INDEX entries_view_owner_created ON entries_view (owner_id, created_at DESC);

-- Exactly-once bookkeeping of the projection runtime (@mindflow/event-log runProjector): the last
-- aggregate version each projection applied. Also what a consistency token waits for.
CREATE TABLE IF NOT EXISTS projection_versions (
  projection   text NOT NULL,
  aggregate_id uuid NOT NULL,
  version      int  NOT NULL,
  PRIMARY KEY (projection, aggregate_id)
);
