import { newEvent, type AnyEvent } from '@mindflow/events';
import type { ThoughtEvent } from '../../domain/thought/thought-events.js';
import type { EnvelopeMeta } from '../envelope-meta.js';

/** The published form of a thought fact; `newEvent` checks it against the contract (types and zod). */
export function thoughtEnvelope(event: ThoughtEvent, meta: EnvelopeMeta): AnyEvent {
  switch (event.type) {
    case 'ThoughtCaptured': {
      const { ownerId: _owner, ...payload } = event.data; // the owner travels as the envelope's userId
      return newEvent('ThoughtCaptured', { ...meta, payload: { ...payload, tags: [...payload.tags] } });
    }
    case 'ThoughtUpdated':
      return newEvent('ThoughtUpdated', {
        ...meta,
        payload: { ...event.data, tags: [...event.data.tags], changedFields: [...event.data.changedFields] },
      });
    case 'ThoughtDeleted':
      return newEvent('ThoughtDeleted', { ...meta, payload: event.data });
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled thought event ${JSON.stringify(unhandled)}`);
    }
  }
}
