-- Forgotten passwords (src/application/password-reset.ts). A reset link carries a 256-bit random token; only its SHA-256 is
-- kept, so a copy of this table resets nobody's password. A token is single-use (used_at) and short-lived.
CREATE TABLE password_resets (
  token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  user_id    uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
  used_at    timestamptz
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- Every request for a reset, by hashed client and hashed address (no address is stored): the rate limits count them,
-- whether or not an account has that address (the answer never says which).
CREATE TABLE password_reset_requests (
  client_hash  bytea NOT NULL,
  email_hash   bytea NOT NULL,
  requested_at timestamptz NOT NULL
);
CREATE INDEX password_reset_requests_by_client ON password_reset_requests (client_hash, requested_at);
CREATE INDEX password_reset_requests_by_email ON password_reset_requests (email_hash, requested_at);
