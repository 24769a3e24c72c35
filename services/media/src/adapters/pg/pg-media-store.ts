import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import type { KeyStore } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import type { AttachmentRow, MediaStore, MediaTransaction, TargetRow, UploadRow } from '../../application/ports/media-store.js';

const uploadColumns = `upload_id AS "uploadId", owner_id AS "ownerId", file_name AS "fileName", declared_type AS "declaredType",
  declared_size::float8 AS "declaredSize", object_key AS "objectKey", created_at AS "createdAt", expires_at AS "expiresAt"`;
const targetColumns = `target_id AS "targetId", target_type AS "targetType", owner_id AS "ownerId", journal_id AS "journalId",
  deleted_at IS NOT NULL AS deleted`;
export const attachmentColumns = `attachment_id AS "attachmentId", owner_id AS "ownerId", target_type AS "targetType",
  target_id AS "targetId", journal_id AS "journalId", file_name AS "fileName", content_type AS "contentType", size::float8 AS size,
  object_key AS "objectKey", thumbnail_key AS "thumbnailKey", thumbnail_size::float8 AS "thumbnailSize", width, height,
  duration_seconds AS "durationSeconds", created_at AS "createdAt"`;

/**
 * The media DB behind the use cases' store port. With `keys`, the events it appends (AttachmentAdded: fileName) are
 * sealed with their owner's data key (issue 16); an erased user's are not written.
 */
export function pgMediaStore(pool: Pool, keys?: KeyStore): MediaStore {
  return {
    transaction: (work) => withTransaction(pool, (tx) => work(pgMediaTransaction(tx, keys))),
    target: (targetId) => targetIn(pool, targetId, ''),
    async upload(uploadId) {
      const { rows } = await pool.query<UploadRow>(`SELECT ${uploadColumns} FROM media_uploads WHERE upload_id = $1`, [uploadId]);
      return rows[0] ?? null;
    },
  };
}

export function pgMediaTransaction(tx: PoolClient, keys?: KeyStore): MediaTransaction {
  return {
    async lockUser(ownerId) {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('media-quota:' || $1, 0))`, [ownerId]);
    },
    async usedBytes(ownerId, now) {
      const { rows } = await tx.query<{ used: number }>(
        `SELECT (COALESCE((SELECT sum(size + thumbnail_size) FROM media_attachments WHERE owner_id = $1), 0)
               + COALESCE((SELECT sum(declared_size) FROM media_uploads WHERE owner_id = $1 AND expires_at > $2), 0))::float8 AS used`,
        [ownerId, now],
      );
      return rows[0]?.used ?? 0;
    },
    async insertUpload(u) {
      await tx.query(
        `INSERT INTO media_uploads (upload_id, owner_id, file_name, declared_type, declared_size, object_key, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [u.uploadId, u.ownerId, u.fileName, u.declaredType, u.declaredSize, u.objectKey, u.createdAt, u.expiresAt],
      );
    },
    async lockUpload(uploadId) {
      const { rows } = await tx.query<UploadRow>(`SELECT ${uploadColumns} FROM media_uploads WHERE upload_id = $1 FOR UPDATE`, [uploadId]);
      return rows[0] ?? null;
    },
    async deleteUpload(uploadId) {
      await tx.query('DELETE FROM media_uploads WHERE upload_id = $1', [uploadId]);
    },
    // FOR SHARE: the projector's deletion of the target waits for this attach to commit, then removes it too.
    target: (targetId) => targetIn(tx, targetId, 'FOR SHARE'),
    async insertAttachment(a) {
      await tx.query(
        `INSERT INTO media_attachments (attachment_id, owner_id, target_type, target_id, journal_id, file_name, content_type, size,
           object_key, thumbnail_key, thumbnail_size, width, height, duration_seconds, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [a.attachmentId, a.ownerId, a.targetType, a.targetId, a.journalId, a.fileName, a.contentType, a.size, a.objectKey,
          a.thumbnailKey, a.thumbnailSize, a.width, a.height, a.durationSeconds, a.createdAt],
      );
    },
    async deleteAttachment(attachmentId, ownerId) {
      const { rows } = await tx.query<AttachmentRow>(
        `DELETE FROM media_attachments WHERE attachment_id = $1 AND owner_id = $2 RETURNING ${attachmentColumns}`,
        [attachmentId, ownerId],
      );
      return rows[0] ?? null;
    },
    queueObjectDeletions: (keys, now) => queueObjectDeletions(tx, keys, now),
    async dequeueObjectDeletions(keys) {
      await tx.query('DELETE FROM media_object_deletions WHERE object_key = ANY($1::text[])', [keys]);
    },
    appendEvents: (events) => appendToOutbox(tx, events, { keys, skipErased: true }),
  };
}

export async function queueObjectDeletions(tx: PoolClient, keys: readonly string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `INSERT INTO media_object_deletions (object_key, queued_at) SELECT unnest($1::text[]), $2 ON CONFLICT (object_key) DO NOTHING`,
    [keys, now],
  );
}

async function targetIn(client: Pool | PoolClient, targetId: string, lock: string): Promise<TargetRow | null> {
  const { rows } = await client.query<TargetRow>(`SELECT ${targetColumns} FROM media_targets WHERE target_id = $1 ${lock}`, [targetId]);
  return rows[0] ?? null;
}
