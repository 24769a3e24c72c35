import { changed, created, softDeleted } from '../shared/evolve-steps.js';
import type { EntryEvent } from './entry-events.js';
import type { Entry } from './entry.js';

/** The entry after one more fact; each event raises the version by exactly one. */
export function evolveEntry(state: Entry | null, event: EntryEvent): Entry | null {
  switch (event.type) {
    case 'JournalEntryCreated': {
      const { entryId, createdAt, ...fields } = event.data;
      return created(entryId, fields, createdAt);
    }
    case 'JournalEntryUpdated': {
      const { entryId: _id, changedFields: _changed, updatedAt, ...fields } = event.data;
      return state && changed(state, updatedAt, fields);
    }
    case 'MoodRecorded':
      return state && changed(state, event.data.recordedAt, { mood: event.data.mood });
    case 'JournalEntryDeleted':
      return state && softDeleted(state, event.data.deletedAt);
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled entry event ${JSON.stringify(unhandled)}`);
    }
  }
}
