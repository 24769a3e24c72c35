import type { DeliveryChannel } from '@mindflow/events';
import { addDays, instantOf, localParts, withinLocalRange } from './local-time.js';
import type { DueFiring, NewNotification, NextFiring } from './ports/schedule-store.js';

/** What firing one due row decides: its notification, the channels it goes out on, and where the row goes next. */
export interface Firing {
  readonly notification: NewNotification;
  readonly channels: readonly DeliveryChannel[];
  /** The webhook ids a WEBHOOK delivery goes to (empty unless `channels` has WEBHOOK). */
  readonly webhookIds: readonly string[];
  readonly next: NextFiring;
}

/** How the next fire time of a `task:` row is found (the domain's, once it exists); null deletes the row. */
export type NextTaskFiring = (due: DueFiring) => NextFiring;

/** Until the domain's next-fire function is wired: a task row fires once and goes. */
export const fireTaskOnce: NextTaskFiring = () => null;

const defaultChannels = ['IN_APP', 'EMAIL'] as const;

/** The daily prompt's question when nothing better is known. */
export const defaultPromptQuestion = 'What stood out to you today?';

/**
 * Decides one due row: the notification (`dedupe_key = key@occurrence`), its channels (the user's choice for the
 * kind, IN_APP + EMAIL by default; inside quiet hours only IN_APP; no EMAIL without an address or after the
 * one-click unsubscribe; WEBHOOK per live webhook subscribed to the kind), and the row's next fire time.
 */
export function decideFiring(due: DueFiring, now: Date, id: string, nextTaskFiring: NextTaskFiring): Firing {
  const timeZone = due.preferences?.timeZone ?? 'UTC';
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
  const chosen = due.preferences?.channels[due.kind] ?? defaultChannels;
  const prefs = due.preferences;
  const quiet = prefs?.quietStart && prefs.quietEnd ? withinLocalRange(localParts(now, timeZone).time, prefs.quietStart, prefs.quietEnd) : false;
  const channels: DeliveryChannel[] = [];
  let webhookIds: string[] = [];
  if (!quiet) {
    if (chosen.includes('EMAIL') && due.hasEmail && !prefs?.emailUnsubscribed) channels.push('EMAIL');
    // A webhook says which kinds it wants; a choice for the kind that leaves WEBHOOK out turns them off.
    const webhooksWanted = !(due.preferences?.channels[due.kind]) || chosen.includes('WEBHOOK');
    webhookIds = webhooksWanted ? due.webhooks.filter((w) => w.kinds.includes(due.kind)).map((w) => w.id) : [];
    if (webhookIds.length > 0) channels.push('WEBHOOK');
  }
  return { notification, channels, webhookIds, next: nextOf(due, timeZone, nextTaskFiring) };
}

function contentOf(due: DueFiring, timeZone: string): { title: string; body: string } {
  switch (due.kind) {
    case 'TASK_DUE': {
      const task = due.task;
      if (!task) return { title: 'Task reminder', body: 'A task is due' };
      const occurrence = /^\d{4}-\d{2}-\d{2}$/.test(due.occurrence) ? due.occurrence : task.date;
      const today = localParts(due.fireAt, timeZone).date;
      const body = task.dueTime
        ? occurrence === today ? `Due at ${task.dueTime}` : `Due ${occurrence} at ${task.dueTime}`
        : occurrence === today ? 'Due today' : `Due ${occurrence}`;
      return { title: task.title, body };
    }
    case 'JOURNAL_PROMPT':
      return { title: 'Time to write', body: defaultPromptQuestion };
    case 'WEEKLY_REFLECTION':
      return { title: 'Your week in review', body: 'Look back on your week: your weekly reflection is ready to read.' };
    case 'INSIGHTS_READY':
      return { title: 'New insights', body: 'Insights on your recent entries are ready.' };
  }
}

function nextOf(due: DueFiring, timeZone: string, nextTaskFiring: NextTaskFiring): NextFiring {
  if (due.key.startsWith('task:')) return nextTaskFiring(due);
  const days = due.key.startsWith('prompt:') ? 1 : due.key.startsWith('weekly:') ? 7 : 0;
  if (days === 0) return null;
  // The same local wall-clock time `days` later (DST keeps the local time, not the interval).
  const local = localParts(due.fireAt, timeZone);
  const date = addDays(local.date, days);
  return { fireAt: instantOf(date, local.time, timeZone), occurrence: date };
}
