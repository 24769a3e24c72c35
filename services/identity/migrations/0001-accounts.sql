-- Accounts: who can sign in, with what, and as what. Identity's own database (IDENTITY_DATABASE_URL).

CREATE TABLE roles (
  name text PRIMARY KEY
);
INSERT INTO roles (name) VALUES ('user'), ('premium'), ('admin');

CREATE TABLE users (
  user_id    uuid PRIMARY KEY,
  -- As the user typed it (trimmed); unique regardless of case through users_email_key.
  email      text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = btrim(email)),
  name       text CHECK (name IS NULL OR (length(name) BETWEEN 1 AND 100 AND name = btrim(name))),
  -- The user aggregate's version: 1 for UserRegistered, +1 for every UserLoggedIn (the outbox's sequence).
  version    int NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE credentials (
  user_id       uuid PRIMARY KEY REFERENCES users ON DELETE CASCADE,
  -- PHC string: $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  updated_at    timestamptz NOT NULL
);

CREATE TABLE user_roles (
  user_id    uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  role       text NOT NULL REFERENCES roles,
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, role)
);

-- Failed logins per email address (lower-cased), known or not: locking unknown addresses exactly like
-- known ones is what keeps the lockout from telling who has an account.
CREATE TABLE login_throttles (
  email_key      text PRIMARY KEY CHECK (email_key = lower(email_key)),
  failures       int NOT NULL CHECK (failures >= 0),
  last_failure_at timestamptz,
  locked_until   timestamptz
);
