import type { Journal } from '../../domain/journal/journal.js';
import { iso, lockClause, type RowLock, type Tx } from './sql-client.js';

interface JournalRow {
  id: string;
  owner_id: string;
  name: string;
  description: string | null;
  color: string | null;
  icon: string | null;
  is_private: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export async function findJournal(tx: Tx, id: string, lock: RowLock): Promise<Journal | null> {
  const { rows } = await tx.query<JournalRow>(`SELECT * FROM journals WHERE id = $1 ${lockClause(lock)}`, [id]);
  const row = rows[0];
  return row
    ? {
        id: row.id,
        ownerId: row.owner_id,
        name: row.name,
        description: row.description,
        color: row.color,
        icon: row.icon,
        isPrivate: row.is_private,
        version: row.version,
        createdAt: iso(row.created_at)!,
        updatedAt: iso(row.updated_at)!,
        deletedAt: iso(row.deleted_at),
      }
    : null;
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
  const values = [
    journal.id,
    journal.ownerId,
    journal.name,
    journal.description,
    journal.color,
    journal.icon,
    journal.isPrivate,
    journal.version,
    journal.createdAt,
    journal.updatedAt,
    journal.deletedAt,
  ];
  if (journal.version === 1) {
    await tx.query(
      `INSERT INTO journals (id, owner_id, name, description, color, icon, is_private, version, created_at, updated_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      values,
    );
    return;
  }
  const { rowCount } = await tx.query(
    `UPDATE journals SET name = $3, description = $4, color = $5, icon = $6, is_private = $7, version = $8,
       updated_at = $9, deleted_at = $10
     WHERE id = $1 AND owner_id = $2 AND version = $8 - 1`,
    [...values.slice(0, 8), journal.updatedAt, journal.deletedAt],
  );
  // The row was loaded FOR UPDATE, so this only fires on a wiring bug (a save without the lock).
  if (rowCount !== 1) throw new Error(`journal ${journal.id} was not at version ${journal.version - 1}`);
}
