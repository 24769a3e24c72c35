/**
 * The facts about a calendar event, past tense. `data` is the published payload (`@mindflow/events`),
 * plus the owner on scheduling, which travels as the envelope's `userId`. (`CalendarEventUpdated` is in
 * the contract; no command of the API produces it yet.)
 */
export type CalendarEventEvent = CalendarEventScheduled | CalendarEventCancelled;

export interface CalendarEventScheduled {
  readonly type: 'CalendarEventScheduled';
  readonly data: {
    readonly calendarEventId: string;
    readonly ownerId: string;
    readonly title: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly recurrence: string | null;
    readonly scheduledAt: string;
  };
}

export interface CalendarEventCancelled {
  readonly type: 'CalendarEventCancelled';
  readonly data: { readonly calendarEventId: string; readonly cancelledAt: string };
}
