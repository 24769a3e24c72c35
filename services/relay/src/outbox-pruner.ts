import type { Pool } from '@mindflow/db';

/**
 * Deletes outbox rows the relay `reader` has already delivered (at or before its checkpoint) and that are older
 * than `retentionMs`, `batchSize` rows per statement so no statement holds many locks for long. Kafka keeps the
 * events for good (event topics have no retention limit, `@mindflow/event-log` `eventTopicConfig`), so the write
 * DB needs only a recent tail: for redelivery, the relay's restart, and a person looking at what was written.
 * Rows not yet delivered are never deleted, whatever their age. Returns how many rows it deleted.
 */
export async function pruneOutbox(pool: Pool, reader: string, options: { retentionMs: number; batchSize?: number; maxBatches?: number }): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  const maxBatches = options.maxBatches ?? 20; // at most 100 000 rows a round: the rest waits for the next
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    // Oldest first through `outbox_occurred_at`: when nothing is old enough the scan is empty, whatever is kept.
    const { rowCount } = await pool.query(
      `DELETE FROM outbox WHERE position IN (
         SELECT o.position FROM outbox o JOIN outbox_checkpoints c ON c.reader = $1
         WHERE o.occurred_at < now() - make_interval(secs => $2::double precision / 1000)
           AND (o.tx_id, o.position) <= (c.tx_id, c.position)
         ORDER BY o.occurred_at
         LIMIT $3)`,
      [reader, options.retentionMs, batchSize],
    );
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) break;
  }
  return deleted;
}
