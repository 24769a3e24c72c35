import type { Entry } from '../../domain/entry/entry.js';
import type { EntryEvent } from '../../domain/entry/entry-events.js';
import { evolveEntry } from '../../domain/entry/evolve-entry.js';
import { tagsPutOn } from '../../domain/tag/decide-tags.js';
import type { AggregateRecording, Recorded } from '../record-facts.js';
import { entryEnvelope } from './entry-envelope.js';

export const entryRecording: AggregateRecording<Entry, EntryEvent> = {
  name: 'entry',
  evolve: evolveEntry,
  envelope: (event, meta, caller) => entryEnvelope(event, meta, caller.plan),
  rows: (tx) => tx.entries,
  tagsOf: tagsPutOn,
};

/** What an entry command answers: the entry as written, and the token to read it back. */
export interface EntryWritten {
  readonly entry: Entry;
  readonly consistencyToken: string;
}

export const entryWritten = ({ state, consistencyToken }: Recorded<Entry>): EntryWritten => ({ entry: state, consistencyToken });
