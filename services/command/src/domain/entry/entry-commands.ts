/** What a caller may ask of entries, imperative. */
export type EntryCommand = CreateEntry | UpdateEntry | DeleteEntry;

export interface EntryFields {
  readonly title?: string | null;
  readonly content: string;
  readonly mood?: string | null;
  readonly tags?: readonly string[];
  readonly weather?: string | null;
  readonly location?: string | null;
}

/** `createdAt`: the moment the entry is about when it is written later (backdated); absent: now. */
export interface CreateEntry {
  readonly type: 'CreateEntry';
  readonly data: EntryFields & { readonly journalId: string; readonly callerId: string; readonly createdAt?: string | undefined };
}

/**
 * Absent fields stay as they are; `null` clears an optional one; a `journalId` moves the entry; a `createdAt`
 * redates it (the same rules as backdating a new entry).
 */
export interface UpdateEntry {
  readonly type: 'UpdateEntry';
  readonly data: Partial<EntryFields> & {
    readonly journalId?: string;
    readonly createdAt?: string | undefined;
    readonly entryId: string;
    readonly callerId: string;
    readonly expectedVersion: number;
  };
}

export interface DeleteEntry {
  readonly type: 'DeleteEntry';
  readonly data: { readonly entryId: string; readonly callerId: string; readonly expectedVersion?: number };
}
