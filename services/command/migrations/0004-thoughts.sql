-- Thoughts: quick notes of their owner. Soft-deleted (deleted_at) like journals, so the delete travels as
-- an event and the row still answers version checks.
CREATE TABLE thoughts (
  id          uuid PRIMARY KEY,
  owner_id    uuid NOT NULL,
  text        text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 5000 AND text = btrim(text)),
  version     int NOT NULL CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL CHECK (updated_at >= created_at),
  deleted_at  timestamptz
);

CREATE INDEX thoughts_owner_live ON thoughts (owner_id) WHERE deleted_at IS NULL;

-- A thought's tags are a set (one row per tag, 3NF), normalized as entry tags are; ordinal keeps the
-- order the writer gave them.
CREATE TABLE thought_tags (
  thought_id uuid NOT NULL REFERENCES thoughts (id) ON DELETE CASCADE,
  tag        text NOT NULL CHECK (char_length(tag) BETWEEN 1 AND 50 AND tag = lower(tag)),
  ordinal    smallint NOT NULL CHECK (ordinal BETWEEN 0 AND 19),
  PRIMARY KEY (thought_id, tag),
  UNIQUE (thought_id, ordinal)
);
