import { newEvent, type AnyEvent } from '@mindflow/events';
import type { TaskEvent } from '../../domain/task/task-events.js';
import type { EnvelopeMeta } from '../envelope-meta.js';

/** The published form of a task fact; `newEvent` checks it against the contract (types and zod). */
export function taskEnvelope(event: TaskEvent, meta: EnvelopeMeta): AnyEvent {
  switch (event.type) {
    case 'TaskCreated': {
      const { ownerId: _owner, ...payload } = event.data; // the owner travels as the envelope's userId
      return newEvent('TaskCreated', { ...meta, payload });
    }
    case 'TaskUpdated':
      return newEvent('TaskUpdated', { ...meta, payload: { ...event.data, changedFields: [...event.data.changedFields] } });
    case 'TaskCompleted':
      return newEvent('TaskCompleted', { ...meta, payload: event.data });
    case 'TaskReopened':
      return newEvent('TaskReopened', { ...meta, payload: event.data });
    case 'TaskDeleted':
      return newEvent('TaskDeleted', { ...meta, payload: event.data });
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled task event ${JSON.stringify(unhandled)}`);
    }
  }
}
