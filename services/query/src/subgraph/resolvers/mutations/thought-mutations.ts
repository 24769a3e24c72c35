import type { SubgraphContext } from '../../context.js';
import { metadata, sendTyped } from './send-command.js';

interface CaptureThoughtArgs {
  text: string;
  tags?: readonly string[] | null;
  idempotencyKey?: string | null;
}

interface UpdateThoughtArgs {
  id: string;
  expectedVersion: number;
  text?: string | null;
  tags?: readonly string[] | null;
}

export const thoughtMutations = {
  async captureThought(_root: unknown, { text, tags, idempotencyKey }: CaptureThoughtArgs, context: SubgraphContext) {
    const written = await sendTyped('thought', () => context.commands.captureThought({ text, tags: tags ?? [] }, metadata(context, idempotencyKey)));
    return { thought: written.record, consistencyToken: written.consistencyToken };
  },

  /** Absent (or null) text stays; tags, when given, replace the list, and null means no tags. */
  async updateThought(_root: unknown, { id, expectedVersion, text, tags }: UpdateThoughtArgs, context: SubgraphContext) {
    const patch = { ...(text != null ? { text } : {}), ...(tags !== undefined ? { tags: tags ?? [] } : {}) };
    const written = await sendTyped('thought', () => context.commands.updateThought(id, expectedVersion, patch, metadata(context)));
    return { thought: written.record, consistencyToken: written.consistencyToken };
  },

  async deleteThought(_root: unknown, { id }: { id: string }, context: SubgraphContext) {
    return sendTyped('thought', () => context.commands.deleteThought(id, metadata(context)));
  },
};
