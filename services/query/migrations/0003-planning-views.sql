-- Read models of tasks and calendar events (scope `query`), written only by the query projector. Each
-- row carries where its series ends (computed from the RRULE by the projector), so a date-range read is
-- a plain range overlap on indexed columns; recurring series are expanded to days by the subgraph.

CREATE TABLE tasks_view (
  task_id       uuid PRIMARY KEY,
  owner_id      uuid NOT NULL,
  title         text NOT NULL,
  description   text,
  date          date NOT NULL,           -- the series' first day
  due_time      text,                    -- HH:MM
  priority      text NOT NULL,
  category      text NOT NULL,
  recurrence    text,
  last_date     date NOT NULL,           -- the series' last day; 'infinity' when it never ends
  completed     boolean NOT NULL DEFAULT false,
  completed_at  timestamptz,
  version       int NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  deleted_at    timestamptz
);

-- tasks(from, to, …) in (date, due time, id) order; the calendar's "series overlapping these days".
CREATE INDEX tasks_view_owner_date ON tasks_view (owner_id, date, (coalesce(due_time, '24:00')), task_id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_view_owner_last ON tasks_view (owner_id, last_date) WHERE deleted_at IS NULL;

CREATE TABLE calendar_events_view (
  event_id      uuid PRIMARY KEY,
  owner_id      uuid NOT NULL,
  title         text NOT NULL,
  starts_at     timestamptz NOT NULL,    -- the first occurrence
  ends_at       timestamptz NOT NULL,
  recurrence    text,
  last_ends_at  timestamptz NOT NULL,    -- when the last occurrence ends; 'infinity' when it never does
  version       int NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  cancelled_at  timestamptz
);

CREATE INDEX calendar_events_view_owner_span ON calendar_events_view (owner_id, starts_at, last_ends_at) WHERE cancelled_at IS NULL;
