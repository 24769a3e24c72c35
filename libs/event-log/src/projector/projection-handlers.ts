import type { PoolClient } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';

export type EventType = AnyEvent['eventType'];
export type EventOfType<T extends EventType> = Extract<AnyEvent, { eventType: T }>;

/** Applies one event to a read model inside the projection transaction (`tx`). */
export type ProjectionHandler<T extends EventType> = (event: EventOfType<T>, tx: PoolClient) => Promise<void>;

/** One read model's reactions, by event type. Types it does not list it ignores. */
export type ProjectionHandlers = { readonly [T in EventType]?: ProjectionHandler<T> };

/**
 * Applies several events of one type at once, set-based (one multi-row statement instead of one per
 * event), inside the projection transaction. The runtime promises: every event is to be applied (version
 * gates already decided), at most one event per aggregate, and each aggregate's earlier events of the
 * chunk already applied. Events of *different* aggregates may be applied in another order than the log's
 * (as Kafka's partitions deliver them anyway), so the result must equal the events applied one by one.
 */
export type BatchProjectionHandler<T extends EventType> = (events: readonly EventOfType<T>[], tx: PoolClient, chunk: ChunkScope) => Promise<void>;

/**
 * Writes to rows shared by many aggregates (a journal's entry count, a user's tag counts, day statistics,
 * cache stamps), gathered while a chunk is applied and written once at its end, just before the commit: their
 * row locks are then held only for the last statements and the commit, so chunks of other partitions touching
 * the same users run side by side instead of taking turns for whole transactions. Each step's writes must
 * commute with other chunks' (`count = count + delta`), or take their own locks in its `settle`.
 */
export interface DeferredWrite<S> {
  /** Steps settle in the order of this string, the same in every chunk, so row locks are taken in one global order. */
  readonly order: string;
  /** The step's empty state for a chunk. */
  start(): S;
  /** Writes what the chunk gathered; sorted by key (no deadlocks between chunks settling at once). */
  settle(state: S, tx: PoolClient): Promise<void>;
}

/** What a batch handler gets of its chunk: the state of a deferred write, made on first use, settled at the end. */
export interface ChunkScope {
  deferred<S>(step: DeferredWrite<S>): S;
}

/** The runtime's `ChunkScope`: settles every step used, in `order`, once every event of the chunk is applied. */
export class ChunkSettlement implements ChunkScope {
  private readonly steps = new Map<DeferredWrite<unknown>, unknown>();

  deferred<S>(step: DeferredWrite<S>): S {
    if (!this.steps.has(step)) this.steps.set(step, step.start());
    return this.steps.get(step) as S;
  }

  async settle(tx: PoolClient): Promise<void> {
    const steps = [...this.steps].sort(([a], [b]) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    for (const [step, state] of steps) await step.settle(state, tx);
  }
}

/** A read model's set-based reactions, by event type; each needs its one-event handler too (redrives, tests). */
export type BatchProjectionHandlers = { readonly [T in EventType]?: BatchProjectionHandler<T> };

/** A read model as the projector runtime sees it. */
export interface ReadModel {
  /** Its name, for logs (e.g. `entries_view`). */
  readonly name: string;
  readonly handlers: ProjectionHandlers;
  /**
   * Optional set-based versions of some of `handlers`, used when a chunk holds several events of the type
   * (the runtime's batched path). Must leave the read model exactly as `handlers` one by one would.
   */
  readonly batchHandlers?: BatchProjectionHandlers;
  /**
   * Rows the event changes outside its own aggregate (a journal's `entry_count` when an entry is created).
   * The runtime locks these keys (exclusively), in one global order, before applying a chunk of events:
   * concurrent chunks touching the same journal then queue instead of deadlocking, and see each other's effects.
   */
  readonly sharedKeys?: (event: AnyEvent) => readonly string[];
  /**
   * Keys the set-based path takes *shared* for the event (exclusively when another event of the chunk wants the
   * key in `sharedKeys`): its batch handler writes the rows other aggregates share only through deferred,
   * commuting writes (`ChunkScope`), so chunks wanting the key shared run at once; an event that needs the rows
   * still (a journal's deletion) asks for the key in `sharedKeys` and waits for them. The one-by-one path
   * (`setBased: false`) and redrives, whose handlers write at once, take these keys exclusively.
   */
  readonly commutativeKeys?: (event: AnyEvent) => readonly string[];
  /**
   * In the set-based path, a lone event of a type with a batch handler goes to the batch handler too (with the
   * chunk's scope), not to the one-event handler: required when the batch handlers defer writes.
   */
  readonly batchAlways?: boolean;
}

/** Runs every read model's handler for the event, in the order the read models were given. */
export async function applyHandlers(readModels: readonly ReadModel[], event: AnyEvent, tx: PoolClient): Promise<void> {
  for (const { handlers } of readModels) {
    const handler = handlers[event.eventType] as ProjectionHandler<EventType> | undefined;
    if (handler) await handler(event, tx);
  }
}

/** Every event type some read model handles: what the projector subscribes to. */
export function handledEventTypes(readModels: readonly ReadModel[]): EventType[] {
  return [...new Set(readModels.flatMap(({ handlers }) => Object.keys(handlers) as EventType[]))];
}

/** The shared keys of `events` (namespaced), each once: what `lockSharedKeys` locks. */
export function sharedKeysOf(readModels: readonly ReadModel[], events: readonly AnyEvent[], namespace = ''): string[] {
  return [...new Set(events.flatMap((event) => readModels.flatMap((m) => (m.sharedKeys?.(event) ?? []).map((key) => `${namespace}${key}`))))];
}

/** The commutative keys of `events` (namespaced), each once (`ReadModel.commutativeKeys`). */
export function commutativeKeysOf(readModels: readonly ReadModel[], events: readonly AnyEvent[], namespace = ''): string[] {
  return [...new Set(events.flatMap((event) => readModels.flatMap((m) => (m.commutativeKeys?.(event) ?? []).map((key) => `${namespace}${key}`))))];
}

/**
 * Takes the shared keys of `events` (and their commutative keys) as exclusive transaction-scoped advisory locks, ordered by lock id. `namespace`
 * (the projection's schema) keeps a rebuild's keys apart from the live projection's.
 */
export async function lockSharedKeys(readModels: readonly ReadModel[], events: readonly AnyEvent[], tx: PoolClient, namespace = ''): Promise<void> {
  // One by one (a redrive), handlers write at once: the commutative keys are taken exclusively too.
  const keys = [...new Set([...sharedKeysOf(readModels, events, namespace), ...commutativeKeysOf(readModels, events, namespace)])];
  if (keys.length === 0) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(id) FROM (
       SELECT DISTINCT hashtextextended(key, 0) AS id FROM unnest($1::text[]) AS key ORDER BY id) AS ordered`,
    [keys],
  );
}
