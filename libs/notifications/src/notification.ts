import { consistencyToken } from '@mindflow/event-log';
import { aggregateTypeOf, isEventType } from '@mindflow/events';
import { z } from 'zod';

// A notification is the compact, public-safe summary of one event that a gateway needs to tell a
// subscriber "this changed": which thing, how, and the write it comes from. It carries no content (entry
// text never travels through Redis); the gateway reads the current state through the supergraph.

export const entryChangeKinds = ['CREATED', 'UPDATED', 'DELETED'] as const;
export const taskChangeKinds = ['CREATED', 'UPDATED', 'COMPLETED', 'REOPENED', 'DELETED'] as const;
export const thoughtChangeKinds = ['CREATED', 'UPDATED', 'DELETED'] as const;
export const insightsChangeKinds = ['GENERATED'] as const;
export const notificationChangeKinds = ['CREATED'] as const;

const header = {
  eventId: z.uuid(),
  eventType: z.string().min(1),
  /** The owner: a notification only ever reaches this user's subscriptions. */
  userId: z.uuid(),
  /** The write this notification comes from: a read with `x-consistent-with` for it sees the change. */
  aggregateId: z.uuid(),
  aggregateVersion: z.number().int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The thing a subscriber asks about: the entry (also for its insights), the task, the thought or the notification. */
  subjectId: z.uuid(),
};

export const Notification = z.discriminatedUnion('subject', [
  z.object({ subject: z.literal('entry'), kind: z.enum(entryChangeKinds), ...header }),
  z.object({ subject: z.literal('task'), kind: z.enum(taskChangeKinds), ...header }),
  z.object({ subject: z.literal('thought'), kind: z.enum(thoughtChangeKinds), ...header }),
  z.object({ subject: z.literal('insights'), kind: z.enum(insightsChangeKinds), ...header }),
  z.object({ subject: z.literal('notification'), kind: z.enum(notificationChangeKinds), ...header }),
]);
export type Notification = z.infer<typeof Notification>;
export type NotificationSubject = Notification['subject'];

/** What a subject's notifications look like, e.g. `NotificationOf<'task'>['kind']`. */
export type NotificationOf<S extends NotificationSubject> = Extract<Notification, { subject: S }>;

/** Parses a notification from the wire (Redis); undefined for anything else. */
export function parseNotification(text: string): Notification | undefined {
  try {
    const result = Notification.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The consistency token of API.md for the write a notification comes from,
 * `base64url("<aggregateType>:<aggregateId>:<version>")` (CONVENTIONS.md): a subgraph that does not project
 * that aggregate type answers at once. An event type this build does not know gives the untyped form.
 */
export function consistencyTokenOf(notification: Notification): string {
  const { eventType, aggregateId, aggregateVersion: version } = notification;
  if (isEventType(eventType)) return consistencyToken({ aggregateType: aggregateTypeOf(eventType), aggregateId, version });
  return Buffer.from(`${aggregateId}:${version}`).toString('base64url');
}
