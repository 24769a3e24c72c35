import { newEvent, type AnyEvent } from '@mindflow/events';
import type { EntryEvent } from '../../domain/entry/entry-events.js';
import type { EnvelopeMeta } from '../envelope-meta.js';

/** The published form of an entry fact; `newEvent` checks it against the contract (types and zod). */
export function entryEnvelope(event: EntryEvent, meta: EnvelopeMeta): AnyEvent {
  switch (event.type) {
    case 'JournalEntryCreated': {
      const { ownerId: _owner, ...payload } = event.data; // the owner travels as the envelope's userId
      return newEvent('JournalEntryCreated', { ...meta, payload: { ...payload, tags: [...payload.tags] } });
    }
    case 'JournalEntryUpdated':
      return newEvent('JournalEntryUpdated', {
        ...meta,
        payload: { ...event.data, tags: [...event.data.tags], changedFields: [...event.data.changedFields] },
      });
    case 'JournalEntryDeleted':
      return newEvent('JournalEntryDeleted', { ...meta, payload: event.data });
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled entry event ${JSON.stringify(unhandled)}`);
    }
  }
}
