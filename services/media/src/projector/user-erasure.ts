import type { PoolClient } from '@mindflow/db';
import { acknowledgeInOutbox, eraseOwnedRows, type UserEraser } from '@mindflow/event-log';
import type { ObjectStore } from '@mindflow/object-storage';
import { ownerObjectPrefixes } from '../domain/object-keys.js';

/**
 * Every table of the media DB that holds a user's rows (`owner_id`). A new one joins this list:
 * `user-erasure.int.spec.ts` fails while a table with `owner_id` is missing from it.
 */
export const mediaUserTables = ['media_attachments', 'media_uploads', 'media_targets'] as const;

/** Objects deleted per request (S3's DeleteObjects takes at most 1,000). */
const deleteBatch = 1_000;

/**
 * What media erases of a user on `UserErasureRequested` (issue 16): their attachments, uploads and targets, their
 * queued object deletions and dead letters, and every object of theirs in the object store, really deleted (not
 * queued): originals, thumbnails and exports under `users/<id>/`, pending uploads under `uploads/<id>/`, whether a
 * row points at them or not. Acknowledged with `UserDataErased` in the media outbox in the same transaction (the
 * media relay publishes it). The objects go before the transaction commits: if it fails, the erasure comes again
 * and deletes what is left (deleting is idempotent).
 */
export function mediaUserEraser(projection: string, objects: ObjectStore, now: () => Date): UserEraser {
  return {
    service: 'media',
    async erase(userId, tx) {
      const erased = await eraseOwnedRows(tx, userId, projection, mediaUserTables);
      erased['media_object_deletions'] = await dequeueObjectsOf(tx, userId);
      let count = 0;
      for (const prefix of ownerObjectPrefixes(userId)) {
        let keys: string[] = [];
        for await (const object of objects.list(prefix)) {
          keys.push(object.key);
          if (keys.length === deleteBatch) {
            await objects.delete(keys);
            count += keys.length;
            keys = [];
          }
        }
        if (keys.length > 0) await objects.delete(keys);
        count += keys.length;
      }
      erased['objects'] = count;
      return erased;
    },
    acknowledge: acknowledgeInOutbox('media', now),
  };
}

async function dequeueObjectsOf(tx: PoolClient, userId: string): Promise<number> {
  const { rowCount } = await tx.query('DELETE FROM media_object_deletions WHERE starts_with(object_key, $1) OR starts_with(object_key, $2)', [...ownerObjectPrefixes(userId)]);
  return rowCount ?? 0;
}
