import type { Reader } from './reader.js';
import { countOf, toConnection, type Connection } from './connection.js';
import { priorities, type Priority, type TaskRecord } from './records.js';
import { encodeTaskCursor, type TaskPosition } from './task-cursor.js';
import { checkOccurrenceRange, completedOccurrencesBetween, occurrencesOf } from './task-occurrences.js';

// Every query names the owner: a task of someone else reads exactly like one that does not exist.
// Days and times are read as text, so no time zone can shift them.

const columns = `task_id, owner_id, title, description, to_char(date, 'YYYY-MM-DD') AS day, due_time, priority, category,
  recurrence, remind_at, reminder_minutes_before, completed, completed_at, version, created_at, updated_at, coalesce(due_time, '24:00') AS due_key`;

export interface TaskRow {
  task_id: string;
  owner_id: string;
  title: string;
  description: string | null;
  day: string;
  due_time: string | null;
  priority: string;
  category: string;
  recurrence: string | null;
  remind_at: Date | null;
  reminder_minutes_before: number | null;
  completed: boolean;
  completed_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  due_key: string;
}

export interface TaskFilter {
  /** Series that still occur on or after this day. */
  readonly from?: string | undefined;
  /** Series that start on or before this day. */
  readonly to?: string | undefined;
  readonly completed?: boolean | undefined;
}

export async function tasksByIds(pool: Reader, ownerId: string, ids: readonly string[]): Promise<TaskRecord[]> {
  const { rows } = await pool.query<TaskRow>(
    `SELECT ${columns} FROM tasks_view WHERE task_id = ANY($1::uuid[]) AND owner_id = $2 AND deleted_at IS NULL`,
    [ids, ownerId],
  );
  return rows.map(taskRecord);
}

const filtered = `owner_id = $1 AND deleted_at IS NULL
  AND ($2::date IS NULL OR last_date >= $2::date) AND ($3::date IS NULL OR date <= $3::date)
  AND ($4::boolean IS NULL OR completed = $4::boolean)`;

/**
 * The owner's live tasks whose series overlaps [from, to] (a one-off task: whose date lies in it), in
 * date order, then due time (tasks without one last), then id. With both bounds, one per occurrence.
 */
export async function tasksOf(pool: Reader, ownerId: string, filter: TaskFilter, size: number, after?: TaskPosition): Promise<Connection<TaskRecord>> {
  if (filter.from !== undefined && filter.to !== undefined) return occurrencesIn(pool, ownerId, { ...filter, from: filter.from, to: filter.to }, size, after);
  const values = [ownerId, filter.from ?? null, filter.to ?? null, filter.completed ?? null];
  const { rows } = await pool.query<TaskRow>(
    `SELECT ${columns} FROM tasks_view
      WHERE ${filtered}
        AND ($5::date IS NULL OR (date, coalesce(due_time, '24:00'), task_id) > ($5::date, $6::text, $7::uuid))
      ORDER BY date, coalesce(due_time, '24:00'), task_id
      LIMIT $8`,
    [...values, after?.date ?? null, after?.due ?? null, after?.id ?? null, size + 1],
  );
  const count = countOf(pool, `SELECT count(*)::int AS n FROM tasks_view WHERE ${filtered}`, values);
  const page = rows.map((row) => ({ record: taskRecord(row), cursor: encodeTaskCursor({ date: row.day, due: row.due_key, id: row.task_id }) }));
  return toConnection(page, size, count);
}

/** Most series one range read expands (as the calendar): beyond it, the latest-starting ones are left out. */
export const seriesLimit = 2_000;

/**
 * `tasks(from, to)` with both bounds: every occurrence in the range (a one-off task is its own), each
 * completed or open on its own, filtered, ordered and paged like the series.
 */
async function occurrencesIn(
  pool: Reader, ownerId: string, filter: TaskFilter & { from: string; to: string }, size: number, after?: TaskPosition,
): Promise<Connection<TaskRecord>> {
  const all = await taskOccurrencesBetween(pool, ownerId, filter.from, filter.to);
  const matching = all.filter((task) => filter.completed === undefined || task.completed === filter.completed);
  const position = (task: TaskRecord): TaskPosition => ({ date: task.date, due: task.dueTime ?? '24:00', id: task.id });
  const rest = after ? matching.filter((task) => comparePositions(position(task), after) > 0) : matching;
  const page = rest.slice(0, size + 1).map((record) => ({ record, cursor: encodeTaskCursor(position(record)) }));
  return toConnection(page, size, () => Promise.resolve(matching.length));
}

/** Every occurrence of the owner's live tasks in [from, to], in `tasks` order (day, due time, id). */
export async function taskOccurrencesBetween(pool: Reader, ownerId: string, from: string, to: string): Promise<TaskRecord[]> {
  checkOccurrenceRange(from, to);
  const [series, completed] = await Promise.all([
    taskSeriesOverlapping(pool, ownerId, from, to, seriesLimit),
    completedOccurrencesBetween(pool, ownerId, from, to),
  ]);
  const occurrences = series.flatMap((task) => occurrencesOf(task, from, to, completed));
  const key = (task: TaskRecord) => ({ date: task.date, due: task.dueTime ?? '24:00', id: task.id });
  return occurrences.sort((a, b) => comparePositions(key(a), key(b)));
}

const comparePositions = (a: TaskPosition, b: TaskPosition) =>
  a.date.localeCompare(b.date) || a.due.localeCompare(b.due) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The owner's live task series that overlap [from, to], for the calendar (bounded: a calendar shows days). */
export async function taskSeriesOverlapping(pool: Reader, ownerId: string, from: string, to: string, limit: number): Promise<TaskRecord[]> {
  const { rows } = await pool.query<TaskRow>(
    `SELECT ${columns} FROM tasks_view WHERE ${filtered} ORDER BY date, coalesce(due_time, '24:00'), task_id LIMIT $5`,
    [ownerId, from, to, null, limit],
  );
  return rows.map(taskRecord);
}

export function taskRecord(row: TaskRow): TaskRecord {
  return {
    id: row.task_id,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    date: row.day,
    dueTime: row.due_time,
    priority: priorities.includes(row.priority as Priority) ? (row.priority as Priority) : 'MEDIUM',
    category: row.category,
    completed: row.completed,
    completedAt: row.completed_at,
    recurrence: row.recurrence,
    remindAt: row.remind_at,
    reminderMinutesBefore: row.reminder_minutes_before,
    occurrence: null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
