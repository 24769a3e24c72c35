-- The completed occurrences of recurring tasks (scope `query`), one row per completed day, written only by
-- the query projector (TaskCompleted / TaskReopened with an occurrence). The subgraph expands a series to
-- its days and marks each completed when its row is here; a one-off task's completion stays on tasks_view.
CREATE TABLE task_occurrences_view (
  task_id       uuid NOT NULL,
  owner_id      uuid NOT NULL,
  occurrence    date NOT NULL,
  completed_at  timestamptz NOT NULL,
  PRIMARY KEY (task_id, occurrence)
);

-- "The caller's completed occurrences in these days", for tasks(from, to), the calendar and taskStats.
CREATE INDEX task_occurrences_view_owner_day ON task_occurrences_view (owner_id, occurrence);

-- Row-level security as on every per-user read model (0005-row-level-security.sql).
GRANT SELECT ON task_occurrences_view TO mindflow_reader;
ALTER TABLE task_occurrences_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_occurrences_view FORCE ROW LEVEL SECURITY;
CREATE POLICY caller_rows ON task_occurrences_view FOR SELECT TO mindflow_reader
  USING (owner_id = nullif(current_setting('mindflow.user_id', true), '')::uuid);
DO $$
BEGIN
  EXECUTE format('CREATE POLICY projector_rows ON task_occurrences_view FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
