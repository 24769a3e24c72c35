import type { CreateEntry, UpdateEntry } from '../../commands/journal-commands.js';
import type { SubgraphContext } from '../../context.js';
import { metadata, sendTyped } from './send-command.js';

interface CreateEntryArgs {
  input: Omit<CreateEntry, 'tags'> & { tags?: readonly string[] | null };
  idempotencyKey?: string | null;
}

interface UpdateEntryArgs {
  id: string;
  expectedVersion: number;
  input: UpdateEntry;
}

export const entryMutations = {
  async createEntry(_root: unknown, { input, idempotencyKey }: CreateEntryArgs, context: SubgraphContext) {
    const command: CreateEntry = { ...input, tags: input.tags ?? [] };
    const written = await sendTyped('entry', () => context.commands.createEntry(command, metadata(context, idempotencyKey)));
    return { entry: written.record, consistencyToken: written.consistencyToken };
  },

  async updateEntry(_root: unknown, { id, expectedVersion, input }: UpdateEntryArgs, context: SubgraphContext) {
    const written = await sendTyped('entry', () => context.commands.updateEntry(id, expectedVersion, input, metadata(context)));
    return { entry: written.record, consistencyToken: written.consistencyToken };
  },

  async deleteEntry(_root: unknown, { id, expectedVersion }: { id: string; expectedVersion?: number | null }, context: SubgraphContext) {
    return sendTyped('entry', () => context.commands.deleteEntry(id, expectedVersion ?? undefined, metadata(context)));
  },
};
