import { withTransaction, type Pool } from '@mindflow/db';
import type { SweepStore } from '../../application/sweep-media.js';

export function pgSweepStore(pool: Pool): SweepStore {
  return {
    expireUploads: (now, limit) =>
      withTransaction(pool, async (tx) => {
        const { rows } = await tx.query<{ objectKey: string }>(
          `DELETE FROM media_uploads WHERE upload_id IN (
             SELECT upload_id FROM media_uploads WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING object_key AS "objectKey"`,
          [now, limit],
        );
        if (rows.length > 0) {
          await tx.query(
            `INSERT INTO media_object_deletions (object_key, queued_at) SELECT unnest($1::text[]), $2 ON CONFLICT (object_key) DO NOTHING`,
            [rows.map((r) => r.objectKey), now],
          );
        }
        return rows.length;
      }),
    async queuedDeletions(limit) {
      const { rows } = await pool.query<{ objectKey: string }>(
        'SELECT object_key AS "objectKey" FROM media_object_deletions ORDER BY queued_at, object_key LIMIT $1',
        [limit],
      );
      return rows.map((r) => r.objectKey);
    },
    async liveUploadKeys(keys) {
      const { rows } = await pool.query<{ objectKey: string }>(
        'SELECT object_key AS "objectKey" FROM media_uploads WHERE object_key = ANY($1::text[])',
        [keys],
      );
      return new Set(rows.map((r) => r.objectKey));
    },
    async dequeue(keys) {
      await pool.query('DELETE FROM media_object_deletions WHERE object_key = ANY($1::text[])', [keys]);
    },
  };
}
