import { appendToOutbox } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import type { Tx } from '../adapters/pg/sql-client.js';
import type { Caller } from './caller.js';
import type { CommandEnvironment } from './command-environment.js';
import { consistencyToken } from './consistency-token.js';
import { envelopeMeta, type EnvelopeMeta } from './envelope-meta.js';

/** How one kind of aggregate is folded, published and stored. */
export interface AggregateRecording<S extends { id: string; ownerId: string; version: number }, E extends { type: string }> {
  readonly name: string;
  readonly evolve: (state: S | null, event: E) => S | null;
  readonly envelope: (event: E, meta: EnvelopeMeta) => AnyEvent;
  readonly save: (tx: Tx, state: S) => Promise<void>;
}

/** What a command answers: the aggregate as written, and the token to read it back. */
export interface Recorded<S> {
  readonly state: S;
  readonly consistencyToken: string;
}

/**
 * Applies the decided facts: the aggregate's rows as they now stand and one outbox event per fact,
 * numbered with the aggregate versions they produce, all in the command's transaction. No facts, no
 * writes: the answer is the aggregate as it was, with a token for its current version.
 */
export async function recordFacts<S extends { id: string; ownerId: string; version: number }, E extends { type: string }>(
  tx: Tx,
  environment: CommandEnvironment,
  caller: Caller,
  aggregate: AggregateRecording<S, E>,
  state: S | null,
  events: readonly E[],
  occurredAt: string,
): Promise<Recorded<S>> {
  let current = state;
  const envelopes = events.map((event) => {
    current = aggregate.evolve(current, event);
    if (!current) throw new Error(`${event.type} applied to a ${aggregate.name} that does not exist`);
    const at = { eventId: environment.newId(), occurredAt, aggregateId: current.id, aggregateVersion: current.version, ownerId: current.ownerId };
    return aggregate.envelope(event, envelopeMeta(caller, at));
  });
  if (!current) throw new Error(`no ${aggregate.name} to answer with`);
  const written: S = current;
  if (envelopes.length > 0) {
    await aggregate.save(tx, written);
    await appendToOutbox(tx, envelopes);
  }
  return { state: written, consistencyToken: consistencyToken(written.id, written.version) };
}
