import { z } from 'zod';
import type { AIInsightsGeneratedPayload } from '../insights-events.js';
import { Id, Instant } from '../scalars.js';
import { defineUpcaster } from '../upcaster.js';

// AIInsightsGenerated as first published (schemaVersion 1). Frozen: events of this shape sit in the log
// forever, so this file is never edited, and it spells its fields out instead of reusing today's ones.
// V1 could not say that an entry was not analysed: local-analyzer@2 wrote sentiment 0 (the field is a number),
// no themes, no suggestions and the summary below for a text it cannot read (not English).

export const AIInsightsGeneratedV1Payload = z.object({
  entryId: Id,
  sentiment: z.number().min(-1).max(1),
  themes: z.array(z.string().min(1)),
  summary: z.string(),
  suggestions: z.array(z.string()),
  generatedBy: z.string().min(1),
  generatedAt: Instant,
  entryVersion: z.number().int().min(1),
});
export type AIInsightsGeneratedV1Payload = z.infer<typeof AIInsightsGeneratedV1Payload>;

/** What local-analyzer@2 said, in V1, of a text it did not read; nothing else V1 carried meant that. */
const notAnalysedV1 = { generatedBy: 'local-analyzer@2', summary: 'Not analysed: the local analysis reads English only.' };

/** V1 → V2: `analysed` is false exactly for local-analyzer@2's "Not analysed" results, true for every other. */
export const aiInsightsGeneratedV1ToV2 = defineUpcaster({
  eventType: 'AIInsightsGenerated',
  fromVersion: 1,
  from: AIInsightsGeneratedV1Payload,
  upcast(v1): AIInsightsGeneratedPayload {
    const analysed = !(v1.generatedBy === notAnalysedV1.generatedBy && v1.summary === notAnalysedV1.summary);
    return { ...v1, analysed };
  },
});
