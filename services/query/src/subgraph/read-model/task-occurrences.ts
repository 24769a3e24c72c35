import type { Reader } from './reader.js';
import { badUserInput } from '../errors.js';
import { dayStart, occurrencesBetween, utcDay } from '@mindflow/calendar';
import type { TaskRecord } from './records.js';

// A recurring task is read one occurrence at a time (tasks(from, to), the calendar, taskStats), each
// completed or open on its own: its completed days are rows of task_occurrences_view. A one-off task is its
// own single occurrence, completed as a whole (tasks_view.completed).

/** How many days a range expanded to occurrences may span: bounds the work one request may ask for. */
export const occurrenceRangeDays = 366;

const dayMs = 24 * 60 * 60 * 1000;

/** Refuses (on `to`) a range longer than `occurrenceRangeDays`. */
export function checkOccurrenceRange(from: string, to: string): void {
  if ((dayStart(to).getTime() - dayStart(from).getTime()) / dayMs + 1 > occurrenceRangeDays) {
    throw badUserInput(`a range read occurrence by occurrence spans at most ${occurrenceRangeDays} days`, 'to');
  }
}

/** When each completed occurrence in [from, to] was completed, by task id, then day. */
export type CompletedOccurrences = ReadonlyMap<string, ReadonlyMap<string, Date>>;

export async function completedOccurrencesBetween(pool: Reader, ownerId: string, from: string, to: string): Promise<CompletedOccurrences> {
  const { rows } = await pool.query<{ task_id: string; day: string; completed_at: Date }>(
    `SELECT task_id, to_char(occurrence, 'YYYY-MM-DD') AS day, completed_at FROM task_occurrences_view
      WHERE owner_id = $1 AND occurrence BETWEEN $2::date AND $3::date`,
    [ownerId, from, to],
  );
  const byTask = new Map<string, Map<string, Date>>();
  for (const row of rows) {
    const days = byTask.get(row.task_id) ?? new Map<string, Date>();
    days.set(row.day, row.completed_at);
    byTask.set(row.task_id, days);
  }
  return byTask;
}

/** A completed occurrence of a recurring task: its day and when it was completed. */
export interface OccurrenceCompletion { readonly occurrence: string; readonly completedAt: Date }

/**
 * Every completed occurrence of each of these tasks of the owner, by task id, each by day (Task.completedOccurrences,
 * the account export): one statement for a page of tasks (the subgraph's loader batches them), not one per task.
 */
export async function completedOccurrencesOfTasks(pool: Reader, ownerId: string, taskIds: readonly string[]): Promise<Map<string, OccurrenceCompletion[]>> {
  const byTask = new Map<string, OccurrenceCompletion[]>();
  if (!taskIds.length) return byTask;
  const { rows } = await pool.query<{ task_id: string; day: string; completed_at: Date }>(
    `SELECT task_id, to_char(occurrence, 'YYYY-MM-DD') AS day, completed_at FROM task_occurrences_view
      WHERE owner_id = $1 AND task_id = ANY($2::uuid[]) ORDER BY task_id, occurrence`,
    [ownerId, taskIds],
  );
  for (const row of rows) {
    const days = byTask.get(row.task_id) ?? [];
    days.push({ occurrence: row.day, completedAt: row.completed_at });
    byTask.set(row.task_id, days);
  }
  return byTask;
}

/**
 * The task's occurrences in [from, to] (UTC days), in order: a one-off task as it is (when its date lies in
 * the range); each day of a recurring series with `date` and `occurrence` set to it and its own completion.
 */
export function occurrencesOf(task: TaskRecord, from: string, to: string, completed: CompletedOccurrences): TaskRecord[] {
  if (task.recurrence === null) return task.date >= from && task.date <= to ? [task] : [];
  const done = completed.get(task.id);
  return occurrencesBetween({ start: dayStart(task.date), rule: task.recurrence }, dayStart(from), dayStart(to)).map((start) => {
    const day = utcDay(start);
    const completedAt = done?.get(day) ?? null;
    return { ...task, date: day, occurrence: day, completed: completedAt !== null, completedAt };
  });
}
