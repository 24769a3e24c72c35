-- Erasure (issue 16): the users this projection erased; its handlers skip their events from then on
-- (@mindflow/event-log erasingReadModels).
CREATE TABLE IF NOT EXISTS erased_users (
  user_id    uuid PRIMARY KEY,
  erased_at  timestamptz NOT NULL,
  attempt    int NOT NULL CHECK (attempt >= 1),
  erased     jsonb NOT NULL
);
