import type { CreateJournal, UpdateJournal } from '../../commands/journal-commands.js';
import type { SubgraphContext } from '../../context.js';
import { metadata, sendTyped } from './send-command.js';

interface CreateJournalArgs {
  input: Omit<CreateJournal, 'isPrivate'> & { isPrivate?: boolean | null };
}

interface UpdateJournalArgs {
  id: string;
  expectedVersion: number;
  input: UpdateJournal;
}

export const journalMutations = {
  async createJournal(_root: unknown, { input }: CreateJournalArgs, context: SubgraphContext) {
    const command: CreateJournal = { ...input, isPrivate: input.isPrivate ?? false };
    const written = await sendTyped('journal', () => context.commands.createJournal(command, metadata(context)));
    return { journal: written.record, consistencyToken: written.consistencyToken };
  },

  async updateJournal(_root: unknown, { id, expectedVersion, input }: UpdateJournalArgs, context: SubgraphContext) {
    const written = await sendTyped('journal', () => context.commands.updateJournal(id, expectedVersion, input, metadata(context)));
    return { journal: written.record, consistencyToken: written.consistencyToken };
  },

  async deleteJournal(_root: unknown, { id, expectedVersion }: { id: string; expectedVersion?: number | null }, context: SubgraphContext) {
    return sendTyped('journal', () => context.commands.deleteJournal(id, expectedVersion ?? undefined, metadata(context)));
  },
};
