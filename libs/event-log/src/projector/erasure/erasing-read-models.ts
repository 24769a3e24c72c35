import type { PoolClient } from '@mindflow/db';
import type { AnyEvent, ErasingService } from '@mindflow/events';
import type { BatchProjectionHandler, EventOfType, EventType, ProjectionHandler, ProjectionHandlers, ReadModel } from '../projection-handlers.js';

// Erasure in a projection (issue 16). On `UserErasureRequested` the projection deletes every row it holds of the
// user, remembers the user in `erased_users` and, where it can, acknowledges with `UserDataErased` in the same
// transaction. Every other handler of the projection skips events of a user in `erased_users`: a late event (a
// write that raced the deletion, another topic's partition behind the user's), a redrive or a rebuild (Kafka's
// topics are replayed side by side, so the user's entries may come after the erasure) writes nothing of them.
// Ordering against concurrent chunks: a chunk applying a user's events holds a shared advisory lock on that user
// until it commits, the erasure an exclusive one, so the erasure's DELETEs see every row such a chunk wrote, and a
// chunk after the erasure sees `erased_users`.

/** What a projection erases of a user, and how it acknowledges. */
export interface UserEraser {
  /** The service named in its acknowledgement. */
  readonly service: ErasingService;
  /** Deletes every row of the user in this projection's stores; returns how many, by store (for the report). */
  erase(userId: string, tx: PoolClient): Promise<Record<string, number>>;
  /**
   * Records the acknowledgement with the erasure (the service's outbox, in `tx`). Absent where the projection's
   * database has no outbox: README of the service says how it acknowledges.
   */
  acknowledge?(receipt: ErasureReceipt, tx: PoolClient): Promise<void>;
}

export interface ErasureReceipt {
  readonly request: EventOfType<'UserErasureRequested'>;
  readonly service: ErasingService;
  readonly erased: Readonly<Record<string, number>>;
}

/** The table every erasing projection keeps (its migration; unqualified, so a rebuild's schema has its own). */
export const erasedUsersTable = `CREATE TABLE IF NOT EXISTS erased_users (
  user_id    uuid PRIMARY KEY,
  erased_at  timestamptz NOT NULL,
  attempt    int NOT NULL CHECK (attempt >= 1),
  erased     jsonb NOT NULL
);`;

const lockUsers = (mode: 'shared' | 'exclusive') => `SELECT ${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(id)
  FROM (SELECT DISTINCT hashtextextended('erased-user:' || current_schema() || ':' || lower(u), 0) AS id FROM unnest($1::text[]) AS u ORDER BY id) AS ordered`;

/** The users among `userIds` that are erased, holding them (shared) until commit so no erasure crosses this chunk. */
export async function erasedAmong(tx: PoolClient, userIds: readonly string[]): Promise<Set<string>> {
  const users = [...new Set(userIds.map((id) => id.toLowerCase()))];
  if (users.length === 0) return new Set();
  await tx.query(lockUsers('shared'), [users]);
  const { rows } = await tx.query<{ user_id: string }>('SELECT user_id::text FROM erased_users WHERE user_id = ANY($1::uuid[])', [users]);
  return new Set(rows.map((row) => row.user_id));
}

function guardedHandlers(handlers: ProjectionHandlers): ProjectionHandlers {
  const guarded: Record<string, ProjectionHandler<EventType>> = {};
  for (const [type, handler] of Object.entries(handlers) as [EventType, ProjectionHandler<EventType>][]) {
    guarded[type] = async (event, tx) => {
      if ((await erasedAmong(tx, [event.userId])).size > 0) return;
      await handler(event, tx);
    };
  }
  return guarded;
}

type AnyBatchHandler = (events: readonly AnyEvent[], tx: PoolClient, ...rest: unknown[]) => Promise<void>;

function guardedBatchHandlers(batchHandlers: NonNullable<ReadModel['batchHandlers']>): NonNullable<ReadModel['batchHandlers']> {
  const guarded: Record<string, AnyBatchHandler> = {};
  for (const [type, batch] of Object.entries(batchHandlers) as [EventType, BatchProjectionHandler<EventType>][]) {
    const handler = batch as unknown as AnyBatchHandler;
    guarded[type] = async (events, tx, ...rest) => {
      const scope = rest[0];
      const erased = isDeferringScope(scope)
        ? await erasedAmongInChunk(scope, tx, events.map((event) => event.userId))
        : await erasedAmong(tx, events.map((event) => event.userId));
      const kept = erased.size === 0 ? events : events.filter((event) => !erased.has(event.userId.toLowerCase()));
      if (kept.length > 0) await handler(kept, tx, ...rest);
    };
  }
  return guarded;
}

/**
 * `erasedAmong` once per user and chunk (set-based path): every read model's batch handler of every group asks, so
 * a chunk would otherwise lock and look up the same users some eight times (issue 11: two round trips each). The
 * answer cannot change before the chunk's end: the shared lock taken on the first asking is held to the commit (no
 * other transaction's erasure crosses it), and this chunk's own erasures are settled after every handler.
 */
