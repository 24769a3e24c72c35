-- The scheduler's look-ahead (src/application/scheduler.ts, "Look-ahead"): a firing decided ahead of its time.
-- The scheduler decides rows due within NOTIFICATIONS_SCHEDULER_LOOKAHEAD_MS (their notification, deliveries and
-- NotificationCreated, computed and sealed as at their fire time) and stages them here; at the fire time one
-- statement per batch moves them into notifications, notification_deliveries and the outbox and moves the schedule
-- row on. Nothing here is visible to anyone: no reader but the scheduler looks at this table. It is a cache of
-- decisions: `scheduled_notifications` stays the truth, and a staged firing is used only while its row still says
-- the same (key, occurrence, fire_at); anything else (and any staged firing more than a grace late) falls back to
-- deciding at the fire time. A change to what a decision reads (the task, the preferences, the address, the
-- webhooks, the entries' themes) drops the user's or the task's staged firings (the triggers below), so the firing
-- decides again with it.
CREATE TABLE prepared_firings (
  key              text PRIMARY KEY,             -- the scheduled_notifications row
  occurrence       text NOT NULL,                -- … as it was decided: used only while the row says the same
  fire_at          timestamptz NOT NULL,
  user_id          uuid NOT NULL,
  notification_id  uuid NOT NULL,
  kind             text NOT NULL,
  title            text NOT NULL,
  body             text NOT NULL,
  subject_type     text,
  subject_id       uuid,
  dedupe_key       text NOT NULL,
  deliveries       jsonb NOT NULL,               -- [{ "channel": "EMAIL", "target": "email" }, …]
  event_id         uuid NOT NULL,                -- NotificationCreated, as appendToOutbox writes it (sealed with keys)
  event_type       text NOT NULL,
  schema_version   int NOT NULL,
  aggregate_type   text NOT NULL,
  correlation_id   text NOT NULL,
  causation_id     text,
  occurred_at      timestamptz NOT NULL,
  payload          jsonb NOT NULL,
  next_fire_at     timestamptz,                  -- where the row goes after it fired (null: deleted)
  next_occurrence  text,
  prepared_at      timestamptz NOT NULL
);
CREATE INDEX prepared_firings_fire_at ON prepared_firings (fire_at);
CREATE INDEX prepared_firings_user ON prepared_firings (user_id);

CREATE FUNCTION notifications_unprepare_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM prepared_firings WHERE key = 'task:' || OLD.task_id;
  RETURN NULL;
END $$;

CREATE TRIGGER task_reminders_unprepare AFTER UPDATE OR DELETE ON task_reminders
  FOR EACH ROW EXECUTE FUNCTION notifications_unprepare_task();

CREATE FUNCTION notifications_unprepare_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM prepared_firings WHERE user_id = OLD.user_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    DELETE FROM prepared_firings WHERE user_id = NEW.user_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER notification_preferences_unprepare AFTER INSERT OR UPDATE OR DELETE ON notification_preferences
  FOR EACH ROW EXECUTE FUNCTION notifications_unprepare_user();
CREATE TRIGGER notification_recipients_unprepare AFTER INSERT OR UPDATE OR DELETE ON notification_recipients
  FOR EACH ROW EXECUTE FUNCTION notifications_unprepare_user();
CREATE TRIGGER webhooks_unprepare AFTER INSERT OR UPDATE OR DELETE ON webhooks
  FOR EACH ROW EXECUTE FUNCTION notifications_unprepare_user();

-- the daily prompt's question is drawn from the entries' themes
CREATE FUNCTION notifications_unprepare_prompt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM prepared_firings WHERE key = 'prompt:' || OLD.user_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    DELETE FROM prepared_firings WHERE key = 'prompt:' || NEW.user_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reflection_entries_unprepare AFTER INSERT OR UPDATE OR DELETE ON reflection_entries
  FOR EACH ROW EXECUTE FUNCTION notifications_unprepare_prompt();
