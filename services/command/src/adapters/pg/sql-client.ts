import type { PoolClient } from '@mindflow/db';
import type { RowLock } from '../../application/ports/command-store.js';

/** A client inside the command's transaction: every write of one command goes through the same one. */
export type Tx = PoolClient;

export type { RowLock };

export const lockClause = (lock: RowLock) => (lock === 'update' ? 'FOR UPDATE' : lock === 'share' ? 'FOR SHARE' : '');

export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * Takes the row lock in a statement of its own. An aggregate read as a row plus its child rows (tags,
 * recurrence, completion) must be read *after* the lock is granted: a single `SELECT … FOR UPDATE OF t`
 * that waited for a concurrent writer re-checks only the locked row and would still join the child rows
 * as they were before that writer committed. In READ COMMITTED the next statement sees them fresh.
 */
export async function lockRow(tx: Tx, table: 'entries' | 'thoughts' | 'tasks' | 'calendar_events', id: string, lock: RowLock): Promise<void> {
  if (lock !== 'none') await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 ${lockClause(lock)}`, [id]);
}
