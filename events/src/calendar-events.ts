import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { personal } from './privacy/personal.js';
import { Id, Instant, RecurrenceRule } from './scalars.js';

// Aggregate: calendarEvent (aggregateId = calendarEventId). Named "calendar event" throughout so it is
// never confused with the domain events this package describes.

const calendarEventState = {
  title: personal(z.string().min(1)),
  startsAt: Instant,
  endsAt: Instant,
  recurrence: RecurrenceRule.nullable(),
};

// A calendar event that ends before it starts is a bug upstream; reject it at the contract.
const endsAfterStart = (p: { startsAt: string; endsAt: string }) => Date.parse(p.endsAt) >= Date.parse(p.startsAt);
const endsAfterStartIssue = { message: 'endsAt must not be before startsAt', path: ['endsAt'] };

export const CalendarEventScheduledPayload = z
  .object({ calendarEventId: Id, ...calendarEventState, scheduledAt: Instant })
  .refine(endsAfterStart, endsAfterStartIssue);
export type CalendarEventScheduledPayload = z.infer<typeof CalendarEventScheduledPayload>;

export const CalendarEventField = z.enum(['title', 'startsAt', 'endsAt', 'recurrence']);
export type CalendarEventField = z.infer<typeof CalendarEventField>;

/** The calendar event's full state after the change. */
export const CalendarEventUpdatedPayload = z
  .object({
    calendarEventId: Id,
    ...calendarEventState,
    changedFields: z.array(CalendarEventField).min(1),
    updatedAt: Instant,
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type CalendarEventUpdatedPayload = z.infer<typeof CalendarEventUpdatedPayload>;

/** Cancelling removes the calendar event (and every occurrence of a recurring one). */
export const CalendarEventCancelledPayload = z.object({ calendarEventId: Id, cancelledAt: Instant });
export type CalendarEventCancelledPayload = z.infer<typeof CalendarEventCancelledPayload>;

export const calendarEvents = {
  CalendarEventScheduled: defineEvent(CalendarEventScheduledPayload, { aggregateIdOf: (p) => p.calendarEventId }),
  CalendarEventUpdated: defineEvent(CalendarEventUpdatedPayload, { aggregateIdOf: (p) => p.calendarEventId }),
  CalendarEventCancelled: defineEvent(CalendarEventCancelledPayload, { aggregateIdOf: (p) => p.calendarEventId }),
};
