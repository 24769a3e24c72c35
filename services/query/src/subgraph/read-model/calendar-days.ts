import type { Reader } from './reader.js';
import { badUserInput } from '../errors.js';
import { dayStart, occurrencesBetween, utcDay } from '@mindflow/calendar';
import { eventSeriesOverlapping } from './calendar-event-reads.js';
import type { CalendarEventRecord, TaskRecord } from './records.js';
import { completedOccurrencesBetween, occurrencesOf } from './task-occurrences.js';
import { taskSeriesOverlapping } from './task-reads.js';

export interface CalendarDay {
  readonly date: string;
  readonly tasks: TaskRecord[];
  readonly events: CalendarEventRecord[];
}

/** A month view with its leading and trailing weeks fits; a quarter is the most one request may span. */
export const calendarLimits = { days: 92, series: 2_000 } as const;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The caller's days from `start` to `end` (inclusive, UTC days), each with the tasks and calendar events
 * that occur on it: recurring series expanded (RFC 5545, rrule), an event on every day it overlaps.
 * An occurrence carries its own day (task, with its own completion) or span (event); its id is the
 * series', which is what the mutations take (with the occurrence's day, for a task).
 */
export async function calendarDays(pool: Reader, ownerId: string, start: string, end: string): Promise<CalendarDay[]> {
  if (end < start) throw badUserInput('end must not be before start', 'end');
  const windowStart = dayStart(start);
  const count = Math.round((dayStart(end).getTime() - windowStart.getTime()) / dayMs) + 1;
  if (count > calendarLimits.days) throw badUserInput(`a calendar spans at most ${calendarLimits.days} days`, 'end');
  const days: CalendarDay[] = Array.from({ length: count }, (_, i) => ({
    date: utcDay(new Date(windowStart.getTime() + i * dayMs)),
    tasks: [],
    events: [],
  }));
  const windowEnd = new Date(windowStart.getTime() + count * dayMs);
  const [tasks, completed, events] = await Promise.all([
    taskSeriesOverlapping(pool, ownerId, start, end, calendarLimits.series),
    completedOccurrencesBetween(pool, ownerId, start, end),
    eventSeriesOverlapping(pool, ownerId, windowStart, windowEnd, calendarLimits.series),
  ]);

  for (const task of tasks) {
    for (const occurrence of occurrencesOf(task, start, end, completed)) days[dayIndex(windowStart, dayStart(occurrence.date))]?.tasks.push(occurrence);
  }
  for (const event of events) {
    const duration = event.endsAt.getTime() - event.startsAt.getTime();
    // An occurrence that started before the window may still run into it.
    const from = new Date(windowStart.getTime() - duration);
    for (const occurrence of occurrencesBetween({ start: event.startsAt, rule: event.recurrence }, from, new Date(windowEnd.getTime() - 1))) {
      const endsAt = new Date(occurrence.getTime() + duration);
      const first = Math.max(0, dayIndex(windowStart, occurrence));
      // The last day it overlaps (half-open: ending at midnight does not reach the next day); an instant stays on its own day.
      const last = Math.min(count - 1, duration === 0 ? first : Math.ceil((endsAt.getTime() - windowStart.getTime()) / dayMs) - 1);
      if (duration === 0 && occurrence < windowStart) continue;
      for (let i = first; i <= last; i++) days[i]!.events.push({ ...event, startsAt: occurrence, endsAt });
    }
  }
  for (const day of days) {
    day.tasks.sort((a, b) => (a.dueTime ?? '24:00').localeCompare(b.dueTime ?? '24:00') || a.title.localeCompare(b.title));
    day.events.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title));
  }
  return days;
}

const dayIndex = (windowStart: Date, at: Date) => Math.floor((at.getTime() - windowStart.getTime()) / dayMs);
