-- Calendar events: a title over a span of time. Cancelling keeps the row (cancelled_at) so the
-- cancellation travels as an event and the row still answers version checks.
CREATE TABLE calendar_events (
  id            uuid PRIMARY KEY,
  owner_id      uuid NOT NULL,
  title         text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200 AND title = btrim(title)),
  starts_at     timestamptz NOT NULL CHECK (starts_at >= '2000-01-01' AND starts_at < '2200-01-01'),
  ends_at       timestamptz NOT NULL CHECK (ends_at < '2200-01-01'),
  version       int NOT NULL CHECK (version >= 1),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL CHECK (updated_at >= created_at),
  cancelled_at  timestamptz,
  CHECK (ends_at >= starts_at)
);

CREATE INDEX calendar_events_owner_live ON calendar_events (owner_id) WHERE cancelled_at IS NULL;

-- The RFC 5545 RRULE an event repeats by, from its start on (same canonical shape as task_recurrences).
CREATE TABLE calendar_event_recurrences (
  calendar_event_id  uuid PRIMARY KEY REFERENCES calendar_events (id) ON DELETE CASCADE,
  rule               text NOT NULL CHECK (char_length(rule) <= 500 AND rule ~ '^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[^;[:space:]]+)*$')
);
