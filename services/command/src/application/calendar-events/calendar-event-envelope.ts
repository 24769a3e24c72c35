import { newEvent, type AnyEvent } from '@mindflow/events';
import type { CalendarEventEvent } from '../../domain/calendar-event/calendar-event-events.js';
import type { EnvelopeMeta } from '../envelope-meta.js';

/** The published form of a calendar event fact; `newEvent` checks it against the contract (types and zod). */
export function calendarEventEnvelope(event: CalendarEventEvent, meta: EnvelopeMeta): AnyEvent {
  switch (event.type) {
    case 'CalendarEventScheduled': {
      const { ownerId: _owner, ...payload } = event.data; // the owner travels as the envelope's userId
      return newEvent('CalendarEventScheduled', { ...meta, payload });
    }
    case 'CalendarEventCancelled':
      return newEvent('CalendarEventCancelled', { ...meta, payload: event.data });
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled calendar event fact ${JSON.stringify(unhandled)}`);
    }
  }
}
