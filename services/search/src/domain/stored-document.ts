import type { DocumentEvent } from './documents-from-events.js';

/**
 * Events whose document follows from the event alone: a creation carries every field, a deletion leaves a
 * tombstone. Every other event changes some fields of the document its aggregate's earlier events made
 * (a mood, a completion, a text without its creation day), so `documentAfter` needs that document.
 */
const selfContained: ReadonlySet<DocumentEvent['eventType']> = new Set([
  'JournalEntryCreated', 'ThoughtCaptured', 'TaskCreated', 'JournalEntryDeleted', 'ThoughtDeleted', 'TaskDeleted',
]);

/** Whether `documentAfter(event, …)` needs the document as the aggregate's previous event left it. */
export function needsStoredDocument(event: DocumentEvent): boolean {
  return !selfContained.has(event.eventType);
}

/** The document an event is about: its aggregate's id. */
export function documentIdOf(event: DocumentEvent): string {
  const payload = event.payload as { entryId?: string; thoughtId?: string; taskId?: string };
  return (payload.entryId ?? payload.thoughtId ?? payload.taskId)!;
}
