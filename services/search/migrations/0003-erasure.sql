-- Erasure (issue 16). erased_users: the users erased in this read DB; the search projection's handlers skip their
-- events from then on (@mindflow/event-log erasingReadModels), so a late, redelivered or replayed event indexes
-- nothing of them. The query projection keeps the same table in the read DB (whichever migrates first creates it).
CREATE TABLE IF NOT EXISTS erased_users (
  user_id    uuid PRIMARY KEY,
  erased_at  timestamptz NOT NULL,
  attempt    int NOT NULL CHECK (attempt >= 1),
  erased     jsonb NOT NULL
);

