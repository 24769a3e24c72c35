import { appendToOutbox } from '@mindflow/event-log';
import type { Journal, JournalState } from '../../domain/journal/journal.js';
import type { JournalEvent } from '../../domain/journal/journal-events.js';
import { evolveJournal } from '../../domain/journal/evolve-journal.js';
import { saveJournal } from '../../adapters/pg/journal-rows.js';
import type { Tx } from '../../adapters/pg/sql-client.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { consistencyToken } from '../consistency-token.js';
import { envelopeMeta } from '../envelope-meta.js';
import { journalEnvelope } from './journal-envelope.js';

/** What a journal command answers: the journal as written, and the token to read it back. */
export interface JournalWritten {
  readonly journal: Journal;
  readonly consistencyToken: string;
}

/**
 * Applies the decided facts: the journal's row as it now stands and one outbox event per fact, numbered
 * with the aggregate versions they produce, all in the command's transaction. No facts, no writes.
 */
export async function recordJournal(
  tx: Tx,
  environment: CommandEnvironment,
  caller: Caller,
  state: JournalState,
  events: readonly JournalEvent[],
  occurredAt: string,
): Promise<JournalWritten> {
  let journal = state;
  const envelopes = events.map((event) => {
    journal = evolveJournal(journal, event);
    if (!journal) throw new Error(`${event.type} applied to a journal that does not exist`);
    const at = { eventId: environment.newId(), occurredAt, aggregateId: journal.id, aggregateVersion: journal.version, ownerId: journal.ownerId };
    return journalEnvelope(event, envelopeMeta(caller, at));
  });
  if (!journal) throw new Error('no journal to answer with');
  const written: Journal = journal;
  if (envelopes.length > 0) {
    await saveJournal(tx, written);
    await appendToOutbox(tx, envelopes);
  }
  return { journal: written, consistencyToken: consistencyToken(written.id, written.version) };
}
