import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { Id, Instant, Tag } from './scalars.js';

// Aggregate: tag (aggregateId = tagId). A user's tag vocabulary, for autocomplete and tag pages: emitted
// the first time a user uses a tag on anything.

export const TagCreatedPayload = z.object({ tagId: Id, userId: Id, tag: Tag, createdAt: Instant });
export type TagCreatedPayload = z.infer<typeof TagCreatedPayload>;

export const tagEvents = {
  TagCreated: defineEvent(TagCreatedPayload, { aggregateIdOf: (p) => p.tagId }),
};
