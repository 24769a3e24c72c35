import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { notPersonal, personal } from './privacy/personal.js';
import { Id, Instant } from './scalars.js';

// Aggregate: journal (aggregateId = journalId). The owner is the envelope's userId.

// Everything a read model needs to show a journal; Created and Updated both carry all of it.
const journalState = {
  name: personal(z.string().min(1)),
  description: personal(z.string().nullable()),
  color: notPersonal(z.string().nullable(), 'a colour code from the palette'),
  icon: notPersonal(z.string().nullable(), 'an icon name from the set'),
  isPrivate: z.boolean(),
};

export const JournalCreatedPayload = z.object({ journalId: Id, ...journalState, createdAt: Instant });
export type JournalCreatedPayload = z.infer<typeof JournalCreatedPayload>;

export const JournalField = z.enum(['name', 'description', 'color', 'icon', 'isPrivate']);
export type JournalField = z.infer<typeof JournalField>;

/** The journal's full state after the change, plus which fields changed (for notifications, not for applying). */
export const JournalUpdatedPayload = z.object({
  journalId: Id,
  ...journalState,
  changedFields: z.array(JournalField).min(1),
  updatedAt: Instant,
});
export type JournalUpdatedPayload = z.infer<typeof JournalUpdatedPayload>;

/**
 * Soft delete. The journal's entries go with it: consumers drop every entry whose journalId matches. The
 * command side does not emit a JournalEntryDeleted per entry (a journal may hold thousands of them).
 */
export const JournalDeletedPayload = z.object({ journalId: Id, deletedAt: Instant });
export type JournalDeletedPayload = z.infer<typeof JournalDeletedPayload>;

export const journalEvents = {
  JournalCreated: defineEvent(JournalCreatedPayload, { aggregateIdOf: (p) => p.journalId }),
  JournalUpdated: defineEvent(JournalUpdatedPayload, { aggregateIdOf: (p) => p.journalId }),
  JournalDeleted: defineEvent(JournalDeletedPayload, { aggregateIdOf: (p) => p.journalId }),
};
