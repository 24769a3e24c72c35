-- The completed occurrences of a recurring task, one row per day of the series that is done: completing one
-- occurrence must never complete the others. (A one-off task's completion stays in task_completions.)
-- Reopening an occurrence removes its row.
CREATE TABLE task_occurrence_completions (
  task_id       uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  occurrence    date NOT NULL CHECK (occurrence BETWEEN '2000-01-01' AND '2199-12-31'),
  completed_at  timestamptz NOT NULL,
  PRIMARY KEY (task_id, occurrence)
);
