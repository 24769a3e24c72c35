-- Row-level security on every per-user read model. The query subgraph reads as `mindflow_reader` inside a
-- transaction that sets `mindflow.user_id` to the caller the gateway vouched for (read-model/reader.ts):
-- it sees that user's rows only, and none at all without the setting, even through a query that forgets
-- its WHERE clause. The projector (the tables' owner; or a superuser, who bypasses RLS) keeps writing
-- everything through `projector_rows`. FORCE makes the policies bind the owner too.

DO $$
BEGIN
  CREATE ROLE mindflow_reader NOLOGIN;
EXCEPTION
  -- Roles are per server: another read DB (or a concurrent test suite) created it first.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO mindflow_reader', current_schema());
  FOREACH t IN ARRAY ARRAY['journals_view', 'entries_view', 'thoughts_view', 'tasks_view', 'calendar_events_view',
                           'mood_days', 'entry_sentiments', 'read_stamps'] LOOP
    EXECUTE format('GRANT SELECT ON %I TO mindflow_reader', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY caller_rows ON %I FOR SELECT TO mindflow_reader '
                   'USING (owner_id = nullif(current_setting(''mindflow.user_id'', true), '''')::uuid)', t);
    EXECUTE format('CREATE POLICY projector_rows ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
