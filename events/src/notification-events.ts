import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { notPersonal, personal } from './privacy/personal.js';
import { CalendarDate, Id, Instant } from './scalars.js';

// Emitted by the notifications service through its own outbox (services/notifications).

export const NotificationKind = z.enum(['TASK_DUE', 'JOURNAL_PROMPT', 'WEEKLY_REFLECTION', 'INSIGHTS_READY']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** The channels a notification is sent on besides the in-app centre (which every notification is in). */
export const DeliveryChannel = z.enum(['EMAIL', 'WEBHOOK']);
export type DeliveryChannel = z.infer<typeof DeliveryChannel>;

// Aggregate: notification (aggregateId = notificationId). Created once (version 1), then one event per
// delivery outcome.

export const NotificationCreatedPayload = z.object({
  notificationId: Id,
  userId: Id,
  kind: NotificationKind,
  title: personal(z.string().min(1)),
  body: personal(z.string()),
  subjectType: z.enum(['Task', 'Entry', 'WeeklyReflection']).nullable(),
  subjectId: Id.nullable(),
  /** The channels it will be sent on (quiet hours and the user's choices applied); IN_APP is implied. */
  channels: z.array(DeliveryChannel),
  createdAt: Instant,
});
export type NotificationCreatedPayload = z.infer<typeof NotificationCreatedPayload>;

export const NotificationSentPayload = z.object({
  notificationId: Id,
  userId: Id,
  channel: DeliveryChannel,
  /** The webhook's id for WEBHOOK; null for EMAIL (the address is personal data and stays out of the log). */
  targetId: Id.nullable(),
  attempts: z.number().int().min(1),
  sentAt: Instant,
});
export type NotificationSentPayload = z.infer<typeof NotificationSentPayload>;

/** A delivery given up after `attempts` tries (a webhook may be disabled with it: `webhookDisabled`). */
export const NotificationFailedPayload = z.object({
  notificationId: Id,
  userId: Id,
  channel: DeliveryChannel,
  targetId: Id.nullable(),
  attempts: z.number().int().min(1),
  reason: notPersonal(z.string().min(1), 'a generic delivery error (addresses and hosts go to the server log only)'),
  webhookDisabled: z.boolean(),
  failedAt: Instant,
});
export type NotificationFailedPayload = z.infer<typeof NotificationFailedPayload>;

export const notificationEvents = {
  NotificationCreated: defineEvent(NotificationCreatedPayload, { aggregateIdOf: (p) => p.notificationId }),
  NotificationSent: defineEvent(NotificationSentPayload, { aggregateIdOf: (p) => p.notificationId }),
  NotificationFailed: defineEvent(NotificationFailedPayload, { aggregateIdOf: (p) => p.notificationId }),
};

// Aggregate: weeklyReflection (aggregateId = reflectionId; one per user and week, version 1).

export const WeeklyReflectionGeneratedPayload = z.object({
  reflectionId: Id,
  userId: Id,
  weekStart: CalendarDate,
  entryCount: z.number().int().min(0),
  themes: personal(z.array(z.string().min(1))),
  summary: personal(z.string()),
  highlightEntryIds: z.array(Id),
  generatedBy: notPersonal(z.string().min(1), 'a model or analyzer name'),
  generatedAt: Instant,
});
export type WeeklyReflectionGeneratedPayload = z.infer<typeof WeeklyReflectionGeneratedPayload>;

export const weeklyReflectionEvents = {
  WeeklyReflectionGenerated: defineEvent(WeeklyReflectionGeneratedPayload, { aggregateIdOf: (p) => p.reflectionId }),
};
