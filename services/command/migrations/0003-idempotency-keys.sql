-- A retried command with the same key answers its first result instead of running again. The key row is
-- claimed in the command's own transaction, so a rolled-back command leaves no key behind.
CREATE TABLE idempotency_keys (
  user_id    uuid NOT NULL,
  key        text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
  command    text NOT NULL,
  result     jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- Keys are kept for a retention window; this index serves the periodic purge.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
