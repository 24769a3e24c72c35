import type { OutboxClient, OutboxPosition } from './outbox-row.js';

/** The last position `reader` delivered, or null when it has delivered nothing yet. */
export async function loadOutboxCheckpoint(client: OutboxClient, reader: string): Promise<OutboxPosition | null> {
  const { rows } = await client.query(
    'SELECT tx_id::text AS tx_id, position::text AS position FROM outbox_checkpoints WHERE reader = $1',
    [reader],
  );
  const row = rows[0] as { tx_id: string; position: string } | undefined;
  return row ? { txId: row.tx_id, position: row.position } : null;
}

/**
 * Records that `reader` delivered everything up to `at`. Call it only after delivery is acknowledged:
 * a crash between the two redelivers (at least once), never loses. The checkpoint only moves forward, so
 * a deposed reader finishing a late batch cannot drag it back behind its successor.
 */
export async function saveOutboxCheckpoint(client: OutboxClient, reader: string, at: OutboxPosition): Promise<void> {
  await client.query(
    `INSERT INTO outbox_checkpoints AS c (reader, tx_id, position) VALUES ($1, $2::xid8, $3::bigint)
     ON CONFLICT (reader) DO UPDATE SET tx_id = EXCLUDED.tx_id, position = EXCLUDED.position, updated_at = now()
     WHERE (c.tx_id, c.position) < (EXCLUDED.tx_id, EXCLUDED.position)`,
    [reader, at.txId, at.position],
  );
}
