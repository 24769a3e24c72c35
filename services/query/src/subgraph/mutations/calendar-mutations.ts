import type { MutationResolvers } from '../generated/resolvers-types.js';
import { metadata, sendTyped } from './send-command.js';

export const calendarMutations: MutationResolvers = {
  async scheduleEvent(_root, { input }, context) {
    const written = await sendTyped('calendarEvent', () => context.commands.scheduleEvent(input, metadata(context)));
    return { event: written.record, consistencyToken: written.consistencyToken };
  },

  async cancelEvent(_root, { id }, context) {
    return sendTyped('calendarEvent', () => context.commands.cancelEvent(id, metadata(context)));
  },
};
