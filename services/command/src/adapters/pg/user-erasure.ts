import type { PoolClient } from '@mindflow/db';
import { eraseOwnedRows } from '@mindflow/event-log';

/**
 * The write DB's tables that hold a user's rows, in the order they are deleted (entries before their journals: the
 * composite foreign key). Tags, recurrences, completions go with their rows (ON DELETE CASCADE). A new table with
 * `owner_id` or `user_id` joins these lists: `command-erasure.int.spec.ts` fails while one is missing. The outbox is
 * not here: it is the event log's history, sealed with the user's key the erasure destroyed.
 */
export const commandOwnedTables = ['entries', 'journals', 'thoughts', 'tasks', 'calendar_events'] as const;
export const commandUserTables = ['idempotency_keys', 'user_tags'] as const;

/** Deletes every row of the user from the write DB (and the erasure projection's dead letters); counts by table. */
export async function eraseCommandRows(tx: PoolClient, userId: string, projection: string): Promise<Record<string, number>> {
  const owned = await eraseOwnedRows(tx, userId, projection, commandOwnedTables);
  const keyed = await eraseOwnedRows(tx, userId, projection, commandUserTables, 'user_id');
  return { ...owned, ...keyed, dead_letters: (owned['dead_letters'] ?? 0) + (keyed['dead_letters'] ?? 0) };
}
