import { newEvent, type AnyEvent } from '@mindflow/events';
import type { EntryEvent } from '../../domain/entry/entry-events.js';
import type { Plan } from '../../domain/journal/journal.js';
import type { EnvelopeMeta } from '../envelope-meta.js';

/**
 * The published form of an entry fact; `newEvent` checks it against the contract (types and zod).
 * Created and Updated carry the author's plan at the time of writing (the insights projector acts on it).
 */
export function entryEnvelope(event: EntryEvent, meta: EnvelopeMeta, authorPlan: Plan): AnyEvent {
  switch (event.type) {
    case 'JournalEntryCreated': {
      const { ownerId: _owner, ...payload } = event.data; // the owner travels as the envelope's userId
      return newEvent('JournalEntryCreated', { ...meta, payload: { ...payload, tags: [...payload.tags], authorPlan } });
    }
    case 'JournalEntryUpdated':
      return newEvent('JournalEntryUpdated', {
        ...meta,
        payload: { ...event.data, tags: [...event.data.tags], changedFields: [...event.data.changedFields], authorPlan },
      });
    case 'JournalEntryDeleted':
      return newEvent('JournalEntryDeleted', { ...meta, payload: event.data });
    case 'MoodRecorded':
      return newEvent('MoodRecorded', { ...meta, payload: event.data });
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled entry event ${JSON.stringify(unhandled)}`);
    }
  }
}
