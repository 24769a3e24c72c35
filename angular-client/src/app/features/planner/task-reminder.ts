import { Pipe, type PipeTransform } from '@angular/core';
import type { TaskFieldsFragment } from '../../graphql/generated';
import { userTimeZone, wallClock, zonedInstant } from './zoned-time';

/**
 * A task's reminder as its form holds it (issue 14): none, at a moment (`remindAt`, a one-off instant, typed as the
 * wall clock `YYYY-MM-DDTHH:MM` in the user's time zone), or N minutes before the due time of each occurrence
 * (`reminderMinutesBefore`; 09:00 local stands in for a missing due time).
 */
export type ReminderMode = 'none' | 'at' | 'before';

export interface ReminderDraft {
  readonly reminder: ReminderMode;
  readonly remindAt: string;
  readonly reminderMinutesBefore: string;
}

export const reminderLimits = { minutesBefore: 10_080 } as const;

export const reminderModes: readonly { value: ReminderMode; label: string }[] = [
  { value: 'none', label: 'No reminder' },
  { value: 'at', label: 'At a time' },
  { value: 'before', label: 'Before the due time' },
];

export const noReminder: ReminderDraft = { reminder: 'none', remindAt: '', reminderMinutesBefore: '' };

export function reminderDraftOf(task: Pick<TaskFieldsFragment, 'remindAt' | 'reminderMinutesBefore'>, timeZone = userTimeZone()): ReminderDraft {
  if (task.remindAt) return { reminder: 'at', remindAt: wallClock(new Date(task.remindAt), timeZone), reminderMinutesBefore: '' };
  if (task.reminderMinutesBefore !== null) return { reminder: 'before', remindAt: '', reminderMinutesBefore: String(task.reminderMinutesBefore) };
  return noReminder;
}

/** Choosing a mode fills in a starting value: the due day at its time (or 09:00), 15 minutes before. */
export function chooseReminder(mode: ReminderMode, draft: ReminderDraft & { date: string; dueTime: string }): ReminderDraft {
  if (mode === 'at') return { reminder: 'at', remindAt: draft.remindAt || `${draft.date}T${draft.dueTime || '09:00'}`, reminderMinutesBefore: '' };
  if (mode === 'before') return { reminder: 'before', remindAt: '', reminderMinutesBefore: draft.reminderMinutesBefore || '15' };
  return noReminder;
}

/** The API's two fields for a draft (null: none). */
export function reminderFields(draft: ReminderDraft, timeZone = userTimeZone()): { remindAt: string | null; reminderMinutesBefore: number | null } {
  if (draft.reminder === 'at' && draft.remindAt) {
    const [day, time] = draft.remindAt.split('T');
    return { remindAt: zonedInstant(day!, time!.slice(0, 5), timeZone).toISOString(), reminderMinutesBefore: null };
  }
  if (draft.reminder === 'before' && draft.reminderMinutesBefore !== '') return { remindAt: null, reminderMinutesBefore: Number(draft.reminderMinutesBefore) };
  return { remindAt: null, reminderMinutesBefore: null };
}

export function reminderProblems(draft: ReminderDraft): { remindAt?: string; reminderMinutesBefore?: string } {
  if (draft.reminder === 'at' && !/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d/.test(draft.remindAt)) return { remindAt: 'Choose the day and time of the reminder.' };
  if (draft.reminder === 'before') {
    const text = draft.reminderMinutesBefore.trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n > reminderLimits.minutesBefore) return { reminderMinutesBefore: `Minutes before: a whole number from 0 to ${reminderLimits.minutesBefore} (a week).` };
  }
  return {};
}

/** How a task's reminder reads on the task: "reminder 15 min before", "reminder 7 Dec, 09:30". */
export function reminderLabel(task: Pick<TaskFieldsFragment, 'remindAt' | 'reminderMinutesBefore'>, timeZone = userTimeZone()): string | null {
  const parts: string[] = [];
  if (task.remindAt) {
    parts.push(new Date(task.remindAt).toLocaleString(undefined, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  }
  if (task.reminderMinutesBefore !== null && task.reminderMinutesBefore !== undefined) {
    const m = task.reminderMinutesBefore;
    parts.push(m === 0 ? 'at the due time' : m % 60 === 0 ? `${m / 60} h before` : `${m} min before`);
  }
  return parts.length ? `reminder ${parts.join(' and ')}` : null;
}

@Pipe({ name: 'reminderLabel' })
export class ReminderLabelPipe implements PipeTransform {
  transform(task: Pick<TaskFieldsFragment, 'remindAt' | 'reminderMinutesBefore'>): string | null {
    return reminderLabel(task);
  }
}
