-- The scheduler's wake-up (src/application/scheduler.ts): it sleeps until the earliest fire_at, at most 1 s, and a
-- row written due sooner than that (a reminder set for now, a prompt moved earlier) says so on commit, so it fires
-- within its 2 s. Rows moved further off (the scheduler's own moves, most projector updates) say nothing. One
-- notice per transaction: Postgres folds equal notices of one transaction into one.
CREATE FUNCTION notifications_schedule_wakeup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('notifications_schedule', '');
  RETURN NULL;
END $$;

CREATE TRIGGER scheduled_notifications_wakeup
  AFTER INSERT OR UPDATE OF fire_at ON scheduled_notifications
  FOR EACH ROW WHEN (NEW.fire_at <= now() + interval '2 seconds')
  EXECUTE FUNCTION notifications_schedule_wakeup();
