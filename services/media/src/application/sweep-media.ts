import type { MediaObjects } from './ports/media-objects.js';

/** What the sweeper needs from the media DB. */
export interface SweepStore {
  /** Deletes up to `limit` uploads that expired unattached and queues their objects; answers how many. */
  expireUploads(now: Date, limit: number): Promise<number>;
  /** Up to `limit` object keys queued for deletion, oldest first. */
  queuedDeletions(limit: number): Promise<string[]>;
  dequeue(keys: readonly string[]): Promise<void>;
}

export interface SweepReport {
  readonly expiredUploads: number;
  readonly deletedObjects: number;
}

/**
 * One sweep: uploads never attached expire (their rows go and their objects are queued), then queued objects are
 * deleted from storage and unqueued, in bounded batches until the queue is empty. A store failure leaves the rest
 * queued for the next sweep.
 */
export async function sweepMedia(store: SweepStore, objects: MediaObjects, now: Date, batch = 500): Promise<SweepReport> {
  let expiredUploads = 0;
  for (let n = batch; n === batch; ) {
    n = await store.expireUploads(now, batch);
    expiredUploads += n;
  }
  let deletedObjects = 0;
  for (;;) {
    const keys = await store.queuedDeletions(batch);
    if (keys.length === 0) break;
    await objects.delete(keys);
    await store.dequeue(keys);
    deletedObjects += keys.length;
    if (keys.length < batch) break;
  }
  return { expiredUploads, deletedObjects };
}
