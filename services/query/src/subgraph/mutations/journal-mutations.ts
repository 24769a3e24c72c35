import type { CreateJournal } from './command-client/journal-commands.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { metadata, sendTyped } from './send-command.js';

export const journalMutations: MutationResolvers = {
  async createJournal(_root, { input }, context) {
    const command: CreateJournal = { ...input, isPrivate: input.isPrivate ?? false };
    const written = await sendTyped('journal', () => context.commands.createJournal(command, metadata(context)));
    return { journal: written.record, consistencyToken: written.consistencyToken };
  },

  async updateJournal(_root, { id, expectedVersion, input }, context) {
    const written = await sendTyped('journal', () => context.commands.updateJournal(id, expectedVersion, input, metadata(context)));
    return { journal: written.record, consistencyToken: written.consistencyToken };
  },

  async deleteJournal(_root, { id, expectedVersion }, context) {
    return sendTyped('journal', () => context.commands.deleteJournal(id, expectedVersion ?? undefined, metadata(context)));
  },
};
