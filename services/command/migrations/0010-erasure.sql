-- Erasure (issue 16): the command service reads UserErasureRequested from the event log and erases the user's rows
-- here (src/erasure/command-erasure.ts). The projector runtime's bookkeeping and the erased users it remembers
-- (IF NOT EXISTS: embedded, insights and notifications keep theirs in this database too).
CREATE TABLE IF NOT EXISTS projection_versions (
  projection   text NOT NULL,
  aggregate_id uuid NOT NULL,
  version      int  NOT NULL,
  PRIMARY KEY (projection, aggregate_id)
);
CREATE TABLE IF NOT EXISTS erased_users (
  user_id    uuid PRIMARY KEY,
  erased_at  timestamptz NOT NULL,
  attempt    int NOT NULL CHECK (attempt >= 1),
  erased     jsonb NOT NULL
);
