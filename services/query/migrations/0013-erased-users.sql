-- Erasure (issue 16): the users this projection erased. Its handlers skip their events from then on (late
-- writes, redrives, a rebuild replaying the topics side by side): @mindflow/event-log erasingReadModels.
CREATE TABLE IF NOT EXISTS erased_users (
  user_id    uuid PRIMARY KEY,
  erased_at  timestamptz NOT NULL,
  attempt    int NOT NULL CHECK (attempt >= 1),
  erased     jsonb NOT NULL
);
