-- The delivery worker's wake-up (src/application/delivery-worker.ts): deliveries queued (the scheduler's firing
-- transaction) say so on commit, so an idle worker in any process sends them at once instead of at its next poll.
-- One notice per transaction: Postgres folds equal notices of one transaction into one. Retries (UPDATEs) say
-- nothing: the worker sleeps until the earliest next_attempt_at itself.
CREATE FUNCTION notifications_delivery_wakeup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('notification_deliveries', '');
  RETURN NULL;
END $$;

CREATE TRIGGER notification_deliveries_wakeup
  AFTER INSERT ON notification_deliveries
  FOR EACH ROW EXECUTE FUNCTION notifications_delivery_wakeup();
