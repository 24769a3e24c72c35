-- The caller's tags, most used first (scope `query`, `tags(prefix, first)`), written only by the query projector
-- (projector/tags-view.ts). `tags_view`: per user, how many live entries and thoughts carry each tag; `tag_uses`:
-- which tags each live item counts under (what the next event of the item moves the counts from).
CREATE TABLE tags_view (
  owner_id  uuid NOT NULL,
  tag       text NOT NULL,
  count     int NOT NULL,
  PRIMARY KEY (owner_id, tag)
);

CREATE TABLE tag_uses (
  item_id   uuid NOT NULL,
  owner_id  uuid NOT NULL,
  tag       text NOT NULL,
  PRIMARY KEY (item_id, tag)
);

-- Row-level security as on every per-user read model (0005-row-level-security.sql); the subgraph reads tags_view only.
DO $$
BEGIN
  GRANT SELECT ON tags_view TO mindflow_reader;
  ALTER TABLE tags_view ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
  CREATE POLICY caller_rows ON tags_view FOR SELECT TO mindflow_reader USING (owner_id = nullif(current_setting('mindflow.user_id', true), '')::uuid);
  EXECUTE format('CREATE POLICY projector_rows ON tags_view FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
