import { z } from 'zod';
import type { JournalEntryUpdatedPayload } from '../entry-events.js';
import { Id, Instant } from '../scalars.js';
import { defineUpcaster } from '../upcaster.js';
import { Mood } from '../vocabulary.js';

// JournalEntryUpdated as first published (schemaVersion 1). Frozen: events of this shape sit in the log
// forever, so this file is never edited, and it spells its fields out instead of reusing today's ones.
// V1 could not redate an entry: no `createdAt`, and `changedFields` never names it.

export const JournalEntryUpdatedV1Payload = z.object({
  entryId: Id,
  journalId: Id,
  title: z.string().nullable(),
  content: z.string(),
  mood: Mood.nullable(),
  tags: z.array(z.string().min(1)),
  wordCount: z.number().int().nonnegative(),
  weather: z.string().nullable(),
  location: z.string().nullable(),
  authorPlan: z.enum(['free', 'premium']).optional(),
  changedFields: z.array(z.enum(['journalId', 'title', 'content', 'mood', 'tags', 'weather', 'location'])).min(1),
  updatedAt: Instant,
});
export type JournalEntryUpdatedV1Payload = z.infer<typeof JournalEntryUpdatedV1Payload>;

/** V1 → V2: the same change, which kept the entry's date (no `createdAt`). */
export const journalEntryUpdatedV1ToV2 = defineUpcaster({
  eventType: 'JournalEntryUpdated',
  fromVersion: 1,
  from: JournalEntryUpdatedV1Payload,
  upcast(v1): JournalEntryUpdatedPayload {
    return { ...v1, tags: [...v1.tags], changedFields: [...v1.changedFields] };
  },
});
