import type { PoolClient } from '@mindflow/db';

/** A client inside one transaction: every write of one identity operation goes through the same one. */
export type Tx = PoolClient;

/** Anything that runs SQL: the pool, or a transaction's client. */
export interface Sql {
  query: PoolClient['query'];
}
