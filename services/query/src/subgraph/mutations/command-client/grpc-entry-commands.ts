import type { CommandClient, Entry as WrittenEntry } from '@mindflow/proto';
import { moods, type EntryRecord, type Mood } from '../../read-model/records.js';
import type { EntryCommands } from './entry-commands.js';
import { callContext, commandCall, deleted, idempotencyField, optional, partialUpdate, written } from './grpc-call.js';

/** Entries over gRPC (command.proto `CreateEntry` … `DeleteEntry`). */
export function grpcEntryCommands(client: CommandClient): EntryCommands {
  return {
    async createEntry(command, metadata) {
      const input = {
        journalId: command.journalId,
        ...optional('title', command.title),
        content: command.content,
        ...optional('mood', command.mood),
        tags: [...command.tags],
        ...optional('createdAt', command.createdAt?.toISOString()),
      };
      const result = await commandCall(() => client.createEntry({ input, ...idempotencyField(metadata) }, callContext(metadata)));
      return written(result.entry, result.consistencyToken, (e) => entryRecord(e, metadata.userId));
    },

    async updateEntry(id, expectedVersion, patch, metadata) {
      const { set, clearedFields } = partialUpdate(patch, ['journalId', 'title', 'content', 'mood']);
      // Tags travel as a TagList so that "leave them" (absent) and "no tags" (empty) differ; null means none.
      const tags = patch.tags === undefined ? {} : { tags: { values: [...(patch.tags ?? [])] } };
      const result = await commandCall(() =>
        client.updateEntry(
          { id, expectedVersion, input: { ...set, ...tags, clearedFields, ...optional('createdAt', patch.createdAt?.toISOString()) } },
          callContext(metadata),
        ),
      );
      return written(result.entry, result.consistencyToken, (e) => entryRecord(e, metadata.userId));
    },

    async deleteEntry(id, expectedVersion, metadata) {
      return deleted(await commandCall(() => client.deleteEntry({ id, ...optional('expectedVersion', expectedVersion) }, callContext(metadata))));
    },
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
