-- Journal entries. owner_id repeats the journal's owner so that every ownership check is one index
-- lookup; the composite foreign key makes that repetition safe (it can never disagree with the journal).
CREATE TABLE entries (
  id          uuid PRIMARY KEY,
  journal_id  uuid NOT NULL,
  owner_id    uuid NOT NULL,
  title       text CHECK (char_length(title) <= 200),
  content     text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 100000),
  mood        text CHECK (mood IN ('GREAT', 'GOOD', 'OKAY', 'LOW', 'BAD', 'STRESSED', 'ANXIOUS', 'CALM', 'GRATEFUL')),
  weather     text CHECK (char_length(weather) <= 100),
  location    text CHECK (char_length(location) <= 200),
  word_count  int NOT NULL CHECK (word_count >= 0),
  version     int NOT NULL CHECK (version >= 1),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  FOREIGN KEY (journal_id, owner_id) REFERENCES journals (id, owner_id)
);

CREATE INDEX entries_journal_live ON entries (journal_id) WHERE deleted_at IS NULL;

-- Tags are a set per entry (one row per tag, 3NF); ordinal keeps the order the writer gave them.
CREATE TABLE entry_tags (
  entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  tag      text NOT NULL CHECK (char_length(tag) BETWEEN 1 AND 50),
  ordinal  smallint NOT NULL CHECK (ordinal >= 0),
  PRIMARY KEY (entry_id, tag)
);

CREATE INDEX entry_tags_tag ON entry_tags (tag);
