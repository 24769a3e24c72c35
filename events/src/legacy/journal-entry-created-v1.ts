import { z } from 'zod';
import type { JournalEntryCreatedPayload } from '../entry-events.js';
import { Id, Instant } from '../scalars.js';
import { defineUpcaster } from '../upcaster.js';
import { Mood } from '../vocabulary.js';
import { countWords } from '../word-count.js';

// JournalEntryCreated as first published (schemaVersion 1). Frozen: events of this shape sit in the log
// forever, so this file is never edited, and it spells its fields out instead of reusing today's ones.

export const JournalEntryCreatedV1Payload = z.object({
  entryId: Id,
  journalId: Id,
  title: z.string().nullable(),
  content: z.string(),
  mood: z.enum(['great', 'good', 'okay', 'low', 'bad', 'stressed', 'anxious', 'calm', 'grateful']).nullable(),
  /** One string, comma-separated: `"work, gratitude"`. */
  tags: z.string(),
  weather: z.string().nullable(),
  location: z.string().nullable(),
  createdAt: Instant,
});
export type JournalEntryCreatedV1Payload = z.infer<typeof JournalEntryCreatedV1Payload>;

/** V1 → V2: tags become a list, mood takes the API's upper-case spelling, wordCount is computed. */
export const journalEntryCreatedV1ToV2 = defineUpcaster({
  eventType: 'JournalEntryCreated',
  fromVersion: 1,
  from: JournalEntryCreatedV1Payload,
  upcast(v1): JournalEntryCreatedPayload {
    return {
      entryId: v1.entryId,
      journalId: v1.journalId,
      title: v1.title,
      content: v1.content,
      mood: v1.mood === null ? null : Mood.parse(v1.mood.toUpperCase()),
      tags: [...new Set(v1.tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))],
      wordCount: countWords(v1.content),
      weather: v1.weather,
      location: v1.location,
      createdAt: v1.createdAt,
    };
  },
});
