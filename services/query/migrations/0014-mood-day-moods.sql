-- Per user, UTC day and mood: how many of the day's live entries carry that mood and when the latest of them was
-- written (issue 11). `mood_days.mood` (the day's most frequent mood, ties going to the latest entry's) is read from
-- these few rows instead of the day's entries, so a chunk of new entries moves the day by increments
-- (`analytics-view.ts`, `moodDayChanges`); updates, deletions, analyses and redatings still recompute the day from
-- the entries and rewrite its rows here too. Written only by the query projector; the subgraph does not read it.
CREATE TABLE mood_day_moods (
  owner_id   uuid NOT NULL,
  day        date NOT NULL,            -- UTC day of the entries' created_at
  mood       text NOT NULL,
  entries    int NOT NULL,             -- live entries of the day with this mood
  latest_at  timestamptz NOT NULL,     -- max(created_at) of those entries
  PRIMARY KEY (owner_id, day, mood)
);

-- The rows of the entries already projected (a rebuild replays into an empty schema and writes them itself).
INSERT INTO mood_day_moods (owner_id, day, mood, entries, latest_at)
SELECT owner_id, (created_at AT TIME ZONE 'UTC')::date, mood, count(*), max(created_at)
  FROM entries_view
 WHERE deleted_at IS NULL AND journal_id IS NOT NULL AND mood IS NOT NULL AND created_at IS NOT NULL
 GROUP BY owner_id, (created_at AT TIME ZONE 'UTC')::date, mood;
