import type { DeliveryChannel } from '@mindflow/events';
import { chooseChannels } from '../domain/channels.js';
import { nextJournalPrompt, nextWeeklyReflection } from '../domain/daily-and-weekly.js';
import { promptQuestion } from '../domain/daily-prompt.js';
import { nextTaskReminder } from '../domain/task-reminder.js';
import { localDate, usableTimeZone } from '../domain/time-zone.js';
import type { DueFiring, NewNotification, NextFiring } from './ports/schedule-store.js';

/** What firing one due row decides: its notification, the channels it goes out on, and where the row goes next. */
export interface Firing {
  readonly notification: NewNotification;
  readonly channels: readonly DeliveryChannel[];
  /** The webhook ids a WEBHOOK delivery goes to (empty unless `channels` has WEBHOOK). */
  readonly webhookIds: readonly string[];
  readonly next: NextFiring;
}

/** How the next fire time of a `task:` row is found after it fired at `after`; null deletes the row. */
export type NextTaskFiring = (due: DueFiring, timeZone: string, after: Date) => NextFiring;

/** The task's next reminder after this one (its next occurrence not completed, or none): the domain's rule. */
export const nextTaskFiring: NextTaskFiring = (due, timeZone, after) =>
  due.task
    ? nextTaskReminder({ ...due.task, recurrence: typeof due.task.recurrence === 'string' ? due.task.recurrence : null }, timeZone, after)
    : null;

export { defaultPromptQuestion } from '../domain/daily-prompt.js';

/**
 * Decides one due row: the notification (`dedupe_key = key@occurrence`), its channels (the domain's choice: the
 * user's for the kind, IN_APP + EMAIL + WEBHOOK by default, inside quiet hours IN_APP only, no EMAIL after the
 * one-click unsubscribe; EMAIL only with an address, WEBHOOK per live webhook subscribed to the kind), and the row's
 * next fire time strictly after both this one and `now` (a scheduler that was down catches up once, not per
 * missed occurrence).
 */
export function decideFiring(due: DueFiring, now: Date, id: string, nextTask: NextTaskFiring = nextTaskFiring): Firing {
  const timeZone = usableTimeZone(due.preferences?.timeZone);
  const { title, body } = contentOf(due, timeZone);
  const subjectType = due.kind === 'TASK_DUE' && due.subjectId ? 'Task' : null;
  const notification: NewNotification = {
    id,
    userId: due.userId,
    kind: due.kind,
    title,
    body,
    subjectType,
    subjectId: subjectType ? due.subjectId : null,
    dedupeKey: `${due.key}@${due.occurrence}`,
    createdAt: now,
  };
  const chosen = chooseChannels(due.kind, due.preferences, now);
  const channels: DeliveryChannel[] = [];
  if (chosen.has('EMAIL') && due.hasEmail) channels.push('EMAIL');
  const webhookIds = chosen.has('WEBHOOK') ? due.webhooks.filter((w) => w.kinds.includes(due.kind)).map((w) => w.id) : [];
  if (webhookIds.length > 0) channels.push('WEBHOOK');
  const after = new Date(Math.max(due.fireAt.getTime(), now.getTime()));
  return { notification, channels, webhookIds, next: nextOf(due, timeZone, after, nextTask) };
}

function contentOf(due: DueFiring, timeZone: string): { title: string; body: string } {
  switch (due.kind) {
    case 'TASK_DUE': {
      const task = due.task;
      if (!task) return { title: 'Task reminder', body: 'A task is due' };
      const occurrence = /^\d{4}-\d{2}-\d{2}$/.test(due.occurrence) ? due.occurrence : task.date;
      const today = localDate(due.fireAt, timeZone);
      const body = task.dueTime
        ? occurrence === today ? `Due at ${task.dueTime}` : `Due ${occurrence} at ${task.dueTime}`
        : occurrence === today ? 'Due today' : `Due ${occurrence}`;
      return { title: task.title, body };
    }
    case 'JOURNAL_PROMPT':
      return { title: 'Time to write', body: promptQuestion(due.recentThemes ?? [], due.occurrence) };
    case 'WEEKLY_REFLECTION':
      return { title: 'Your week in review', body: 'Look back on your week: your weekly reflection is ready to read.' };
    case 'INSIGHTS_READY':
      return { title: 'New insights', body: 'Insights on your recent entries are ready.' };
  }
}

function nextOf(due: DueFiring, timeZone: string, after: Date, nextTask: NextTaskFiring): NextFiring {
  if (due.key.startsWith('task:')) return nextTask(due, timeZone, after);
  const prefs = due.preferences;
  if (due.kind === 'JOURNAL_PROMPT') return prefs?.journalPromptAt ? nextJournalPrompt(prefs.journalPromptAt, timeZone, after) : null;
  if (due.kind === 'WEEKLY_REFLECTION') return prefs?.weeklyReflectionOn ? nextWeeklyReflection(prefs.weeklyReflectionOn, timeZone, after) : null;
  return null;
}
