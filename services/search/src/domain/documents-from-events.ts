import type { AnyEvent } from '@mindflow/events';
import { tombstone, type SearchDocument } from './search-document.js';

/** The events that change a search document, and what each needs to know besides itself. */
export type DocumentEvent = Extract<
  AnyEvent,
  {
    eventType:
      | 'JournalEntryCreated' | 'JournalEntryUpdated' | 'JournalEntryDeleted' | 'MoodRecorded'
      | 'ThoughtCaptured' | 'ThoughtUpdated' | 'ThoughtDeleted'
      | 'TaskCreated' | 'TaskUpdated' | 'TaskCompleted' | 'TaskReopened' | 'TaskDeleted';
  }
>;

export interface DocumentContext {
  /** The document as the previous event of its aggregate left it (absent before the creating event). */
  readonly current: SearchDocument | undefined;
  /** Whether the entry's journal (after this event) has been deleted: its entries go with it. */
  readonly journalDeleted: boolean;
}

/**
 * The document after `event`, or undefined when there is nothing to write (an update of a document this
 * index never saw, which the projector's version bookkeeping rules out). Pure: the evolve step of the
 * search projection.
 */
export function documentAfter(event: DocumentEvent, { current, journalDeleted }: DocumentContext): SearchDocument | undefined {
  const base = { ownerId: event.userId, version: event.aggregateVersion };
  switch (event.eventType) {
    case 'JournalEntryCreated':
    case 'JournalEntryUpdated': {
      const p = event.payload;
      // An update keeps the entry's date unless it redated it (V2's createdAt).
      const createdAt = event.payload.createdAt ?? current?.createdAt;
      if (!createdAt) return undefined;
      return {
        ...base, id: p.entryId, kind: 'entry', journalId: p.journalId, title: p.title, body: p.content, tags: p.tags, mood: p.mood,
        day: createdAt.slice(0, 10), createdAt, // Any entry event but its deletion proves the entry alive; its journal's deletion still hides it.
        deleted: journalDeleted,
        completed: null,
      };
    }
    case 'MoodRecorded':
      return current && { ...current, ...base, mood: event.payload.mood, deleted: current.deleted || journalDeleted };
    case 'ThoughtCaptured': {
      const p = event.payload;
      return {
        ...base, id: p.thoughtId, kind: 'thought', journalId: null, title: null, body: p.text, tags: p.tags, mood: null,
        day: p.capturedAt.slice(0, 10), createdAt: p.capturedAt, deleted: false, completed: null,
      };
    }
    case 'ThoughtUpdated':
      return current && { ...current, ...base, body: event.payload.text, tags: event.payload.tags };
    case 'TaskCreated': {
      const p = event.payload;
      return {
        ...base, id: p.taskId, kind: 'task', journalId: null, title: p.title, body: p.description ?? '',
        // A task has no tags; its category filters like one.
        tags: [p.category], mood: null,
        day: p.date, createdAt: p.createdAt, deleted: false, completed: false,
      };
    }
    case 'TaskUpdated': {
      const p = event.payload;
      return current && { ...current, ...base, title: p.title, body: p.description ?? '', tags: [p.category], day: p.date, completed: p.completed };
    }
    // Completing one occurrence of a recurring task leaves the task itself open.
    case 'TaskCompleted':
      return current && { ...current, ...base, completed: event.payload.occurrence === null ? true : current.completed };
    case 'TaskReopened':
      return current && { ...current, ...base, completed: event.payload.occurrence === null ? false : current.completed };
    case 'JournalEntryDeleted':
      return tombstone({ ...base, id: event.payload.entryId, kind: 'entry', journalId: event.payload.journalId, deletedAt: event.payload.deletedAt });
    case 'ThoughtDeleted':
      return tombstone({ ...base, id: event.payload.thoughtId, kind: 'thought', journalId: null, deletedAt: event.payload.deletedAt });
    case 'TaskDeleted':
      return tombstone({ ...base, id: event.payload.taskId, kind: 'task', journalId: null, deletedAt: event.payload.deletedAt });
  }
}
