-- The analytics read model (scope `query`), written only by the query projector (projector/analytics-view.ts).
-- `entry_sentiments` keeps each entry's latest sentiment (from AIInsightsGenerated); `mood_days` is one row
-- per user and UTC day with at least one live entry, recomputed from entries_view + entry_sentiments
-- whenever an event touches that day, so it is exact after updates, deletes and re-analysis alike.

CREATE TABLE entry_sentiments (
  entry_id      uuid PRIMARY KEY,
  owner_id      uuid NOT NULL,
  sentiment     double precision NOT NULL,   -- −1 … 1
  entry_version int NOT NULL,                -- the entry version analysed; older analyses never replace newer
  generated_at  timestamptz NOT NULL
);

CREATE INDEX entry_sentiments_owner_generated ON entry_sentiments (owner_id, generated_at DESC, entry_id DESC);

CREATE TABLE mood_days (
  owner_id          uuid NOT NULL,
  day               date NOT NULL,           -- UTC day of the entries' created_at
  mood              text,                    -- the most frequent mood of the day; ties: the latest entry's
  entry_count       int NOT NULL,
  word_count        int NOT NULL,
  average_sentiment double precision,        -- over the day's entries that have insights; null when none
  PRIMARY KEY (owner_id, day)
);

-- Per user, bumped by the projector with every change the subgraph caches: cache keys carry it.
CREATE TABLE read_stamps (
  owner_id uuid PRIMARY KEY,
  stamp    bigint NOT NULL
);
