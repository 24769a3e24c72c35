import type { Mood } from './entry.js';

/**
 * The facts about an entry, past tense. `data` is the published payload (`@mindflow/events`), plus the
 * owner on creation, which travels as the envelope's `userId`.
 */
export type EntryEvent = JournalEntryCreated | JournalEntryUpdated | JournalEntryDeleted | MoodRecorded;

export interface EntryContent {
  readonly title: string | null;
  readonly content: string;
  readonly mood: Mood | null;
  readonly tags: readonly string[];
  readonly weather: string | null;
  readonly location: string | null;
  readonly wordCount: number;
}

export interface JournalEntryCreated {
  readonly type: 'JournalEntryCreated';
  readonly data: EntryContent & {
    readonly entryId: string;
    readonly journalId: string;
    readonly ownerId: string;
    readonly createdAt: string;
  };
}

/** `createdAt`: the entry was redated (moved to the moment it is about). */
export type EntryField = 'journalId' | 'title' | 'content' | 'mood' | 'tags' | 'weather' | 'location' | 'createdAt';

/**
 * Carries the whole new content, so a consumer (search, insights) never needs the previous event, and
 * which fields changed (never empty), so insights re-analyse only when the content did.
 */
export interface JournalEntryUpdated {
  readonly type: 'JournalEntryUpdated';
  readonly data: EntryContent & {
    readonly entryId: string;
    readonly journalId: string;
    /** Present when the update redated the entry: the moment it is about now. */
    readonly createdAt?: string;
    readonly changedFields: readonly EntryField[];
    readonly updatedAt: string;
  };
}

export interface JournalEntryDeleted {
  readonly type: 'JournalEntryDeleted';
  readonly data: { readonly entryId: string; readonly journalId: string; readonly deletedAt: string };
}

/**
 * The mood of a live entry was set or changed, and nothing else about it: an update whose only change is a
 * new (non-null) mood. The mood given at creation is part of `JournalEntryCreated`; a mood cleared, or
 * changed together with other fields, is part of `JournalEntryUpdated`.
 */
export interface MoodRecorded {
  readonly type: 'MoodRecorded';
  readonly data: { readonly entryId: string; readonly mood: Mood; readonly recordedAt: string };
}
