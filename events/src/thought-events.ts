import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { personal } from './privacy/personal.js';
import { Id, Instant, Tag } from './scalars.js';

// Aggregate: thought (aggregateId = thoughtId).

const thoughtState = { text: personal(z.string().min(1)), tags: z.array(Tag) };

export const ThoughtCapturedPayload = z.object({ thoughtId: Id, ...thoughtState, capturedAt: Instant });
export type ThoughtCapturedPayload = z.infer<typeof ThoughtCapturedPayload>;

export const ThoughtField = z.enum(['text', 'tags']);
export type ThoughtField = z.infer<typeof ThoughtField>;

/** The thought's full state after the change. */
export const ThoughtUpdatedPayload = z.object({
  thoughtId: Id,
  ...thoughtState,
  changedFields: z.array(ThoughtField).min(1),
  updatedAt: Instant,
});
export type ThoughtUpdatedPayload = z.infer<typeof ThoughtUpdatedPayload>;

export const ThoughtDeletedPayload = z.object({ thoughtId: Id, deletedAt: Instant });
export type ThoughtDeletedPayload = z.infer<typeof ThoughtDeletedPayload>;

export const thoughtEvents = {
  ThoughtCaptured: defineEvent(ThoughtCapturedPayload, { aggregateIdOf: (p) => p.thoughtId }),
  ThoughtUpdated: defineEvent(ThoughtUpdatedPayload, { aggregateIdOf: (p) => p.thoughtId }),
  ThoughtDeleted: defineEvent(ThoughtDeletedPayload, { aggregateIdOf: (p) => p.thoughtId }),
};
