import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

// int8 (bigint) columns come back as strings by default; counts and positions we keep as strings on
// purpose (they can exceed 2^53), so we leave the parser alone and convert where a number is meant.

/** A connection pool to one database, named so `pg_stat_activity` shows who is connected. */
export function createPool(url: string, options: { applicationName: string; max?: number }): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: options.applicationName,
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener that kills the process.
  pool.on('error', () => undefined);
  // A checked-out client (e.g. inside a transaction, between two queries) that loses its server emits 'error'
  // on itself, where pg-pool listens only while the client is idle: without this listener the process dies
  // (found by the stop-read-db drill). The holder still sees the failure: its next query rejects, and the
  // pool drops the dead client on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
