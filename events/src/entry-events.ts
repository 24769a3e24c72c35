import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { personal } from './privacy/personal.js';
import { Id, Instant, Tag } from './scalars.js';
import { Mood } from './vocabulary.js';

// Aggregate: entry (aggregateId = entryId). MoodRecorded is about an entry too, so it shares the entry's
// version sequence and topic: a consumer sees an entry's mood and content changes in the order they happened.

// The entry's full state; Created and Updated both carry all of it so a read model never needs the
// previous event to apply one.
const entryState = {
  journalId: Id,
  title: personal(z.string().nullable()),
  content: personal(z.string()),
  mood: Mood.nullable(),
  tags: z.array(Tag),
  wordCount: z.number().int().nonnegative(),
  weather: personal(z.string().nullable()),
  location: personal(z.string().nullable()),
  /**
   * The author's plan when they wrote it (the insights projector gives premium authors Claude). Optional, so
   * older events stay valid: absent means free.
   */
  authorPlan: z.enum(['free', 'premium']).optional(),
};

/** Schema version 2. Version 1 (tags as one comma-separated string, lower-case mood, no wordCount) lives in `legacy/`. */
export const JournalEntryCreatedPayload = z.object({ entryId: Id, ...entryState, createdAt: Instant });
export type JournalEntryCreatedPayload = z.infer<typeof JournalEntryCreatedPayload>;

/** `createdAt` (schema version 2): the entry was redated, i.e. moved to another moment (the day it is about). */
export const EntryField = z.enum(['journalId', 'title', 'content', 'mood', 'tags', 'weather', 'location', 'createdAt']);
export type EntryField = z.infer<typeof EntryField>;

/**
 * Schema version 2: the entry's full state after the change, and `createdAt` when the change redated it (the
 * moment the entry is about; absent: it keeps its date). `changedFields` says what changed so a consumer can skip
 * work (the insights projector re-analyses only when `content` changed); it is not needed to apply the event.
 * Version 1 (no redating) lives in `legacy/`.
 */
export const JournalEntryUpdatedPayload = z.object({
  entryId: Id,
  ...entryState,
  createdAt: Instant.optional(),
  changedFields: z.array(EntryField).min(1),
  updatedAt: Instant,
});
export type JournalEntryUpdatedPayload = z.infer<typeof JournalEntryUpdatedPayload>;

/** Soft delete; journalId lets a consumer update per-journal counts without a lookup. */
export const JournalEntryDeletedPayload = z.object({ entryId: Id, journalId: Id, deletedAt: Instant });
export type JournalEntryDeletedPayload = z.infer<typeof JournalEntryDeletedPayload>;

/** The mood of an entry was set or changed; the entry's other fields are untouched. */
export const MoodRecordedPayload = z.object({ entryId: Id, mood: Mood, recordedAt: Instant });
export type MoodRecordedPayload = z.infer<typeof MoodRecordedPayload>;

export const entryEvents = {
  JournalEntryCreated: defineEvent(JournalEntryCreatedPayload, { schemaVersion: 2, aggregateIdOf: (p) => p.entryId }),
  JournalEntryUpdated: defineEvent(JournalEntryUpdatedPayload, { schemaVersion: 2, aggregateIdOf: (p) => p.entryId }),
  JournalEntryDeleted: defineEvent(JournalEntryDeletedPayload, { aggregateIdOf: (p) => p.entryId }),
  MoodRecorded: defineEvent(MoodRecordedPayload, { aggregateIdOf: (p) => p.entryId }),
};
