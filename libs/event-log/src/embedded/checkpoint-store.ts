import { migrate, type Pool } from '@mindflow/db';
import type { SqlClient } from '../event-log.js';
import type { OutboxPosition } from '../outbox/index.js';

export type { OutboxPosition };

/** The position before every row; stored instead of NULL so a group always has a row to fence on. */
export const logStart: OutboxPosition = { txId: '0', position: '0' };

export const isLogStart = (p: OutboxPosition) => p.txId === '0' && p.position === '0';

/** Someone else moved the group's checkpoint (a second member after losing the group lock): reload. */
export class CheckpointMovedError extends Error {
  constructor(group: string) {
    super(`checkpoint of group ${group} moved under us; reloading`);
    this.name = 'CheckpointMovedError';
  }
}

const migrations = [
  {
    id: '0001-create-event-log-checkpoints',
    sql: `CREATE TABLE event_log_checkpoints (
      group_id   text PRIMARY KEY,
      tx_id      xid8 NOT NULL,
      position   bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`,
  },
];

/**
 * Positions of the embedded event log, one per consumer group, kept in the READ database so a projector
 * can advance its checkpoint in the same transaction as its effects.
 */
export class CheckpointStore {
  constructor(readonly pool: Pool) {}

  async prepare(): Promise<void> {
    await migrate(this.pool, 'event-log', migrations);
  }

  /** The group's position, creating it at `initial` when the group is new. */
  async load(group: string, initial: () => Promise<OutboxPosition>): Promise<OutboxPosition> {
    const found = await this.find(group);
    if (found) return found;
    const start = await initial();
    await this.pool.query(
      `INSERT INTO event_log_checkpoints (group_id, tx_id, position) VALUES ($1, $2::xid8, $3) ON CONFLICT DO NOTHING`,
      [group, start.txId, start.position],
    );
    return (await this.find(group))!;
  }

  /** Moves the checkpoint from `expected` to `next`; fails when it is not at `expected` any more. */
  async advance(client: SqlClient, group: string, expected: OutboxPosition, next: OutboxPosition): Promise<void> {
    const { rowCount } = await client.query(
      `UPDATE event_log_checkpoints SET tx_id = $4::xid8, position = $5, updated_at = now()
       WHERE group_id = $1 AND tx_id = $2::xid8 AND position = $3`,
      [group, expected.txId, expected.position, next.txId, next.position],
    );
    if (rowCount !== 1) throw new CheckpointMovedError(group);
  }

  /** Drops the group's position (a finished rebuild's group). */
  async forget(group: string): Promise<void> {
    await this.pool.query('DELETE FROM event_log_checkpoints WHERE group_id = $1', [group]);
  }

  private async find(group: string): Promise<OutboxPosition | undefined> {
    const { rows } = await this.pool.query<{ tx_id: string; position: string }>(
      'SELECT tx_id::text, position::text FROM event_log_checkpoints WHERE group_id = $1',
      [group],
    );
    const row = rows[0];
    return row && { txId: row.tx_id, position: row.position };
  }
}
