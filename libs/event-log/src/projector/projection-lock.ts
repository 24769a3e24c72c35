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

/**
 * `lockProjection(tx, key, 'shared')` and then the `keys` in lock-id order (as `lockSharedKeys` takes them):
 * `exclusive` ones exclusively, `shared` ones shared (exclusively when also in `exclusive`), in one round trip:
 * what every projection transaction starts with. One order for both kinds, so no two transactions deadlock on them.
 */
export async function lockProjectionAndKeys(tx: SqlClient, key: string, exclusive: readonly string[], shared: readonly string[] = []): Promise<void> {
  // The inner ORDER BY fixes the order the outer query takes the locks in (projection first, then keys by id).
  await tx.query(
    `SELECT CASE WHEN o.shared THEN pg_advisory_xact_lock_shared(o.id) ELSE pg_advisory_xact_lock(o.id) END
     FROM (SELECT 0 AS rank, true AS shared, hashtextextended($1, 0) AS id
           UNION ALL
           SELECT 1, bool_and(k.shared), k.id
             FROM (SELECT false AS shared, hashtextextended(k, 0) AS id FROM unnest($2::text[]) AS k
                   UNION ALL
                   SELECT true, hashtextextended(k, 0) FROM unnest($3::text[]) AS k) AS k
            GROUP BY k.id
           ORDER BY rank, id) AS o`,
    [key, exclusive, shared],
  );
}
