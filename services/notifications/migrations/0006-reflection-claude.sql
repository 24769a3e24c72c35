-- The weekly reflection by Claude for premium users (issue 14): each user's plan as their latest entry event says
-- it (`authorPlan`, set by the command service from the caller's roles; the scheduled reflection reads it), and the
-- Claude reflections each premium user had per UTC day (the daily budget, as insights' claude_usage; its own table:
-- embedded, insights and notifications share the write DB).
CREATE TABLE IF NOT EXISTS reflection_authors (
  user_id  uuid PRIMARY KEY,
  plan     text NOT NULL CHECK (plan IN ('free', 'premium')),
  seen_at  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS reflection_claude_usage (
  user_id  uuid NOT NULL,
  day      date NOT NULL,
  calls    int NOT NULL CHECK (calls >= 0),
  PRIMARY KEY (user_id, day)
);
