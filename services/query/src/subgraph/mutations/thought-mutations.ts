import type { MutationResolvers } from '../generated/resolvers-types.js';
import { metadata, sendTyped } from './send-command.js';

export const thoughtMutations: MutationResolvers = {
  async captureThought(_root, { text, tags, idempotencyKey }, context) {
    const written = await sendTyped('thought', () => context.commands.captureThought({ text, tags: tags ?? [] }, metadata(context, idempotencyKey)));
    return { thought: written.record, consistencyToken: written.consistencyToken };
  },

  /** Absent (or null) text stays; tags, when given, replace the list, and null means no tags. */
  async updateThought(_root, { id, expectedVersion, text, tags }, context) {
    const patch = { ...(text != null ? { text } : {}), ...(tags !== undefined ? { tags: tags ?? [] } : {}) };
    const written = await sendTyped('thought', () => context.commands.updateThought(id, expectedVersion, patch, metadata(context)));
    return { thought: written.record, consistencyToken: written.consistencyToken };
  },

  async deleteThought(_root, { id }, context) {
    return sendTyped('thought', () => context.commands.deleteThought(id, metadata(context)));
  },
};
