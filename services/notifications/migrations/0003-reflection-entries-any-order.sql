-- reflection_entries (0001) followed in any order of the entry, journal and insights streams: Kafka delivers the
-- topics independently, and a rebuild reads them side by side, so an entry's insights may come before the entry,
-- and an entry's events after its journal's deletion (src/projector/reflection-entries.ts).

-- The journal of each entry: a deleted journal's entries go with it (no JournalEntryDeleted per entry).
ALTER TABLE reflection_entries ADD COLUMN journal_id uuid;
CREATE INDEX reflection_entries_journal ON reflection_entries (journal_id);

-- Each entry's latest insights (AIInsightsGenerated), kept whether or not the entry is here yet: an entry projected
-- later takes its themes and sentiment from here. `entry_deleted`: the entry is gone, later insights are ignored.
CREATE TABLE reflection_insights (
  entry_id      uuid PRIMARY KEY,
  user_id       uuid NOT NULL,
  themes        text[] NOT NULL DEFAULT '{}',
  sentiment     double precision,                -- null when the analyzer could not read the entry (analysed: false)
  entry_deleted boolean NOT NULL DEFAULT false
);

-- Deleted journals: an entry event of one of them arriving later projects nothing.
CREATE TABLE reflection_deleted_journals (
  journal_id uuid PRIMARY KEY
);
