-- Tasks: what the owner plans for a day. Recurrence and completion are facts about a task that it may or
-- may not have, so each lives in its own table keyed by the task (3NF, no nullable pairs to keep in step).
CREATE TABLE tasks (
  id           uuid PRIMARY KEY,
  owner_id     uuid NOT NULL,
  title        text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200 AND title = btrim(title)),
  description  text CHECK (char_length(description) BETWEEN 1 AND 2000),
  date         date NOT NULL CHECK (date BETWEEN '2000-01-01' AND '2199-12-31'),
  due_time     time CHECK (extract(second FROM due_time) = 0),
  priority     text NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
  category     text NOT NULL CHECK (char_length(category) BETWEEN 1 AND 50 AND category = btrim(category)),
  version      int NOT NULL CHECK (version >= 1),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL CHECK (updated_at >= created_at),
  deleted_at   timestamptz
);

CREATE INDEX tasks_owner_live ON tasks (owner_id) WHERE deleted_at IS NULL;

-- The RFC 5545 RRULE a task repeats by, from its date on; written canonically by the command service
-- (the shape the event contract accepts: FREQ first, upper case, no RRULE: prefix).
CREATE TABLE task_recurrences (
  task_id  uuid PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  rule     text NOT NULL CHECK (char_length(rule) <= 500 AND rule ~ '^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[^;[:space:]]+)*$')
);

-- A completed task has exactly one completion; reopening removes it.
CREATE TABLE task_completions (
  task_id       uuid PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  completed_at  timestamptz NOT NULL
);
