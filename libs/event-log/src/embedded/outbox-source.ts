import type { Pool } from '@mindflow/db';
import type { OutboxPosition } from './checkpoint-store.js';

/** What the embedded log needs of an outbox row: where it sits in commit order and what it is. */
export interface OutboxRecord extends OutboxPosition {
  readonly eventType: string;
}

/**
 * The write DB's outbox as a readable log. Reading itself (gap-safe, in commit order) is the command
 * service's `readCommittedOutbox`; this adds the two questions only a consumer asks.
 */
export interface OutboxSource<R extends OutboxRecord> {
  read(after: OutboxPosition | null, limit: number): Promise<R[]>;
  /** The position of the last row readable now (for a group that starts at the end). */
  end(): Promise<OutboxPosition | null>;
  /** Rows after `after` of the given event types, committed or not yet readable. */
  countAfter(after: OutboxPosition, eventTypes: readonly string[]): Promise<number>;
  /**
   * Whether rows after `after` are committed but not readable yet: an older transaction somewhere on the
   * server holds them back (gap-safe reading). Their NOTIFY has come already; no other will.
   */
  heldBack(after: OutboxPosition | null): Promise<boolean>;
}

export function outboxSource<R extends OutboxRecord>(
  pool: Pool,
  read: (after: OutboxPosition | null, limit: number) => Promise<R[]>,
): OutboxSource<R> {
  return {
    read,
    async end() {
      // Qualified names: a bare `ORDER BY position` would sort by the text output column ("9" after "10").
      const { rows } = await pool.query<{ tx_id: string; position: string }>(
        `SELECT tx_id::text, position::text FROM outbox
         WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY outbox.tx_id DESC, outbox.position DESC LIMIT 1`,
      );
      const row = rows[0];
      return row ? { txId: row.tx_id, position: row.position } : null;
    },
    async heldBack(after) {
      const { rows } = await pool.query<{ held: boolean }>(
        after
          ? `SELECT EXISTS (SELECT 1 FROM outbox WHERE (tx_id, position) > ($1::xid8, $2::bigint)) AS held`
          : 'SELECT EXISTS (SELECT 1 FROM outbox) AS held',
        after ? [after.txId, after.position] : [],
      );
      return rows[0]?.held ?? false;
    },
    async countAfter(after, eventTypes) {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM outbox WHERE (tx_id, position) > ($1::xid8, $2::bigint) AND event_type = ANY($3)`,
        [after.txId, after.position, eventTypes],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
