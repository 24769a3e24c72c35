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
  return pool;
}
