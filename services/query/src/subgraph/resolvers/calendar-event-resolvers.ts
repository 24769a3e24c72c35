import { authenticated, type SubgraphContext } from '../context.js';

export const CalendarEvent = {
  /** `_entities`: null when the event is not the caller's. */
  __resolveReference(reference: { id: string }, context: SubgraphContext) {
    return authenticated(context).loaders.calendarEvent.load(reference.id);
  },
};
