import type { Pool } from '@mindflow/db';
import type { AttachmentRow } from '../application/ports/media-store.js';
import { attachmentColumns } from '../adapters/pg/pg-media-store.js';

/** Reads the caller's attachments of a target; another owner's target reads as empty. */
export interface AttachmentReader {
  ofTarget(targetId: string, ownerId: string): Promise<AttachmentRow[]>;
}

export function pgAttachmentReader(pool: Pool): AttachmentReader {
  return {
    async ofTarget(targetId, ownerId) {
      const { rows } = await pool.query<AttachmentRow>(
        `SELECT ${attachmentColumns} FROM media_attachments WHERE target_id = $1 AND owner_id = $2 ORDER BY created_at, attachment_id`,
        [targetId, ownerId],
      );
      return rows;
    },
  };
}
