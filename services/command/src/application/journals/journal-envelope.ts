import { newEvent, type AnyEvent } from '@mindflow/events';
import type { JournalEvent } from '../../domain/journal/journal-events.js';
import type { EnvelopeMeta } from '../envelope-meta.js';

/** The published form of a journal fact; `newEvent` checks it against the contract (types and zod). */
export function journalEnvelope(event: JournalEvent, meta: EnvelopeMeta): AnyEvent {
  switch (event.type) {
    case 'JournalCreated': {
      const { ownerId: _owner, ...payload } = event.data; // the owner travels as the envelope's userId
      return newEvent('JournalCreated', { ...meta, payload });
    }
    case 'JournalUpdated':
      return newEvent('JournalUpdated', { ...meta, payload: { ...event.data, changedFields: [...event.data.changedFields] } });
    case 'JournalDeleted':
      return newEvent('JournalDeleted', { ...meta, payload: event.data });
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled journal event ${JSON.stringify(unhandled)}`);
    }
  }
}
