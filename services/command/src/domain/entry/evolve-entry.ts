import type { EntryEvent } from './entry-events.js';
import type { Entry } from './entry.js';

/** The entry after one more fact; each event raises the version by exactly one. */
export function evolveEntry(state: Entry | null, event: EntryEvent): Entry | null {
  switch (event.type) {
    case 'JournalEntryCreated': {
      const { entryId, createdAt, ...fields } = event.data;
      return { id: entryId, ...fields, version: 1, createdAt, updatedAt: createdAt, deletedAt: null };
    }
    case 'JournalEntryUpdated': {
      if (!state) return state;
      const { entryId: _id, changedFields: _changed, updatedAt, ...fields } = event.data;
      return { ...state, ...fields, version: state.version + 1, updatedAt };
    }
    case 'MoodRecorded':
      if (!state) return state;
      return { ...state, mood: event.data.mood, version: state.version + 1, updatedAt: event.data.recordedAt };
    case 'JournalEntryDeleted':
      if (!state) return state;
      return { ...state, version: state.version + 1, updatedAt: event.data.deletedAt, deletedAt: event.data.deletedAt };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled entry event ${JSON.stringify(unhandled)}`);
    }
  }
}
