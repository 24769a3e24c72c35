import { dayStart, validDay } from '../shared/calendar-values.js';
import { badInput, isDomainError, type DomainError } from '../shared/domain-error.js';
import { occursOn } from '../shared/recurrence-rule.js';
import type { Task } from './task.js';

const field = 'occurrence';

/**
 * Which occurrence a completion (or reopening) is about: a day of a recurring task's series, required, since
 * ticking one day must never tick the others; null for a one-off task, which may name its own date or nothing.
 */
export function occurrenceOf(task: Task, given: string | null | undefined): string | null | DomainError {
  const named = given === undefined || given === null || given.trim() === '' ? null : validDay(field, given);
  if (isDomainError(named)) return named;
  if (task.recurrence === null) {
    return named === null || named === task.date ? null : badInput(field, `occurrence ${named} is not this task's date (${task.date}): it does not repeat`);
  }
  if (named === null) return badInput(field, 'occurrence is required for a recurring task: which date is done?');
  return occursOn(task.recurrence, dayStart(task.date), dayStart(named)) ? named : badInput(field, `${named} is not a date of this task's series`);
}
