-- Erasure (issue 16): the users this projection erased; its handlers skip their events from then on
-- (@mindflow/event-log erasingReadModels). IF NOT EXISTS: in embedded mode this is the write DB, where insights and
-- notifications keep the same table.
CREATE TABLE IF NOT EXISTS erased_users (
  user_id    uuid PRIMARY KEY,
  erased_at  timestamptz NOT NULL,
  attempt    int NOT NULL CHECK (attempt >= 1),
  erased     jsonb NOT NULL
);
