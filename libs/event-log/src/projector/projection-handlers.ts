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
export type BatchProjectionHandler<T extends EventType> = (events: readonly EventOfType<T>[], tx: PoolClient) => Promise<void>;

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
   * The runtime locks these keys, in one global order, before applying a chunk of events: concurrent
   * chunks touching the same journal then queue instead of deadlocking, and see each other's effects.
   */
  readonly sharedKeys?: (event: AnyEvent) => readonly string[];
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

/**
 * Takes the shared keys of `events` as transaction-scoped advisory locks, ordered by lock id. `namespace`
 * (the projection's schema) keeps a rebuild's keys apart from the live projection's.
 */
export async function lockSharedKeys(readModels: readonly ReadModel[], events: readonly AnyEvent[], tx: PoolClient, namespace = ''): Promise<void> {
  const keys = sharedKeysOf(readModels, events, namespace);
  if (keys.length === 0) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(id) FROM (
       SELECT DISTINCT hashtextextended(key, 0) AS id FROM unnest($1::text[]) AS key ORDER BY id) AS ordered`,
    [keys],
  );
}
