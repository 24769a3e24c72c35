import type { JournalEvent } from './journal-events.js';
import type { JournalState } from './journal.js';

/** The journal after one more fact; each event raises the version by exactly one. */
export function evolveJournal(state: JournalState, event: JournalEvent): JournalState {
  switch (event.type) {
    case 'JournalCreated': {
      const { journalId, createdAt, ...fields } = event.data;
      return { id: journalId, ...fields, version: 1, createdAt, updatedAt: createdAt, deletedAt: null };
    }
    case 'JournalUpdated': {
      if (!state) return state;
      const { journalId: _id, changedFields: _changed, updatedAt, ...fields } = event.data;
      return { ...state, ...fields, version: state.version + 1, updatedAt };
    }
    case 'JournalDeleted':
      if (!state) return state;
      return { ...state, version: state.version + 1, updatedAt: event.data.deletedAt, deletedAt: event.data.deletedAt };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled journal event ${JSON.stringify(unhandled)}`);
    }
  }
}
