import type { CalendarEventEvent } from './calendar-event-events.js';
import type { CalendarEvent } from './calendar-event.js';

/** The calendar event after one more fact; each fact raises the version by exactly one. */
export function evolveCalendarEvent(state: CalendarEvent | null, event: CalendarEventEvent): CalendarEvent | null {
  switch (event.type) {
    case 'CalendarEventScheduled': {
      const { calendarEventId, scheduledAt, ...fields } = event.data;
      return { id: calendarEventId, ...fields, version: 1, createdAt: scheduledAt, updatedAt: scheduledAt, cancelledAt: null };
    }
    case 'CalendarEventCancelled':
      if (!state) return state;
      return { ...state, version: state.version + 1, updatedAt: event.data.cancelledAt, cancelledAt: event.data.cancelledAt };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled calendar event fact ${JSON.stringify(unhandled)}`);
    }
  }
}
