import type { MediaObjects } from './ports/media-objects.js';
import type { MediaStore } from './ports/media-store.js';

/**
 * Deletes objects whose rows are gone (their keys were queued in that same transaction), then their queue rows.
 * A failure leaves them queued: the sweeper deletes them later, so storage never keeps what no row points at.
 */
export async function deleteObjectsNow(store: MediaStore, objects: MediaObjects, keys: readonly string[]): Promise<boolean> {
  if (keys.length === 0) return true;
  try {
    await objects.delete(keys);
    await store.transaction((tx) => tx.dequeueObjectDeletions(keys));
    return true;
  } catch {
    return false;
  }
}
