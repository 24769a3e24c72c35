import { outboxColumns, outboxRowFrom, type OutboxClient, type OutboxPosition, type OutboxRow } from './outbox-row.js';

/**
 * Reads up to `limit` outbox rows after `after`, in `(tx_id, position)` order, never passing a transaction
 * that may still commit. `position` is taken at insert time, so a transaction holding position 10 can commit
 * after one holding 11; reading by position alone would skip 10 for ever. Instead only rows of transactions
 * older than the snapshot's xmin are read: every transaction that could still add rows is at or above it,
 * so nothing can later appear before the returned rows.
 *
 * A transaction left open anywhere on the server holds xmin back and so pauses readers (by design: late
 * is better than lost).
 */
export async function readCommittedOutbox(
  client: OutboxClient,
  after: OutboxPosition | null,
  limit: number,
): Promise<OutboxRow[]> {
  const committed = 'tx_id < pg_snapshot_xmin(pg_current_snapshot())';
  // ORDER BY names the table's columns: bare `position` would sort by the text alias ('10' < '9').
  const { rows } = after
    ? await client.query(
        `SELECT ${outboxColumns} FROM outbox
          WHERE (tx_id, position) > ($1::xid8, $2::bigint) AND ${committed}
          ORDER BY outbox.tx_id, outbox.position LIMIT $3`,
        [after.txId, after.position, limit],
      )
    : await client.query(
        `SELECT ${outboxColumns} FROM outbox WHERE ${committed} ORDER BY outbox.tx_id, outbox.position LIMIT $1`,
        [limit],
      );
  return rows.map(outboxRowFrom);
}

/** Rows after `after` that readers have yet to take, committed or not (the relay's depth gauge). */
export async function outboxDepth(client: OutboxClient, after: OutboxPosition | null): Promise<number> {
  const { rows } = after
    ? await client.query('SELECT count(*)::int AS n FROM outbox WHERE (tx_id, position) > ($1::xid8, $2::bigint)', [
        after.txId,
        after.position,
      ])
    : await client.query('SELECT count(*)::int AS n FROM outbox');
  return (rows[0] as { n: number }).n;
}
