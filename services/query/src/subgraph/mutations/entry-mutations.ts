import type { CreateEntry } from './command-client/entry-commands.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { metadata, sendTyped } from './send-command.js';

export const entryMutations: MutationResolvers = {
  async createEntry(_root, { input, idempotencyKey }, context) {
    const command: CreateEntry = { ...input, tags: input.tags ?? [] };
    const written = await sendTyped('entry', () => context.commands.createEntry(command, metadata(context, idempotencyKey)));
    return { entry: written.record, consistencyToken: written.consistencyToken };
  },

  async updateEntry(_root, { id, expectedVersion, input }, context) {
    const written = await sendTyped('entry', () => context.commands.updateEntry(id, expectedVersion, input, metadata(context)));
    return { entry: written.record, consistencyToken: written.consistencyToken };
  },

  async deleteEntry(_root, { id, expectedVersion }, context) {
    return sendTyped('entry', () => context.commands.deleteEntry(id, expectedVersion ?? undefined, metadata(context)));
  },
};
