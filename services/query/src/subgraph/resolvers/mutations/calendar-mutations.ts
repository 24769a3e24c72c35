import type { ScheduleEvent } from '../../commands/calendar-commands.js';
import type { SubgraphContext } from '../../context.js';
import { metadata, sendTyped } from './send-command.js';

export const calendarMutations = {
  async scheduleEvent(_root: unknown, { input }: { input: ScheduleEvent }, context: SubgraphContext) {
    const written = await sendTyped('calendarEvent', () => context.commands.scheduleEvent(input, metadata(context)));
    return { event: written.record, consistencyToken: written.consistencyToken };
  },

  async cancelEvent(_root: unknown, { id }: { id: string }, context: SubgraphContext) {
    return sendTyped('calendarEvent', () => context.commands.cancelEvent(id, metadata(context)));
  },
};
