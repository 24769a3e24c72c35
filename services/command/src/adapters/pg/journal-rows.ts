import type { Journal } from '../../domain/journal/journal.js';
import { aggregateColumns, aggregateOf, saveAggregateRow, type SelectedAggregate } from './aggregate-row.js';
import { lockClause, type RowLock, type Tx } from './sql-client.js';

export async function findJournal(tx: Tx, id: string, lock: RowLock): Promise<Journal | null> {
  const { rows } = await tx.query<SelectedAggregate<Journal, 'createdAt' | 'updatedAt' | 'deletedAt'>>(
    `SELECT ${aggregateColumns('j')}, j.deleted_at AS "deletedAt", j.name, j.description, j.color, j.icon, j.is_private AS "isPrivate"
       FROM journals j WHERE j.id = $1 ${lockClause(lock)}`,
    [id],
  );
  return aggregateOf(rows[0], ['createdAt', 'updatedAt', 'deletedAt']);
}

/**
 * Serializes journal creation per owner for the rest of the transaction, so two concurrent creates cannot
 * both see four journals and make seven... or six on a limit of five.
 */
export async function lockOwnerShelf(tx: Tx, ownerId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`journals-of:${ownerId}`]);
}

export async function countLiveJournals(tx: Tx, ownerId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM journals WHERE owner_id = $1 AND deleted_at IS NULL',
    [ownerId],
  );
  return rows[0]?.n ?? 0;
}

/** Writes the journal as it now stands: inserts it at version 1, else updates the row it replaces. */
export async function saveJournal(tx: Tx, journal: Journal): Promise<void> {
  await saveAggregateRow(tx, 'journals', journal, {
    name: journal.name,
    description: journal.description,
    color: journal.color,
    icon: journal.icon,
    is_private: journal.isPrivate,
    updated_at: journal.updatedAt,
    deleted_at: journal.deletedAt,
  });
}
