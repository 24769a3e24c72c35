import { dayStart, validDay, validInstant, validTimeOfDay } from '../shared/calendar-values.js';
import { badInput, isDomainError, type DomainError } from '../shared/domain-error.js';
import { validRecurrence } from '../shared/recurrence-rule.js';
import { optionalText, requiredText } from '../shared/text-rules.js';
import type { TaskFields } from './task-commands.js';
import { priorities, taskDefaults, taskLimits, type Priority, type TaskPlan } from './task.js';

/** Checks and normalizes a task's plan; the first refused field is reported. */
export function validTaskPlan(fields: TaskFields): TaskPlan | DomainError {
  const title = requiredText('title', fields.title, taskLimits.title);
  if (isDomainError(title)) return title;
  const description = optionalText('description', fields.description, taskLimits.description);
  if (isDomainError(description)) return description;
  const date = validDay('date', fields.date);
  if (isDomainError(date)) return date;
  const dueTime = fields.dueTime === undefined || fields.dueTime === null || fields.dueTime.trim() === '' ? null : validTimeOfDay('dueTime', fields.dueTime);
  if (isDomainError(dueTime)) return dueTime;
  const priority = validPriority(fields.priority);
  if (isDomainError(priority)) return priority;
  const category = fields.category === undefined || fields.category === null ? taskDefaults.category : requiredText('category', fields.category, taskLimits.category);
  if (isDomainError(category)) return category;
  // The series starts on the task's date: a rule that never falls on or after it is refused.
  const recurrence = validRecurrence(fields.recurrence, dayStart(date));
  if (isDomainError(recurrence)) return recurrence;
  const remindAt = fields.remindAt === undefined || fields.remindAt === null ? null : validInstant('remindAt', fields.remindAt);
  if (isDomainError(remindAt)) return remindAt;
  const reminderMinutesBefore = validMinutesBefore(fields.reminderMinutesBefore);
  if (isDomainError(reminderMinutesBefore)) return reminderMinutesBefore;
  return { title, description, date, dueTime, priority, category, recurrence, remindAt, reminderMinutesBefore };
}

/**
 * How long a one-off reminder may lie in the past when it is set: a reminder typed at 10:00 for 10:00 reaches
 * the command a few seconds late (and fires at once), one set for an hour ago is a mistake the user should hear of.
 */
export const remindAtGraceMs = 5 * 60_000;

/**
 * A newly set or changed `remindAt` must not lie in the past (beyond the grace): it would never fire. One that
 * is only kept (an edit of the title of a task reminded yesterday) is not checked again.
 */
export function checkRemindAtAhead(remindAt: string | null, previous: string | null, now: string): DomainError | null {
  if (remindAt === null || remindAt === previous) return null;
  return Date.parse(remindAt) < Date.parse(now) - remindAtGraceMs ? badInput('remindAt', `remindAt ${remindAt} is in the past`) : null;
}

function validMinutesBefore(minutes: number | null | undefined): number | null | DomainError {
  if (minutes === undefined || minutes === null) return null;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > taskLimits.reminderMinutesBefore) {
    return badInput('reminderMinutesBefore', `reminderMinutesBefore must be a whole number of minutes from 0 to ${taskLimits.reminderMinutesBefore} (a week)`);
  }
  return minutes;
}

function validPriority(priority: string | null | undefined): Priority | DomainError {
  if (priority === undefined || priority === null) return taskDefaults.priority;
  return (priorities as readonly string[]).includes(priority) ? (priority as Priority) : badInput('priority', `priority must be one of ${priorities.join(', ')}`);
}
