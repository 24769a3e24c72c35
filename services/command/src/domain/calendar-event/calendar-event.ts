/**
 * A calendar event as the write side knows it (named "calendar event" throughout, never to be confused
 * with a domain event). Instants are ISO-8601 UTC strings; `recurrence` repeats it from `startsAt`.
 */
export interface CalendarEvent {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly recurrence: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** A cancelled event (every occurrence of it) keeps its row for version checks. */
  readonly cancelledAt: string | null;
}

export const calendarEventLimits = { title: 200 } as const;
