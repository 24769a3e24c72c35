import { changed, created, softDeleted } from '../shared/evolve-steps.js';
import type { JournalEvent } from './journal-events.js';
import type { JournalState } from './journal.js';

/** The journal after one more fact; each event raises the version by exactly one. */
export function evolveJournal(state: JournalState, event: JournalEvent): JournalState {
  switch (event.type) {
    case 'JournalCreated': {
      const { journalId, createdAt, ...fields } = event.data;
      return created(journalId, fields, createdAt);
    }
    case 'JournalUpdated': {
      const { journalId: _id, changedFields: _changed, updatedAt, ...fields } = event.data;
      return state && changed(state, updatedAt, fields);
    }
    case 'JournalDeleted':
      return state && softDeleted(state, event.data.deletedAt);
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled journal event ${JSON.stringify(unhandled)}`);
    }
  }
}
