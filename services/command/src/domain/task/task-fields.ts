import { dayStart, validDay, validTimeOfDay } from '../shared/calendar-values.js';
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
  return { title, description, date, dueTime, priority, category, recurrence };
}

function validPriority(priority: string | null | undefined): Priority | DomainError {
  if (priority === undefined || priority === null) return taskDefaults.priority;
  return (priorities as readonly string[]).includes(priority) ? (priority as Priority) : badInput('priority', `priority must be one of ${priorities.join(', ')}`);
}
