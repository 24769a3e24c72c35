/**
 * The facts about a journal, past tense. `data` is the published payload (`@mindflow/events`), plus the
 * owner on creation, which travels as the envelope's `userId`.
 */
export type JournalEvent = JournalCreated | JournalUpdated | JournalDeleted;

export interface JournalCreated {
  readonly type: 'JournalCreated';
  readonly data: {
    readonly journalId: string;
    readonly ownerId: string;
    readonly name: string;
    readonly description: string | null;
    readonly color: string | null;
    readonly icon: string | null;
    readonly isPrivate: boolean;
    readonly createdAt: string;
  };
}

export type JournalField = 'name' | 'description' | 'color' | 'icon' | 'isPrivate';

/**
 * Carries the whole new state of the editable fields, so a consumer never needs the previous event, and
 * which of them changed (never empty: an edit that changes nothing is no fact).
 */
export interface JournalUpdated {
  readonly type: 'JournalUpdated';
  readonly data: {
    readonly journalId: string;
    readonly name: string;
    readonly description: string | null;
    readonly color: string | null;
    readonly icon: string | null;
    readonly isPrivate: boolean;
    readonly changedFields: readonly JournalField[];
    readonly updatedAt: string;
  };
}

export interface JournalDeleted {
  readonly type: 'JournalDeleted';
  readonly data: { readonly journalId: string; readonly deletedAt: string };
}
