import { appendToOutbox } from '@mindflow/event-log';
import type { Entry } from '../../domain/entry/entry.js';
import type { EntryEvent } from '../../domain/entry/entry-events.js';
import { evolveEntry } from '../../domain/entry/evolve-entry.js';
import { saveEntry } from '../../adapters/pg/entry-rows.js';
import type { Tx } from '../../adapters/pg/sql-client.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { consistencyToken } from '../consistency-token.js';
import { envelopeMeta } from '../envelope-meta.js';
import { entryEnvelope } from './entry-envelope.js';

/** What an entry command answers: the entry as written, and the token to read it back. */
export interface EntryWritten {
  readonly entry: Entry;
  readonly consistencyToken: string;
}

/**
 * Applies the decided facts: the entry's row and tags as they now stand and one outbox event per fact,
 * numbered with the aggregate versions they produce, all in the command's transaction. No facts, no writes.
 */
export async function recordEntry(
  tx: Tx,
  environment: CommandEnvironment,
  caller: Caller,
  state: Entry | null,
  events: readonly EntryEvent[],
  occurredAt: string,
): Promise<EntryWritten> {
  let entry = state;
  const envelopes = events.map((event) => {
    entry = evolveEntry(entry, event);
    if (!entry) throw new Error(`${event.type} applied to an entry that does not exist`);
    const at = { eventId: environment.newId(), occurredAt, aggregateId: entry.id, aggregateVersion: entry.version, ownerId: entry.ownerId };
    return entryEnvelope(event, envelopeMeta(caller, at), caller.plan);
  });
  if (!entry) throw new Error('no entry to answer with');
  const written: Entry = entry;
  if (envelopes.length > 0) {
    await saveEntry(tx, written);
    await appendToOutbox(tx, envelopes);
  }
  return { entry: written, consistencyToken: consistencyToken(written.id, written.version) };
}
