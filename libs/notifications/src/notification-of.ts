import type { AnyEvent, EventEnvelope, EventType } from '@mindflow/events';
import type { Notification } from './notification.js';

type Change = Pick<Notification, 'subject' | 'kind' | 'subjectId'>;

/**
 * What each event tells a subscriber, or null when no subscription cares (yet). A total table over the
 * catalogue: a new event type does not compile until someone decides whether it is live news.
 */
const changes: { readonly [T in EventType]: ((event: EventEnvelope<T>) => Change) | null } = {
  JournalEntryCreated: (e) => ({ subject: 'entry', kind: 'CREATED', subjectId: e.payload.entryId }),
  JournalEntryUpdated: (e) => ({ subject: 'entry', kind: 'UPDATED', subjectId: e.payload.entryId }),
  // The mood is a field of the entry: for a subscriber, the entry changed.
  MoodRecorded: (e) => ({ subject: 'entry', kind: 'UPDATED', subjectId: e.payload.entryId }),
  JournalEntryDeleted: (e) => ({ subject: 'entry', kind: 'DELETED', subjectId: e.payload.entryId }),
  TaskCreated: (e) => ({ subject: 'task', kind: 'CREATED', subjectId: e.payload.taskId }),
  TaskUpdated: (e) => ({ subject: 'task', kind: 'UPDATED', subjectId: e.payload.taskId }),
  TaskCompleted: (e) => ({ subject: 'task', kind: 'COMPLETED', subjectId: e.payload.taskId }),
  TaskReopened: (e) => ({ subject: 'task', kind: 'REOPENED', subjectId: e.payload.taskId }),
  TaskDeleted: (e) => ({ subject: 'task', kind: 'DELETED', subjectId: e.payload.taskId }),
  // thoughtChanged (issue 17). Converting a thought into an entry or a task deletes it: DELETED here, CREATED on the other's.
  ThoughtCaptured: (e) => ({ subject: 'thought', kind: 'CREATED', subjectId: e.payload.thoughtId }),
  ThoughtUpdated: (e) => ({ subject: 'thought', kind: 'UPDATED', subjectId: e.payload.thoughtId }),
  ThoughtDeleted: (e) => ({ subject: 'thought', kind: 'DELETED', subjectId: e.payload.thoughtId }),
  AIInsightsGenerated: (e) => ({ subject: 'insights', kind: 'GENERATED', subjectId: e.payload.entryId }),
  // The entry keeps its previous insights; nothing new to show.
  AIInsightsFailed: null,
  // A setting the user just changed themselves (the subgraph answers the mutation); read by the weekly reflection.
  InsightsSettingChanged: null,
  // No subscription is about these (journalChanged … would start here).
  UserRegistered: null,
  UserLoggedIn: null,
  JournalCreated: null,
  JournalUpdated: null,
  JournalDeleted: null,
  TagCreated: null,
  CalendarEventScheduled: null,
  CalendarEventUpdated: null,
  CalendarEventCancelled: null,
  // services/notifications (issue 14): a new notification of the user's notification centre (notificationReceived).
  NotificationCreated: (e) => ({ subject: 'notification', kind: 'CREATED', subjectId: e.payload.notificationId }),
  // Delivery outcomes of a notification already shown; nothing new for the centre.
  NotificationSent: null,
  NotificationFailed: null,
  WeeklyReflectionGenerated: null,
  // services/media (issue 15): the entry's attachments are read with the entry; no subscription is about them yet.
  AttachmentAdded: null,
  AttachmentRemoved: null,
  // Erasure (issue 16): the account is gone and its sessions with it; nobody is left to tell.
  UserErasureRequested: null,
  UserDataErased: null,
};

/** The event types that become notifications: what the notifier subscribes to. */
export const notifiedEventTypes: readonly EventType[] = Object.freeze(
  (Object.keys(changes) as EventType[]).filter((type) => changes[type] !== null),
);

/** The notification an event becomes, or undefined when it is no subscriber's business. */
export function notificationOf(event: AnyEvent): Notification | undefined {
  const change = (changes[event.eventType] as ((e: AnyEvent) => Change) | null)?.(event);
  if (!change) return undefined;
  return {
    ...change,
    eventId: event.eventId,
    eventType: event.eventType,
    userId: event.userId,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    occurredAt: event.occurredAt,
  } as Notification;
}
