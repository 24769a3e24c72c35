import type { NotificationFieldsFragment } from '../../graphql/generated';

export interface SubjectLink {
  readonly path: readonly string[];
  readonly label: string;
}

/** Where a notification's subject is shown: a task in the planner, an entry in its editor, a reflection on its page. */
export function subjectLink(notification: Pick<NotificationFieldsFragment, 'subject'>): SubjectLink | null {
  const subject = notification.subject;
  switch (subject?.__typename) {
    case 'Task': return { path: ['/planner'], label: 'Open the planner' };
    case 'Entry': return { path: ['/entries', subject.id], label: 'Open the entry' };
    case 'WeeklyReflection': return { path: ['/reflections', subject.id], label: 'Open the reflection' };
    default: return null;
  }
}

/** "5 min ago", "3 h ago", else the date and time (local). */
export function notificationTime(at: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(at)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
