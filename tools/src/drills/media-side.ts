// The two sides of the attachments reconciliation in a drill's system: the media DB's rows (uploads, attachments,
// the deletion queue) and the objects of its object store, listed through @mindflow/object-storage's port (the disk
// directory or the S3 bucket, whichever the media subgraph was started with).
import { setTimeout as sleep } from 'node:timers/promises';
import { createPool, type Pool } from '@mindflow/db';
import type { ObjectStore } from '@mindflow/object-storage';
import { systemObjectStore } from '../system/index.js';
import type { DrillEnvironment } from './environment.js';
import { attachmentsClean, reconcileAttachments, type AttachmentReconciliation, type MediaRows } from './reconcile-attachments.js';

export async function mediaRows(mediaPool: Pool): Promise<MediaRows> {
  const [attachments, uploads, queued] = await Promise.all([
    mediaPool.query<{ id: string; object_key: string; thumbnail_key: string | null }>('SELECT attachment_id AS id, object_key, thumbnail_key FROM media_attachments'),
    mediaPool.query<{ object_key: string }>('SELECT object_key FROM media_uploads'),
    mediaPool.query<{ object_key: string }>('SELECT object_key FROM media_object_deletions'),
  ]);
  return {
    attachments: attachments.rows.map((r) => ({ id: r.id, objectKey: r.object_key, thumbnailKey: r.thumbnail_key })),
    uploadKeys: uploads.rows.map((r) => r.object_key),
    queuedDeletions: queued.rows.map((r) => r.object_key),
  };
}

export async function storedKeys(objects: ObjectStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of objects.list('')) keys.push(object.key);
  return keys;
}

/**
 * Reconciles the system's attachments once the load has stopped. Rows and objects are read one after the other, so a
 * removal finishing in between (the media projector removing a deleted entry's attachments: its row and queue entry,
 * then the objects) can look like a discrepancy: a finding is looked at again, up to `looks` times a second apart,
 * and only one that stays is reported.
 */
export async function reconcileSystemAttachments(env: DrillEnvironment, looks = 4): Promise<AttachmentReconciliation> {
  const objects = systemObjectStore(env.system);
  const mediaPool = createPool(env.service('media-subgraph').spec.env['MEDIA_DATABASE_URL']!, { applicationName: 'drills-attachments', max: 2 });
  try {
    let result: AttachmentReconciliation | undefined;
    for (let look = 1; look <= looks; look++) {
      const rows = await mediaRows(mediaPool);
      result = reconcileAttachments(await storedKeys(objects), rows);
      if (attachmentsClean(result)) break;
      if (look < looks) await sleep(1_000);
    }
    return result!;
  } finally {
    await mediaPool.end();
  }
}
