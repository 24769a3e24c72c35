// The schedule's rows of a user's reminders (scheduled_notifications, 0001-notifications.sql), recomputed from
// task_reminders and notification_preferences with the domain's next-fire functions. Used by the projector (a
// task's events) and by rescheduleUser (a preference change, the subgraph's transaction).
import type { Pool, PoolClient } from '@mindflow/db';
import { nextJournalPrompt, nextWeeklyReflection } from '../../domain/daily-and-weekly.js';
import { nextTaskReminder, oneOffReminderGraceMs, type TaskReminderPlan } from '../../domain/task-reminder.js';
import { usableTimeZone, type NextFire } from '../../domain/time-zone.js';

export type Queryable = Pool | PoolClient;

/**
 * The lock that orders every recomputation of one user's schedule: the projector takes it through its read
 * models' `sharedKeys` (with the other keys of a chunk, in one global order), rescheduleUser with the same id.
 * So a preference change and a task event of the same user never compute from each other's old state.
 */
export const userScheduleKey = (userId: string) => `notifications-schedule:${userId}`;

/** Takes the user's schedule lock (transaction-scoped) as the projector runtime takes shared keys: `<schema>:<key>`. */
export async function lockUserSchedule(tx: PoolClient, userId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || $1, 0))`, [userScheduleKey(userId)]);
}

/** The user's time zone (UTC without preferences, or with a zone this runtime does not know). */
export async function timeZoneOf(tx: Queryable, userId: string): Promise<string> {
  const { rows } = await tx.query<{ time_zone: string }>('SELECT time_zone FROM notification_preferences WHERE user_id = $1', [userId]);
  return usableTimeZone(rows[0]?.time_zone);
}

interface TaskReminderDbRow {
  task_id: string;
  user_id: string;
  date: string;
  due_time: string | null;
  recurrence: unknown;
  remind_at: Date | null;
  minutes_before: number | null;
  completed: boolean;
  completed_occurrences: string[];
}

export interface TaskReminderRow extends TaskReminderPlan {
  readonly taskId: string;
  readonly userId: string;
}

const taskColumns = `task_id, user_id, date::text AS date, to_char(due_time, 'HH24:MI:SS') AS due_time, recurrence, remind_at,
  minutes_before, completed, completed_occurrences::text[] AS completed_occurrences`;

const toTask = (row: TaskReminderDbRow): TaskReminderRow => ({
  taskId: row.task_id,
  userId: row.user_id,
  date: row.date,
  dueTime: row.due_time,
  recurrence: typeof row.recurrence === 'string' ? row.recurrence : null,
  remindAt: row.remind_at,
  minutesBefore: row.minutes_before,
  completed: row.completed,
  completedOccurrences: row.completed_occurrences,
});

export async function taskRemindersOf(tx: Queryable, where: { taskId: string } | { userId: string }): Promise<TaskReminderRow[]> {
  const { rows } = await tx.query<TaskReminderDbRow>(
    'taskId' in where ? `SELECT ${taskColumns} FROM task_reminders WHERE task_id = $1` : `SELECT ${taskColumns} FROM task_reminders WHERE user_id = $1 ORDER BY task_id`,
    ['taskId' in where ? where.taskId : where.userId],
  );
  return rows.map(toTask);
}

/** A row of the schedule as it should be (or, with `next` null, should not be). */
interface Planned {
  readonly key: string;
  readonly userId: string;
  readonly kind: 'TASK_DUE' | 'JOURNAL_PROMPT' | 'WEEKLY_REFLECTION';
  readonly subjectId: string | null;
  readonly next: NextFire | null;
}

/**
 * Writes planned rows: upserts those with a next fire time (leaving a row that already says the same untouched,
 * so no wake-up is sent for it) and deletes the others. `at` is the rows' `updated_at`.
 */
async function writeSchedule(tx: Queryable, planned: readonly Planned[], at: Date): Promise<void> {
  const keep = planned.filter((p) => p.next !== null);
  const drop = planned.filter((p) => p.next === null).map((p) => p.key);
  if (keep.length > 0) {
    await tx.query(
      `INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at)
       SELECT r.key, r.user_id, r.kind, r.subject_id, r.occurrence, r.fire_at, $7
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[])
              AS r(key, user_id, kind, subject_id, occurrence, fire_at)
       ON CONFLICT (key) DO UPDATE SET user_id = EXCLUDED.user_id, kind = EXCLUDED.kind, subject_id = EXCLUDED.subject_id,
         occurrence = EXCLUDED.occurrence, fire_at = EXCLUDED.fire_at, updated_at = EXCLUDED.updated_at
       WHERE (scheduled_notifications.occurrence, scheduled_notifications.fire_at, scheduled_notifications.user_id)
             IS DISTINCT FROM (EXCLUDED.occurrence, EXCLUDED.fire_at, EXCLUDED.user_id)`,
      [
        keep.map((p) => p.key),
        keep.map((p) => p.userId),
        keep.map((p) => p.kind),
        keep.map((p) => p.subjectId),
        keep.map((p) => p.next!.occurrence),
        keep.map((p) => p.next!.fireAt),
        at,
      ],
    );
  }
  if (drop.length > 0) await tx.query('DELETE FROM scheduled_notifications WHERE key = ANY($1::text[])', [drop]);
}

export const taskScheduleKey = (taskId: string) => `task:${taskId}`;
export const promptScheduleKey = (userId: string) => `prompt:${userId}`;
export const weeklyScheduleKey = (userId: string) => `weekly:${userId}`;

const plannedTask = (task: TaskReminderRow, timeZone: string, after: Date): Planned => ({
  key: taskScheduleKey(task.taskId),
  userId: task.userId,
  kind: 'TASK_DUE',
  subjectId: task.taskId,
  // a remindAt set up to 5 minutes late fires at once (the command service accepts it); after firing, the
  // scheduler asks without the grace
  next: nextTaskReminder(task, timeZone, after, { oneOffGraceMs: oneOffReminderGraceMs }),
});

/**
 * Recomputes the `task:<taskId>` row from the task's reminder plan (no plan row: the task is gone, so is its
 * row) in its owner's time zone: the next reminder strictly after `after`. The projector passes the event's
 * time, so a replay computes the same rows.
 */
export async function scheduleTask(tx: Queryable, taskId: string, after: Date): Promise<void> {
  const [task] = await taskRemindersOf(tx, { taskId });
  if (!task) {
    await tx.query('DELETE FROM scheduled_notifications WHERE key = $1', [taskScheduleKey(taskId)]);
    return;
  }
  await writeSchedule(tx, [plannedTask(task, await timeZoneOf(tx, task.userId), after)], after);
}

interface PreferencesDbRow {
  time_zone: string;
  journal_prompt_at: string | null;
  weekly_reflection_on: number | null;
}

/**
 * Recomputes every scheduled_notifications row of the user from task_reminders and notification_preferences
 * (README "rescheduleUser"): each task's next reminder, the daily prompt (`prompt:<userId>`, when
 * journal_prompt_at is set) and the weekly reflection (`weekly:<userId>`, when weekly_reflection_on is set),
 * all in the preferences' time zone (UTC without a row), each strictly after `now`; rows with nothing left to
 * fire are deleted. Call it in the transaction that writes the preferences: it takes the user's schedule lock,
 * so a task event projected at the same time waits for it (or it for the event) and reads the new zone.
 */
export async function rescheduleUser(tx: PoolClient, userId: string, now: Date): Promise<void> {
  await lockUserSchedule(tx, userId);
  const { rows } = await tx.query<PreferencesDbRow>(
    `SELECT time_zone, to_char(journal_prompt_at, 'HH24:MI:SS') AS journal_prompt_at, weekly_reflection_on
       FROM notification_preferences WHERE user_id = $1`,
    [userId],
  );
  const preferences = rows[0];
  const timeZone = usableTimeZone(preferences?.time_zone);
  const tasks = await taskRemindersOf(tx, { userId });
  const planned: Planned[] = tasks.map((task) => plannedTask(task, timeZone, now));
  planned.push({
    key: promptScheduleKey(userId),
    userId,
    kind: 'JOURNAL_PROMPT',
    subjectId: null,
    next: preferences?.journal_prompt_at ? nextJournalPrompt(preferences.journal_prompt_at, timeZone, now) : null,
  });
  planned.push({
    key: weeklyScheduleKey(userId),
    userId,
    kind: 'WEEKLY_REFLECTION',
    subjectId: null,
    next: preferences?.weekly_reflection_on ? nextWeeklyReflection(preferences.weekly_reflection_on, timeZone, now) : null,
  });
  await writeSchedule(tx, planned, now);
}
