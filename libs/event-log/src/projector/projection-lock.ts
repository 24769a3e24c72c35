import type { Pool } from '@mindflow/db';
import type { SqlClient } from '../event-log.js';

/**
 * One advisory lock per projection *and schema*, taken shared by every projection transaction and
 * exclusively by the operations that must see the projection still (a redrive of one aggregate, the swap
 * of a rebuild). The schema is part of the key so a rebuild projecting into its own schema never waits
 * for the live projection's lock, nor the reverse.
 */
export const projectionLockKey = (projection: string, schema: string) => `mindflow:projection:${projection}@${schema}`;

/** The schema a pool's unqualified names resolve to first (its search_path): where the projection lives. */
export async function currentSchema(pool: Pool | SqlClient): Promise<string> {
  const { rows } = await pool.query('SELECT current_schema() AS schema');
  const schema = (rows[0] as { schema: string | null } | undefined)?.schema;
  if (!schema) throw new Error('the read DB connection has no current schema (empty search_path?)');
  return schema;
}

export async function lockProjection(tx: SqlClient, key: string, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.query(`SELECT ${fn}(hashtextextended($1, 0))`, [key]);
}
