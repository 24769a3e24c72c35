import { randomBytes } from 'node:crypto';
import { withTransaction, type Pool } from '@mindflow/db';
import { KeyDestroyedError, needsSealing, sealEventWith, type KeyStore } from '@mindflow/events';

export interface SealReport {
  /** Rows looked at (every unsealed row of the outbox). */
  readonly scanned: number;
  /** Rows whose personal fields were sealed with their owner's key. */
  readonly sealed: number;
  /** Rows of owners whose key is already destroyed: sealed under a key thrown away at once, i.e. erased. */
  readonly erased: number;
}

interface Row {
  position: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  user_id: string;
  payload: unknown;
}

/**
 * Seals the personal fields of the outbox rows written before crypto-shredding (issue 16), in place, oldest first,
 * one transaction per batch: after it, the outbox (the embedded event log, and the relay's unpublished tail) holds no
 * personal field in the clear. Safe to run while the system writes and reads (new rows arrive sealed; readers take a
 * row sealed or not alike), and to run again (sealed rows are passed over). The row's old version stays in the table
 * until vacuumed: the CLI vacuums at the end. Kafka's copies are not rewritten here (SECURITY.md).
 */
export async function sealOutboxHistory(pool: Pool, keys: KeyStore, options: { batchSize?: number } = {}): Promise<SealReport> {
  const batchSize = options.batchSize ?? 500;
  let after = '0';
  let scanned = 0;
  let sealed = 0;
  let erased = 0;
  for (;;) {
    const rows = await withTransaction(pool, async (tx) => {
      const { rows } = await tx.query<Row>(
        `SELECT position::text AS position, event_id::text AS event_id, event_type, schema_version, user_id::text AS user_id, payload
         FROM outbox WHERE position > $1::bigint AND NOT (payload ? '$sealed') ORDER BY position LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [after, batchSize],
      );
      for (const row of rows) {
        const stored = { eventId: row.event_id, eventType: row.event_type, schemaVersion: row.schema_version, userId: row.user_id, payload: row.payload };
        if (!needsSealing(stored)) continue;
        let key: Buffer;
        try {
          key = await keys.getOrCreate(row.user_id);
          sealed += 1;
        } catch (error) {
          if (!(error instanceof KeyDestroyedError)) throw error;
          key = randomBytes(32); // never stored: what it seals is gone, and readers see the owner's tombstone (erased)
          erased += 1;
        }
        await tx.query('UPDATE outbox SET payload = $2 WHERE position = $1::bigint', [row.position, JSON.stringify(sealEventWith(stored, key).payload)]);
      }
      return rows;
    });
    scanned += rows.length;
    if (rows.length < batchSize) return { scanned, sealed, erased };
    after = rows[rows.length - 1]!.position;
  }
}
