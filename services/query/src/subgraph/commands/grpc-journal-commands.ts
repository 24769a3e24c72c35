import type { CommandClient, Entry as WrittenEntry, Journal as WrittenJournal } from '@mindflow/proto';
import { moods, type EntryRecord, type JournalRecord, type Mood } from '../read-model/records.js';
import { callContext, commandCall, deleted, idempotencyField, optional, partialUpdate, written } from './grpc-call.js';
import type { JournalCommands } from './journal-commands.js';

/** Journals and entries over gRPC (command.proto `CreateJournal` … `DeleteEntry`). */
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

    async createEntry(command, metadata) {
      const input = {
        journalId: command.journalId,
        ...optional('title', command.title),
        content: command.content,
        ...optional('mood', command.mood),
        tags: [...command.tags],
      };
      const result = await commandCall(() => client.createEntry({ input, ...idempotencyField(metadata) }, callContext(metadata)));
      return written(result.entry, result.consistencyToken, (e) => entryRecord(e, metadata.userId));
    },

    async updateEntry(id, expectedVersion, patch, metadata) {
      const { set, clearedFields } = partialUpdate(patch, ['journalId', 'title', 'content', 'mood']);
      // Tags travel as a TagList so that "leave them" (absent) and "no tags" (empty) differ; null means none.
      const tags = patch.tags === undefined ? {} : { tags: { values: [...(patch.tags ?? [])] } };
      const result = await commandCall(() =>
        client.updateEntry({ id, expectedVersion, input: { ...set, ...tags, clearedFields } }, callContext(metadata)),
      );
      return written(result.entry, result.consistencyToken, (e) => entryRecord(e, metadata.userId));
    },

    async deleteEntry(id, expectedVersion, metadata) {
      return deleted(await commandCall(() => client.deleteEntry({ id, ...optional('expectedVersion', expectedVersion) }, callContext(metadata))));
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

function entryRecord(entry: WrittenEntry, ownerId: string): EntryRecord {
  return {
    id: entry.id,
    journalId: entry.journalId,
    ownerId,
    title: entry.title ?? null,
    content: entry.content,
    mood: moods.includes(entry.mood as Mood) ? (entry.mood as Mood) : null,
    tags: entry.tags,
    wordCount: entry.wordCount,
    version: entry.version,
    createdAt: new Date(entry.createdAt),
    updatedAt: new Date(entry.updatedAt),
  };
}
