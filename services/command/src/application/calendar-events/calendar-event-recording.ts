import type { CalendarEvent } from '../../domain/calendar-event/calendar-event.js';
import type { CalendarEventEvent } from '../../domain/calendar-event/calendar-event-events.js';
import { evolveCalendarEvent } from '../../domain/calendar-event/evolve-calendar-event.js';
import type { AggregateRecording, Recorded } from '../record-facts.js';
import { calendarEventEnvelope } from './calendar-event-envelope.js';

export const calendarEventRecording: AggregateRecording<CalendarEvent, CalendarEventEvent> = {
  name: 'calendar event',
  evolve: evolveCalendarEvent,
  envelope: calendarEventEnvelope,
  rows: (tx) => tx.calendarEvents,
};

export type CalendarEventWritten = Recorded<CalendarEvent>;
