-- A task's reminders (TaskCreated / TaskUpdated V2, issue 14): `remind_at` once at that instant,
-- `reminder_minutes_before` before each occurrence (09:00 local on a task without a due time). Rows projected
-- before this remind of nothing, which is right: every task of before V2 has no reminder (V1 events upcast to
-- null), so no backfill is needed. No index: the subgraph reads them with the task; the notifications service
-- keeps its own due-time table.
ALTER TABLE tasks_view
  ADD COLUMN remind_at timestamptz,
  ADD COLUMN reminder_minutes_before int;
