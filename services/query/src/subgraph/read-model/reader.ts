import type { Pool } from '@mindflow/db';
import type { QueryResult, QueryResultRow } from 'pg';
import { isId } from './ids.js';

/** What the read functions need of the read DB: one statement at a time. */
export interface Reader {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** The role the subgraph reads as: row-level security applies to it (migrations/0005-row-level-security.sql). */
export const readerRole = 'mindflow_reader';

/**
 * The read DB as one caller may read it: every statement runs in its own read-only transaction as
 * `mindflow_reader` with `mindflow.user_id` set (transaction-local) to the caller the gateway vouched for,
 * so Postgres row-level security returns only the caller's rows even to a query that forgets to filter.
 */
export function callerReader(pool: Pool, userId: string): Reader {
  // Interpolated into SQL below (a SET takes no parameters): only ever a well-formed uuid.
  if (!isId(userId)) throw new Error('a caller id must be a uuid');
  const setup = `BEGIN READ ONLY; SET LOCAL ROLE ${readerRole}; SELECT set_config('mindflow.user_id', '${userId.toLowerCase()}', true)`;
  return {
    async query<R extends QueryResultRow>(text: string, values?: unknown[]) {
      const client = await pool.connect();
      try {
        await client.query(setup);
        const result = await client.query<R>(text, values);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
