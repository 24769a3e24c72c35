-- Erasure (issue 16, services/identity/README.md "Erasure"). deleteAccount deletes the account (credentials,
-- roles, sessions and refresh tokens with it: the address can register again, as a new, empty account) and
-- keeps only this record of the erasure: the user's id, which every store knows them by, and dates. No email,
-- no name. The saga reads it to wait for every service's acknowledgement, retry, and destroy the data key.
CREATE TABLE erasures (
  user_id          uuid PRIMARY KEY,
  requested_at     timestamptz NOT NULL,
  -- The user aggregate's version of the latest UserErasureRequested (a retry publishes the next one).
  user_version     int NOT NULL CHECK (user_version >= 1),
  attempt          int NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  last_attempt_at  timestamptz NOT NULL,
  key_destroyed_at timestamptz,
  completed_at     timestamptz
);
CREATE INDEX erasures_open ON erasures (last_attempt_at) WHERE completed_at IS NULL;

-- One row per service that must erase; acknowledged_at stays null until its UserDataErased arrives.
CREATE TABLE erasure_receipts (
  user_id         uuid NOT NULL REFERENCES erasures ON DELETE CASCADE,
  service         text NOT NULL,
  acknowledged_at timestamptz,
  attempt         int CHECK (attempt >= 1),
  -- What the service erased, by store: { "entries_view": 3, … } (counts only).
  erased          jsonb,
  PRIMARY KEY (user_id, service),
  CHECK ((acknowledged_at IS NULL) = (erased IS NULL))
);

ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
  CHECK (revoked_reason IN ('logout', 'logout-everywhere', 'refresh-token-reuse', 'account-deleted'));
