import type { Journal } from '../../domain/journal/journal.js';
import type { JournalEvent } from '../../domain/journal/journal-events.js';
import { evolveJournal } from '../../domain/journal/evolve-journal.js';
import type { AggregateRecording, Recorded } from '../record-facts.js';
import { journalEnvelope } from './journal-envelope.js';

export const journalRecording: AggregateRecording<Journal, JournalEvent> = {
  name: 'journal',
  evolve: evolveJournal,
  envelope: journalEnvelope,
  rows: (tx) => tx.journals,
};

/** What a journal command answers: the journal as written, and the token to read it back. */
export interface JournalWritten {
  readonly journal: Journal;
  readonly consistencyToken: string;
}

export const journalWritten = ({ state, consistencyToken }: Recorded<Journal>): JournalWritten => ({ journal: state, consistencyToken });