async function erasedAmongInChunk(scope: DeferringScope, tx: PoolClient, userIds: readonly string[]): Promise<Set<string>> {
  const known = scope.deferred(erasureAnswers);
  const asking = [...new Set(userIds.map((id) => id.toLowerCase()))].filter((id) => !known.has(id));
  if (asking.length > 0) {
    const erased = await erasedAmong(tx, asking);
    for (const id of asking) known.set(id, erased.has(id));
  }
  return new Set(userIds.map((id) => id.toLowerCase()).filter((id) => known.get(id)));
}


/** Per chunk, the users asked about and whether they are erased (nothing to write at its end). */
const erasureAnswers = {
  order: '0 erasure answers',
  start: () => new Map<string, boolean>(),
  settle: () => Promise.resolve(),
};

/** A chunk's scope where the runtime defers shared writes to the chunk's end (`ChunkScope`), if it does. */
interface DeferringScope {
  deferred<S>(step: { readonly order: string; start(): S; settle(state: S, tx: PoolClient): Promise<void> }): S;
}
const isDeferringScope = (value: unknown): value is DeferringScope =>
  typeof value === 'object' && value !== null && typeof (value as { deferred?: unknown }).deferred === 'function';

/**
 * The read model that erases: last in the list, after every other has applied the chunk's earlier events. Where
 * the runtime settles shared rows (counts, stamps) at the chunk's end, the erasure is settled after them (its
 * step orders last), or those writes would bring rows of the user back.
 */
function userErasure(eraser: UserEraser): ReadModel {
  async function erase(event: EventOfType<'UserErasureRequested'>, tx: PoolClient): Promise<void> {
    const userId = event.payload.userId.toLowerCase();
    await tx.query(lockUsers('exclusive'), [[userId]]);
    const erased = await eraser.erase(userId, tx);
    await tx.query(
      `INSERT INTO erased_users (user_id, erased_at, attempt, erased) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET attempt = EXCLUDED.attempt, erased = EXCLUDED.erased`,
      [userId, event.occurredAt, event.payload.attempt, JSON.stringify(erased)],
    );
    await eraser.acknowledge?.({ request: event, service: eraser.service, erased }, tx);
  }
  const settleLast = {
    order: '~ user erasure',
    start: (): EventOfType<'UserErasureRequested'>[] => [],
    async settle(events: EventOfType<'UserErasureRequested'>[], tx: PoolClient) {
      for (const event of events) await erase(event, tx);
    },
  };
  const batch = async (events: readonly EventOfType<'UserErasureRequested'>[], tx: PoolClient, ...rest: unknown[]): Promise<void> => {
    const scope = rest[0];
    if (isDeferringScope(scope)) scope.deferred(settleLast).push(...events);
    else for (const event of events) await erase(event, tx);
  };
  // A variable, not a literal returned: `batchAlways` is new to ReadModel.
  const model = {
    name: `user_erasure(${eraser.service})`,
    handlers: { UserErasureRequested: erase },
    batchHandlers: { UserErasureRequested: batch as unknown as BatchProjectionHandler<'UserErasureRequested'> },
    // A lone erasure goes through `batch` too, so it is settled after the chunk's deferred writes.
    batchAlways: true,
  };
  return model;
}

/**
 * A projection's read models made to erase: each handler skips events of erased users, and a last read model
 * erases on `UserErasureRequested` (every attempt: erasing again finds nothing and acknowledges again, which
 * the saga counts once). The projection's migrations must create `erasedUsersTable`.
 */
export function erasingReadModels(readModels: readonly ReadModel[], eraser: UserEraser): ReadModel[] {
  const guarded = readModels.map((model): ReadModel => ({
    ...model,
    handlers: guardedHandlers(model.handlers),
    ...(model.batchHandlers ? { batchHandlers: guardedBatchHandlers(model.batchHandlers) } : {}),
  }));
  return [...guarded, userErasure(eraser)];
}

/**
 * Deletes the user's rows from `tables` (each has the column `ownerColumn`, `owner_id` unless said) and the
 * projection's dead letters of the user (parked events carry their payload); returns the counts by table, for
 * the acknowledgement and the report. Rows other tables hold through `ON DELETE CASCADE` go with them.
 */
export async function eraseOwnedRows(
  tx: PoolClient,
  userId: string,
  projection: string,
  tables: readonly string[],
  ownerColumn = 'owner_id',
): Promise<Record<string, number>> {
  const erased: Record<string, number> = {};
  for (const table of tables) {
    const { rowCount } = await tx.query(`DELETE FROM ${table} WHERE ${ownerColumn} = $1`, [userId]);
    erased[table] = rowCount ?? 0;
  }
  const { rowCount } = await tx.query(`DELETE FROM dead_letters WHERE projection = $1 AND lower(event->>'userId') = $2`, [projection, userId.toLowerCase()]);
  erased['dead_letters'] = rowCount ?? 0;
  return erased;
}
