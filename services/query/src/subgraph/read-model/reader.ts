import { createPool, type Pool, type PoolClient } from '@mindflow/db';
import pg, { type QueryResult, type QueryResultRow } from 'pg';
import { isId } from './ids.js';

/** What the read functions need of the read DB: one statement at a time. */
export interface Reader {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** The role the subgraph reads as: row-level security applies to it (migrations/0005-row-level-security.sql). */
export const readerRole = 'mindflow_reader';

/**
 * The read DB's connections for callers' reads, kept apart from the subgraph's own pool. Each connection is
 * `mindflow_reader` for its whole life, read-only, and remembers which caller `mindflow.user_id` (session-wide)
 * names: a statement for the same caller as the connection's last one is one round trip, a statement for
 * another caller two (the setting, then the statement). Before, every statement was a transaction of its own
 * with the role and the caller set locally: three round trips (BENCHMARKS.md, "The subgraph's reads").
 *
 * Nothing else runs on these connections, so the session-wide role and setting cannot leak into code that
 * expects the table owner; a connection whose set-up failed is destroyed, never reused with unknown state.
 */
export class ReaderPool {
  /** The caller each connection's `mindflow.user_id` names; absent until the connection is set up. */
  private readonly callerOf = new WeakMap<PoolClient, string>();

  constructor(private readonly pool: Pool) {}

  static connect(url: string, options: { applicationName: string; max?: number }): ReaderPool {
    return new ReaderPool(createPool(url, options));
  }

  async query<R extends QueryResultRow>(userId: string, text: string, values?: unknown[]): Promise<QueryResult<R>> {
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await this.actAs(client, userId);
      return await client.query<R>(text, values);
    } catch (error) {
      // A statement's own error leaves the session as it was (no transaction is open); anything else may not.
      if (!this.callerOf.has(client) || !isStatementError(error)) broken = error;
      throw error;
    } finally {
      if (broken) this.callerOf.delete(client);
      // Any error makes the pool destroy the connection; a thrown non-Error travels along as the cause.
      client.release(broken instanceof Error ? broken : broken ? new Error('a value that is not an Error was thrown on this connection', { cause: broken }) : undefined);
    }
  }

  private async actAs(client: PoolClient, userId: string): Promise<void> {
    const current = this.callerOf.get(client);
    if (current === userId) return;
    this.callerOf.delete(client);
    // Interpolated (SET takes no parameters): only ever a well-formed uuid, checked by callerReader.
    const caller = `SELECT set_config('mindflow.user_id', '${userId}', false)`;
    await client.query(current === undefined ? `SET ROLE ${readerRole}; SET default_transaction_read_only = on; ${caller}` : caller);
    this.callerOf.set(client, userId);
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** An error Postgres answered for one statement (an ErrorResponse), as opposed to a lost connection or a client-side failure. */
function isStatementError(error: unknown): boolean {
  return error instanceof pg.DatabaseError;
}

/**
 * The read DB as one caller may read it: every statement runs as `mindflow_reader`, read-only, with
 * `mindflow.user_id` naming the caller the gateway vouched for, so Postgres row-level security returns only
 * the caller's rows even to a query that forgets to filter.
 */
export function callerReader(pool: ReaderPool, userId: string): Reader {
  if (!isId(userId)) throw new Error('a caller id must be a uuid');
  const caller = userId.toLowerCase();
  return {
    query: <R extends QueryResultRow>(text: string, values?: unknown[]) => pool.query<R>(caller, text, values),
  };
}
