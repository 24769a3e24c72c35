-- The notifications service's own tables (scope `notifications`), beside its outbox (scope `command`, as the
-- insights DB: see services/insights/src/adapters/pg/insights-migrations.ts). In embedded mode this database is
-- the write DB, hence IF NOT EXISTS on the projection runtime's table.

CREATE TABLE IF NOT EXISTS projection_versions (
  projection   text NOT NULL,
  aggregate_id uuid NOT NULL,
  version      int  NOT NULL,
  PRIMARY KEY (projection, aggregate_id)
);

-- Who a notification goes to (UserRegistered). Email is the address the email channel sends to.
CREATE TABLE notification_recipients (
  user_id       uuid PRIMARY KEY,
  email         text NOT NULL,
  display_name  text,
  registered_at timestamptz NOT NULL
);

-- setNotificationPreferences (written by the subgraph). No row: the defaults (UTC, no prompt, no weekly
-- reflection, no quiet hours, every kind IN_APP + EMAIL).
CREATE TABLE notification_preferences (
  user_id              uuid PRIMARY KEY,
  time_zone            text NOT NULL DEFAULT 'UTC',      -- IANA
  journal_prompt_at    time,                             -- local "HH:MM"; null = no daily prompt
  weekly_reflection_on smallint CHECK (weekly_reflection_on BETWEEN 1 AND 7), -- ISO weekday, local
  quiet_start          time,                             -- local; both or neither
  quiet_end            time,
  channels             jsonb NOT NULL DEFAULT '{}',      -- { "<NotificationKind>": ["IN_APP", "EMAIL", ...] }
  email_unsubscribed   boolean NOT NULL DEFAULT false,   -- the one-click unsubscribe (RFC 8058)
  updated_at           timestamptz NOT NULL,
  CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

-- A task's reminder plan, projected from task events (TaskCreated / TaskUpdated / TaskCompleted /
-- TaskReopened / TaskDeleted). Only tasks with a reminder (remind_at or minutes_before) have a row.
CREATE TABLE task_reminders (
  task_id                uuid PRIMARY KEY,
  user_id                uuid NOT NULL,
  title                  text NOT NULL,
  date                   date NOT NULL,          -- the task's date (first occurrence when recurring)
  due_time               time,                   -- local, in the user's time zone
  recurrence             jsonb,                  -- the task's RecurrenceRule, null = one-off
  remind_at              timestamptz,            -- a one-off reminder at an instant
  minutes_before         int,                    -- before each occurrence's date + due_time, local
  completed              boolean NOT NULL DEFAULT false,      -- one-off task completed
  completed_occurrences  date[] NOT NULL DEFAULT '{}'         -- recurring: occurrences completed
);
CREATE INDEX task_reminders_user ON task_reminders (user_id);

-- The schedule: one row per thing that will fire next (a task reminder's next occurrence, a user's daily
-- prompt, a user's weekly reflection). `key` names the source ("task:<taskId>", "prompt:<userId>",
-- "weekly:<userId>"); recomputed by the projector when its source changes and by the scheduler after it fires.
-- The scheduler claims due rows with FOR UPDATE SKIP LOCKED and, in one transaction, inserts the notification
-- (its dedupe_key makes a second firing of the same occurrence a no-op), its deliveries and NotificationCreated
-- in the outbox, then moves the row to its next fire time (or deletes it).
CREATE TABLE scheduled_notifications (
  key          text PRIMARY KEY,
  user_id      uuid NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('TASK_DUE', 'JOURNAL_PROMPT', 'WEEKLY_REFLECTION', 'INSIGHTS_READY')),
  subject_id   uuid,
  occurrence   text NOT NULL,                  -- what fires (an occurrence date, an instant): part of the dedupe key
  fire_at      timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX scheduled_notifications_due ON scheduled_notifications (fire_at);
CREATE INDEX scheduled_notifications_user ON scheduled_notifications (user_id);

-- Every notification (the in-app notification centre). Aggregate: notification (aggregateId = id); `version`
-- is the aggregate's last event version (NotificationCreated = 1, then one per NotificationSent/Failed).
CREATE TABLE notifications (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL,
  kind         text NOT NULL,
  title        text NOT NULL,
  body         text NOT NULL,
  subject_type text CHECK (subject_type IN ('Task', 'Entry', 'WeeklyReflection')),
  subject_id   uuid,
  dedupe_key   text NOT NULL UNIQUE,            -- "<schedule key>@<occurrence>": fires once
  version      int NOT NULL,
  created_at   timestamptz NOT NULL,
  read_at      timestamptz
);
CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL;

-- What is left to send, per channel and target (the email address, or a webhook id). Senders claim due rows
-- with FOR UPDATE SKIP LOCKED; a result is recorded with NotificationSent / NotificationFailed in the outbox.
CREATE TABLE notification_deliveries (
  notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  channel         text NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
  target          text NOT NULL,                -- 'email' or the webhook id
  status          text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  PRIMARY KEY (notification_id, channel, target)
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhooks (
  id                   uuid PRIMARY KEY,
  user_id              uuid NOT NULL,
  url                  text NOT NULL,
  kinds                text[] NOT NULL,
  secret               text NOT NULL,            -- "whsec_<base64>", shown once by createWebhook
  created_at           timestamptz NOT NULL,
  consecutive_failures int NOT NULL DEFAULT 0,
  disabled_at          timestamptz,
  deleted_at           timestamptz
);
CREATE INDEX webhooks_user ON webhooks (user_id);

-- Webhook.deliveries: one row per attempt.
CREATE TABLE webhook_deliveries (
  id              uuid PRIMARY KEY,
  webhook_id      uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  notification_id uuid NOT NULL,
  attempt         int NOT NULL,
  at              timestamptz NOT NULL,
  status          int,                         -- HTTP status, null when no answer
  ok              boolean NOT NULL,
  error           text
);
CREATE INDEX webhook_deliveries_webhook_at ON webhook_deliveries (webhook_id, at DESC);

-- What the daily prompt and the weekly reflection read: the user's entries, compact (entry events), with the
-- insights of each (AIInsightsGenerated: themes, sentiment).
CREATE TABLE reflection_entries (
  entry_id   uuid PRIMARY KEY,
  user_id    uuid NOT NULL,
  title      text,
  content    text NOT NULL,
  mood       text,
  created_at timestamptz NOT NULL,
  themes     text[] NOT NULL DEFAULT '{}',
  sentiment  double precision
);
CREATE INDEX reflection_entries_user_created ON reflection_entries (user_id, created_at);

CREATE TABLE weekly_reflections (
  id             uuid PRIMARY KEY,
  user_id        uuid NOT NULL,
  week_start     date NOT NULL,                 -- local Monday
  entry_count    int NOT NULL,
  summary        text NOT NULL,
  themes         text[] NOT NULL,
  mood_trend     jsonb NOT NULL,                -- [MoodPoint]
  highlight_ids  uuid[] NOT NULL,
  generated_by   text NOT NULL,
  generated_at   timestamptz NOT NULL,
  UNIQUE (user_id, week_start)
);
