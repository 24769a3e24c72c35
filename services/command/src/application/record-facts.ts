import type { AnyEvent } from '@mindflow/events';
import type { CommandContext } from '../domain/shared/command-context.js';
import { isDomainError, type Decision, type DomainError } from '../domain/shared/domain-error.js';
import type { Caller } from './caller.js';
import { commandContext, type CommandEnvironment } from './command-environment.js';
import { consistencyToken } from './consistency-token.js';
import { envelopeMeta, type EnvelopeMeta } from './envelope-meta.js';
import type { AggregateRows, CommandTransaction } from './ports/command-store.js';
import { tagsFirstUsed } from './tags/tags-first-used.js';

/** How one kind of aggregate is folded, published and stored. */
export interface AggregateRecording<S extends { id: string; ownerId: string; version: number }, E extends { type: string }> {
  readonly name: string;
  readonly evolve: (state: S | null, event: E) => S | null;
  /** The published form of a fact (the caller: entries carry the author's plan). */
  readonly envelope: (event: E, meta: EnvelopeMeta, caller: Caller) => AnyEvent;
  /** Where the aggregate's rows are, in the command's transaction. */
  readonly rows: (tx: CommandTransaction) => AggregateRows<S>;
  /** The tags a fact puts on the aggregate (entries, thoughts): the first use of one by its owner is a `TagCreated`. */
  readonly tagsOf?: (event: E) => readonly string[];
}

/** What a command answers: the aggregate as written, and the token to read it back. */
export interface Recorded<S> {
  readonly state: S;
  readonly consistencyToken: string;
}

/**
 * Applies the decided facts: the aggregate's rows as they now stand and one outbox event per fact,
 * numbered with the aggregate versions they produce, then a `TagCreated` per tag its owner uses for the
 * first time, all in the command's transaction. No facts, no
 * writes: the answer is the aggregate as it was, with a token for its current version.
 */
export async function recordFacts<S extends { id: string; ownerId: string; version: number }, E extends { type: string }>(
  tx: CommandTransaction,
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
    return aggregate.envelope(event, envelopeMeta(caller, at), caller);
  });
  if (!current) throw new Error(`no ${aggregate.name} to answer with`);
  const written: S = current;
  if (envelopes.length > 0) {
    await aggregate.rows(tx).save(written);
    const used = aggregate.tagsOf ? events.flatMap(aggregate.tagsOf) : [];
    await tx.outbox.append([...envelopes, ...(await tagsFirstUsed(tx, environment, caller, written.ownerId, used, occurredAt))]);
  }
  return { state: written, consistencyToken: consistencyToken(written.id, written.version) };
}

/**
 * Decides with a fresh context (`freshIds` new ids: a create takes one) and records the facts; a refusal
 * is answered as it is (runCommand rolls it back).
 */
export async function decideAndRecord<S extends { id: string; ownerId: string; version: number }, E extends { type: string }>(
  tx: CommandTransaction,
  environment: CommandEnvironment,
  caller: Caller,
  aggregate: AggregateRecording<S, E>,
  state: S | null,
  decide: (context: CommandContext) => Decision<E>,
  freshIds = 1,
): Promise<Recorded<S> | DomainError> {
  const context = commandContext(environment, freshIds);
  const decision = decide(context);
  if (isDomainError(decision)) return decision;
  return recordFacts(tx, environment, caller, aggregate, state, decision, context.now);
}
