import type { Priority, TaskFieldsFragment, UpdateTaskInput } from '../../graphql/generated';
import { tooLong, type FieldProblems } from '../../shared/field-problems';
import { noReminder, reminderDraftOf, reminderFields, reminderProblems, type ReminderDraft } from './task-reminder';

/**
 * The command service's limits (services/command/src/domain/task/task.ts `taskLimits`, calendar-event.ts
 * `calendarEventLimits`), repeated so the planner says so while one types. The server stays the judge: a field
 * it refuses is pointed at all the same.
 */
export const taskLimits = { title: 200, description: 2_000 } as const;
export const eventLimits = { title: 200 } as const;

/** A task as its form holds it: text as typed, '' for an unset due time or repeat; its reminder (task-reminder.ts). */
export interface TaskDraft extends ReminderDraft {
  readonly title: string;
  readonly description: string;
  readonly date: string;
  readonly dueTime: string;
  readonly priority: Priority;
  readonly recurrence: string;
}

/** The fields of the task forms a refusal can point at (the API's names). */
export type TaskField = 'title' | 'description' | 'date' | 'dueTime' | 'priority' | 'recurrence' | 'reminder' | 'remindAt' | 'reminderMinutesBefore';
export const taskFormFields: readonly TaskField[] = [
  'title', 'description', 'date', 'dueTime', 'priority', 'recurrence', 'reminder', 'remindAt', 'reminderMinutesBefore',
];

export const recurrences = [
  { value: '', label: 'Does not repeat' },
  { value: 'FREQ=DAILY', label: 'Every day' },
  { value: 'FREQ=WEEKLY', label: 'Every week' },
  { value: 'FREQ=MONTHLY', label: 'Every month' },
  { value: 'FREQ=YEARLY', label: 'Every year' },
] as const;

/** The repeat choices, with a rule set elsewhere (e.g. `FREQ=WEEKLY;BYDAY=MO,TH`) kept as one of them. */
export function recurrenceChoices(current: string): readonly { value: string; label: string }[] {
  return !current || recurrences.some((r) => r.value === current) ? recurrences : [...recurrences, { value: current, label: `Custom (${current})` }];
}

export function newTaskDraft(date: string): TaskDraft {
  return { title: '', description: '', date, dueTime: '', priority: 'MEDIUM', recurrence: '', ...noReminder };
}

/** The form after a task was created from it: blank again (due time, priority and repeat too), on the same day. */
export function afterCreate(draft: TaskDraft): TaskDraft {
  return newTaskDraft(draft.date);
}

export function draftOfTask(
  task: Pick<TaskFieldsFragment, 'title' | 'description' | 'date' | 'dueTime' | 'priority' | 'recurrence'> & Partial<Pick<TaskFieldsFragment, 'remindAt' | 'reminderMinutesBefore'>>,
): TaskDraft {
  return {
    title: task.title, description: task.description ?? '', date: task.date, dueTime: task.dueTime ?? '',
    priority: task.priority, recurrence: task.recurrence ?? '',
    ...reminderDraftOf({ remindAt: task.remindAt ?? null, reminderMinutesBefore: task.reminderMinutesBefore ?? null }),
  };
}

export function sameTaskDraft(a: TaskDraft, b: TaskDraft): boolean {
  return taskFormFields.every((field) => a[field] === b[field]);
}

/** What the server would refuse in this draft, per field (an empty title is not a problem here: it holds the save back). */
export function taskProblems(draft: TaskDraft): FieldProblems<TaskField> {
  const problems: FieldProblems<TaskField> = {};
  const title = tooLong('A title', draft.title.trim().length, taskLimits.title);
  if (title) problems.title = title;
  const description = tooLong('A description', draft.description.trim().length, taskLimits.description);
  if (description) problems.description = description;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.date = 'Choose a date.';
  if (draft.dueTime && !/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.dueTime)) problems.dueTime = 'A due time is hours and minutes, like 09:30.';
  return { ...problems, ...reminderProblems(draft) };
}

/** A draft that can be sent: a title, and nothing over a limit. */
export function canSaveTask(draft: TaskDraft): boolean {
  return draft.title.trim().length > 0 && Object.keys(taskProblems(draft)).length === 0;
}

/** createTask's input for a draft. */
export function createTaskInput(draft: TaskDraft) {
  const reminder = reminderFields(draft);
  return {
    title: draft.title.trim(), date: draft.date, priority: draft.priority,
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.dueTime ? { dueTime: draft.dueTime } : {}),
    ...(draft.recurrence ? { recurrence: draft.recurrence } : {}),
    ...(reminder.remindAt !== null ? { remindAt: reminder.remindAt } : {}),
    ...(reminder.reminderMinutesBefore !== null ? { reminderMinutesBefore: reminder.reminderMinutesBefore } : {}),
  };
}

/** updateTask's partial input: only what changed from `saved`; a cleared description, due time or repeat is null. */
export function taskChanges(saved: TaskDraft, draft: TaskDraft): UpdateTaskInput {
  const changes: UpdateTaskInput = {};
  if (draft.title.trim() !== saved.title) changes.title = draft.title.trim();
  if (draft.description.trim() !== saved.description) changes.description = draft.description.trim() || null;
  if (draft.date !== saved.date) changes.date = draft.date;
  if (draft.dueTime !== saved.dueTime) changes.dueTime = draft.dueTime || null;
  if (draft.priority !== saved.priority) changes.priority = draft.priority;
  if (draft.recurrence !== saved.recurrence) changes.recurrence = draft.recurrence || null;
  const before = reminderFields(saved), after = reminderFields(draft);
  if (after.remindAt !== before.remindAt) changes.remindAt = after.remindAt;
  if (after.reminderMinutesBefore !== before.reminderMinutesBefore) changes.reminderMinutesBefore = after.reminderMinutesBefore;
  return changes;
}

/**
 * The task changed elsewhere while it was being edited: the fields not touched here take its new values, the
 * ones changed here stay as typed (saving then changes only those, on top of the other change).
 */
export function rebaseTaskDraft(base: TaskDraft, draft: TaskDraft, theirs: TaskDraft): TaskDraft {
  return Object.fromEntries(taskFormFields.map((field) => [field, draft[field] === base[field] ? theirs[field] : draft[field]])) as unknown as TaskDraft;
}

/** A new calendar event as its form holds it: a day, a start and end time (in the user's time zone), a repeat. */
export interface EventDraft {
  readonly title: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly recurrence: string;
}

export type EventField = 'title' | 'startsAt' | 'endsAt' | 'recurrence';
export const eventFormFields: readonly EventField[] = ['title', 'startsAt', 'endsAt', 'recurrence'];

export function newEventDraft(date: string): EventDraft {
  return { title: '', date, start: '09:00', end: '10:00', recurrence: '' };
}

export function eventProblems(draft: EventDraft): FieldProblems<EventField> {
  const problems: FieldProblems<EventField> = {};
  const title = tooLong('A title', draft.title.trim().length, eventLimits.title);
  if (title) problems.title = title;
  if (!draft.start || !/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.startsAt = 'Choose a day and a start time.';
  else if (!draft.end) problems.endsAt = 'Choose an end time.';
  else if (draft.end < draft.start) problems.endsAt = 'An event cannot end before it starts.';
  return problems;
}

export function canSaveEvent(draft: EventDraft): boolean {
  return draft.title.trim().length > 0 && Object.keys(eventProblems(draft)).length === 0;
}
