import type { JournalRecord } from '../../read-model/records.js';
import type { CommandMetadata, Deleted, Patch, Written } from './command-port.js';

export interface CreateJournal {
  readonly name: string;
  readonly description?: string | null | undefined;
  readonly color?: string | null | undefined;
  readonly icon?: string | null | undefined;
  readonly isPrivate: boolean;
}

export type UpdateJournal = Patch<{ name: string; description: string; color: string; icon: string; isPrivate: boolean }>;

/** Journals. `expectedVersion` guards an edit; a delete without it wins over edits. */
export interface JournalCommands {
  createJournal(command: CreateJournal, metadata: CommandMetadata): Promise<Written<JournalRecord>>;
  updateJournal(id: string, expectedVersion: number, patch: UpdateJournal, metadata: CommandMetadata): Promise<Written<JournalRecord>>;
  deleteJournal(id: string, expectedVersion: number | undefined, metadata: CommandMetadata): Promise<Deleted>;
}
