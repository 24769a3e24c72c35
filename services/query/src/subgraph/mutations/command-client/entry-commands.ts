import type { EntryRecord, Mood } from '../../read-model/records.js';
import type { CommandMetadata, Deleted, Patch, Written } from './command-port.js';

export interface CreateEntry {
  readonly journalId: string;
  readonly title?: string | null | undefined;
  readonly content: string;
  readonly mood?: Mood | null | undefined;
  readonly tags: readonly string[];
  /** Backdating: the moment the entry is about (absent or null: now). */
  readonly createdAt?: Date | null | undefined;
}

/**
 * `journalId` moves the entry; `tags`, when given, replaces the whole list (null: no tags); `createdAt` redates it
 * (absent or null: its date is kept).
 */
export type UpdateEntry = Patch<{ journalId: string; title: string; content: string; mood: Mood; tags: readonly string[]; createdAt: Date }>;

/** Entries. `expectedVersion` guards an edit; a delete without it wins over edits. */
export interface EntryCommands {
  createEntry(command: CreateEntry, metadata: CommandMetadata): Promise<Written<EntryRecord>>;
  updateEntry(id: string, expectedVersion: number, patch: UpdateEntry, metadata: CommandMetadata): Promise<Written<EntryRecord>>;
  deleteEntry(id: string, expectedVersion: number | undefined, metadata: CommandMetadata): Promise<Deleted>;
}
