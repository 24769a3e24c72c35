/** What a caller may ask of calendar events, imperative. */
export type CalendarEventCommand = ScheduleEvent | CancelEvent;

export interface ScheduleEvent {
  readonly type: 'ScheduleEvent';
  readonly data: {
    readonly ownerId: string;
    readonly title: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly recurrence?: string | null;
  };
}

/** Cancels the event and, for a recurring one, every occurrence. */
export interface CancelEvent {
  readonly type: 'CancelEvent';
  readonly data: { readonly calendarEventId: string; readonly callerId: string };
}
