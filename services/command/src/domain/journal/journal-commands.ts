import type { Plan } from './journal.js';

/** What a caller may ask of journals, imperative. */
export type JournalCommand = CreateJournal | UpdateJournal | DeleteJournal;

export interface JournalFields {
  readonly name: string;
  readonly description?: string | null;
  readonly color?: string | null;
  readonly icon?: string | null;
  readonly isPrivate?: boolean;
}

export interface CreateJournal {
  readonly type: 'CreateJournal';
  readonly data: JournalFields & {
    readonly ownerId: string;
    readonly plan: Plan;
    /**
     * The owner's live (not deleted) journals, looked up by the handler under a per-owner lock: the plan
     * limit is a rule about the owner's shelf, not about one journal.
     */
    readonly ownerLiveJournals: number;
  };
}

/** Absent fields stay as they are; `null` clears an optional one. */
export interface UpdateJournal {
  readonly type: 'UpdateJournal';
  readonly data: Partial<JournalFields> & {
    readonly journalId: string;
    readonly callerId: string;
    readonly expectedVersion: number;
  };
}

/** Without `expectedVersion` the delete wins over concurrent edits (deleting is what the caller wants). */
export interface DeleteJournal {
  readonly type: 'DeleteJournal';
  readonly data: { readonly journalId: string; readonly callerId: string; readonly expectedVersion?: number };
}
