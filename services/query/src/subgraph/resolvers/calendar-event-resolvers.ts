import { authenticated } from '../context.js';
import type { CalendarEventResolvers } from '../generated/resolvers-types.js';

export const CalendarEvent: CalendarEventResolvers = {
  /** `_entities`: null when the event is not the caller's. */
  __resolveReference(reference, context) {
    return authenticated(context).loaders.calendarEvent.load(reference.id);
  },
};
