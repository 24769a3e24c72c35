/** What can be searched: the three kinds of things a user writes. */
export type SearchKind = 'entry' | 'thought' | 'task';

export const searchKinds: readonly SearchKind[] = ['entry', 'thought', 'task'];

/**
 * One searchable thing as the index keeps it, built from its aggregate's events. `version` is the
 * aggregate version of the event that produced it: an index never lets an older version replace a newer
 * one. A deletion is a tombstone (`deleted`), kept so a late, older event cannot bring the thing back.
 */
export interface SearchDocument {
  readonly id: string;
  readonly kind: SearchKind;
  readonly ownerId: string;
  /** Entries only: a journal's deletion hides its entries. */
  readonly journalId: string | null;
  readonly title: string | null;
  /** Entry content, thought text, task description (may be empty). */
  readonly body: string;
  readonly tags: readonly string[];
  /** A `Mood` enum value (entries), else null. */
  readonly mood: string | null;
  /** The day it belongs to (YYYY-MM-DD): an entry's or thought's creation day, a task's date. */
  readonly day: string;
  /** ISO-8601 creation instant. */
  readonly createdAt: string;
  readonly version: number;
  readonly deleted: boolean;
  /** Tasks only (kept so a task update can be rebuilt from a partial event); null otherwise. */
  readonly completed: boolean | null;
}

/** What a deletion event says about the thing it deletes. */
export interface Deletion {
  readonly id: string;
  readonly kind: SearchKind;
  readonly ownerId: string;
  readonly journalId: string | null;
  readonly version: number;
  readonly deletedAt: string;
}

/**
 * The tombstone a deletion leaves: built from the deletion alone (no read of what it deletes), holding no
 * text of the deleted thing, at the deletion's version, and never removed, so no late or replayed older
 * event can bring the document back. Every read filters tombstones out. Its day is the deletion's.
 */
export function tombstone({ id, kind, ownerId, journalId, version, deletedAt }: Deletion): SearchDocument {
  return {
    id, kind, ownerId, journalId, title: null, body: '', tags: [], mood: null, day: deletedAt.slice(0, 10), createdAt: deletedAt,
    version, deleted: true, completed: null,
  };
}
