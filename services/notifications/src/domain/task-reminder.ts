import { Temporal } from '@js-temporal/polyfill';
import { dayStart, lastOccurrence, occurrencesBetween, utcDay } from '@mindflow/calendar';
import { toDate, zonedAt, zonedInstant, type NextFire } from './time-zone.js';

/** The local time of a task's occurrence when the task has no dueTime (README "Task reminders"). */
export const defaultDueTime = '09:00';

/** A task's reminder plan (task_reminders): what the next fire time depends on. */
export interface TaskReminderPlan {
  /** The task's date, "YYYY-MM-DD" (its first occurrence when recurring). */
  readonly date: string;
  /** Local "HH:MM[:SS]" in the user's zone, or null (then 09:00). */
  readonly dueTime: string | null;
  /** The task's RRULE line, or null for a one-off task. */
  readonly recurrence: string | null;
  /** A one-off reminder at this instant. */
  readonly remindAt: Date | null;
  /** A reminder this many minutes before each occurrence's date + dueTime, local. */
  readonly minutesBefore: number | null;
  /** The task is completed as a whole (a one-off task, or a series completed by a V1 event): nothing reminds. */
  readonly completed: boolean;
  /** Completed occurrences of a recurring task ("YYYY-MM-DD"): skipped. */
  readonly completedOccurrences: readonly string[];
}

/**
 * Days of occurrences looked at by the first expansion, doubled per further one up to `maxWindowDays` (most
 * reminders are found in the first: a daily rule expands a month, not a year, per scheduler move). A series is
 * bounded (plans lie between 2000 and 2199), so is the walk.
 */
const firstWindowDays = 32;
const maxWindowDays = 1_024;
const lastPlanDay = '2199-12-31';

/**
 * How long a one-off `remindAt` may lie in the past when a task event sets it and still fire (at once): the command
 * service accepts one up to 5 minutes old (docs/CONVENTIONS.md, "Plans"), typed "for now".
 */
export const oneOffReminderGraceMs = 5 * 60_000;

export interface NextTaskReminderOptions {
  /** A `remindAt` up to this long before `after` still counts (the projector's and rescheduleUser's; never the scheduler's, after firing it). */
  readonly oneOffGraceMs?: number;
}

/**
 * The task's next reminder strictly after `after`: the one-off `remindAt`, or the first occurrence that is not
 * completed and whose reminder (`minutesBefore` before its date + dueTime, 09:00 without one, in `timeZone`)
 * falls after `after`; whichever comes first. Null when nothing is left to remind of. An occurrence whose
 * reminder time has passed is not reminded of late (the scheduler catches up a row it finds overdue).
 */
export function nextTaskReminder(plan: TaskReminderPlan, timeZone: string, after: Date, options: NextTaskReminderOptions = {}): NextFire | null {
  if (plan.completed) return null;
  const oneOffAfter = after.getTime() - (options.oneOffGraceMs ?? 0);
  const oneOff = plan.remindAt && plan.remindAt.getTime() > oneOffAfter ? { fireAt: plan.remindAt, occurrence: plan.remindAt.toISOString() } : null;
  const beforeOccurrence = plan.minutesBefore === null ? null : nextOccurrenceReminder(plan, plan.minutesBefore, timeZone, after);
  if (!oneOff) return beforeOccurrence;
  if (!beforeOccurrence) return oneOff;
  return beforeOccurrence.fireAt.getTime() < oneOff.fireAt.getTime() ? beforeOccurrence : oneOff;
}

function nextOccurrenceReminder(plan: TaskReminderPlan, minutesBefore: number, timeZone: string, after: Date): NextFire | null {
  const series = { start: dayStart(plan.date), rule: plan.recurrence };
  const last = lastOccurrence(series);
  const end = last ? utcDay(last) : lastPlanDay;
  const completed = new Set(plan.completedOccurrences);
  const dueTime = plan.dueTime ?? defaultDueTime;
  // An occurrence reminds at most `minutesBefore` (plus a day of zone offset) before its own day: earlier days
  // cannot remind after `after`.
  let from = zonedAt(after, timeZone).toPlainDate().subtract({ days: Math.ceil(minutesBefore / 1_440) + 2 }).toString();
  if (from < plan.date) from = plan.date;
  for (let windowDays = firstWindowDays; from <= end; windowDays = Math.min(windowDays * 2, maxWindowDays)) {
    const to = Temporal.PlainDate.from(from).add({ days: windowDays - 1 }).toString();
    for (const start of occurrencesBetween(series, dayStart(from), dayStart(to < end ? to : end))) {
      const occurrence = utcDay(start);
      if (completed.has(occurrence)) continue;
      const fireAt = toDate(zonedInstant(occurrence, dueTime, timeZone).subtract({ minutes: minutesBefore }));
      if (fireAt.getTime() > after.getTime()) return { fireAt, occurrence };
    }
    from = Temporal.PlainDate.from(to).add({ days: 1 }).toString();
  }
  return null;
}
