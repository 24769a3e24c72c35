import type { CommandClient, Journal as WrittenJournal } from '@mindflow/proto';
import type { JournalRecord } from '../../read-model/records.js';
import { callContext, commandCall, deleted, optional, partialUpdate, written } from './grpc-call.js';
import type { JournalCommands } from './journal-commands.js';

/** Journals over gRPC (command.proto `CreateJournal` … `DeleteJournal`). */
export function grpcJournalCommands(client: CommandClient): JournalCommands {
  return {
    async createJournal(command, metadata) {
      const input = {
        name: command.name,
        ...optional('description', command.description),
        ...optional('color', command.color),
        ...optional('icon', command.icon),
        isPrivate: command.isPrivate,
      };
      const result = await commandCall(() => client.createJournal({ input }, callContext(metadata)));
      return written(result.journal, result.consistencyToken, (j) => journalRecord(j, metadata.userId, 0));
    },

    async updateJournal(id, expectedVersion, patch, metadata) {
      const { set, clearedFields } = partialUpdate(patch, ['name', 'description', 'color', 'icon', 'isPrivate']);
      const result = await commandCall(() =>
        client.updateJournal({ id, expectedVersion, input: { ...set, clearedFields } }, callContext(metadata)),
      );
      return written(result.journal, result.consistencyToken, (j) => journalRecord(j, metadata.userId));
    },

    async deleteJournal(id, expectedVersion, metadata) {
      return deleted(await commandCall(() => client.deleteJournal({ id, ...optional('expectedVersion', expectedVersion) }, callContext(metadata))));
    },
  };
}

/** `entryCount` is a read-side figure: known (0) for a journal just created, else left to the resolver. */
function journalRecord(journal: WrittenJournal, ownerId: string, entryCount?: number): JournalRecord {
  return {
    id: journal.id,
    ownerId,
    name: journal.name,
    description: journal.description ?? null,
    color: journal.color ?? null,
    icon: journal.icon ?? null,
    isPrivate: journal.isPrivate,
    version: journal.version,
    ...(entryCount === undefined ? {} : { entryCount }),
    createdAt: new Date(journal.createdAt),
    updatedAt: new Date(journal.updatedAt),
  };
}
