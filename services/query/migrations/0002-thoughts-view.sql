-- Read model of thoughts (scope `query`), written only by the query projector. One aggregate's events are
-- applied in version order, so a row always exists before its updates; `version` is the last one applied.
CREATE TABLE thoughts_view (
  thought_id  uuid PRIMARY KEY,
  owner_id    uuid NOT NULL,
  text        text NOT NULL,
  tags        text[] NOT NULL DEFAULT '{}',
  version     int NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz
);

-- thoughts(first, after): the owner's live thoughts newest first, paged by (created_at, thought_id).
CREATE INDEX thoughts_view_owner_created ON thoughts_view (owner_id, created_at DESC, thought_id DESC) WHERE deleted_at IS NULL;
-- thoughts(tag: …): tags @> ARRAY[tag].
CREATE INDEX thoughts_view_tags ON thoughts_view USING gin (tags) WHERE deleted_at IS NULL;
