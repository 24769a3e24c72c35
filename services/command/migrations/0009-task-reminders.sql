-- A task's reminder (issue 14), each optional and independent of the other: `remind_at` fires once at that
-- instant; `reminder_minutes_before` fires before every occurrence's day + due time (09:00 without one) in
-- the owner's time zone. Existing tasks remind of nothing. At most a week before (the event contract's bound).
ALTER TABLE tasks
  ADD COLUMN remind_at timestamptz,
  ADD COLUMN reminder_minutes_before int CHECK (reminder_minutes_before BETWEEN 0 AND 10080);
