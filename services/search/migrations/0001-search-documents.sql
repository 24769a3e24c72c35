-- The search service's own tables in the read DB (scope `search`, prefix `search_`).
-- search_documents: the embedded search index (Postgres full-text search). One row per entry, thought or
-- task; deletions stay as tombstones (`deleted`) so a late, older event can never bring a document back.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE search_documents (
  doc_id      uuid PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('entry', 'thought', 'task')),
  owner_id    uuid NOT NULL,
  journal_id  uuid,
  title       text,
  body        text NOT NULL,
  tags        text[] NOT NULL DEFAULT '{}',
  mood        text,
  day         date NOT NULL,
  created_at  timestamptz NOT NULL,
  version     int NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  completed   boolean,
  -- distinct lower-case words of title, body and tags: suggest() completes them, fuzzy search expands to them
  words       text[] NOT NULL DEFAULT '{}',
  -- title (A), tags (B), body (C) under the `english` configuration; written with the row (a generated
  -- column cannot use array_to_string, which is only stable)
  document    tsvector NOT NULL
);

CREATE INDEX search_documents_fts ON search_documents USING gin (document) WHERE NOT deleted;
CREATE INDEX search_documents_owner ON search_documents (owner_id, kind) WHERE NOT deleted;
CREATE INDEX search_documents_words ON search_documents USING gin (words) WHERE NOT deleted;
CREATE INDEX search_documents_journal ON search_documents (journal_id) WHERE journal_id IS NOT NULL;

-- Journals deleted so far: their entries are hidden from search, whichever stream the projector saw first.
CREATE TABLE search_deleted_journals (
  journal_id  uuid PRIMARY KEY,
  owner_id    uuid NOT NULL,
  deleted_at  timestamptz NOT NULL
);

-- The projector runtime's exactly-once bookkeeping, shared by every projection in the read DB (same
-- definition as the query projection's migration; whichever projector migrates first creates it).
CREATE TABLE IF NOT EXISTS projection_versions (
  projection   text NOT NULL,
  aggregate_id uuid NOT NULL,
  version      int  NOT NULL,
  PRIMARY KEY (projection, aggregate_id)
);
