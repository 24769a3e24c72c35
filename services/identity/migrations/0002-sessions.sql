-- A session is one sign-in: the family of refresh tokens that descend from it by rotation, and the `sid`
-- claim of every access token issued in it. Revoking it ends them all.
CREATE TABLE sessions (
  session_id     uuid PRIMARY KEY,
  user_id        uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at     timestamptz NOT NULL,
  last_used_at   timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL CHECK (expires_at > created_at),
  revoked_at     timestamptz,
  revoked_reason text CHECK (revoked_reason IN ('logout', 'logout-everywhere', 'refresh-token-reuse')),
  user_agent     text CHECK (length(user_agent) <= 512),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX sessions_live_by_user ON sessions (user_id) WHERE revoked_at IS NULL;

-- Refresh tokens are opaque random strings; only their SHA-256 is kept, so a copy of this table signs nobody in.
CREATE TABLE refresh_tokens (
  token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  session_id uuid NOT NULL REFERENCES sessions ON DELETE CASCADE,
  issued_at  timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > issued_at),
  -- Set when exchanged for a successor: presenting it again is reuse.
  rotated_at timestamptz
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);
