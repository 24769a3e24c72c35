import type { MediaObjects } from './ports/media-objects.js';

/** What the sweeper needs from the media DB. */
export interface SweepStore {
  /** Deletes up to `limit` uploads that expired unattached and queues their objects; answers how many. */
  expireUploads(now: Date, limit: number): Promise<number>;
  /** Up to `limit` object keys queued for deletion, oldest first. */
  queuedDeletions(limit: number): Promise<string[]>;
  dequeue(keys: readonly string[]): Promise<void>;
  /** Which of these upload object keys still have an upload row (pending, not yet attached nor expired). */
  liveUploadKeys(keys: readonly string[]): Promise<ReadonlySet<string>>;
}

/** How long objects no row accounts for may stay. */
export interface SweepAges {
  /**
   * An object under `uploads/` with no upload row (attached, expired or erased) older than this is deleted: a signed
   * PUT URL stays valid after its upload was attached, so a second PUT can recreate the object. The URL's lifetime.
   */
  readonly orphanUploadSeconds: number;
  /** An export (`users/<id>/exports/…`) older than this is deleted: its download URL was handed out at once. */
  readonly exportSeconds: number;
}

/** Where uploads are sent, and where exports are written (domain/object-keys.ts, export-naming.ts). */
const uploadsPrefix = 'uploads/';
const exportKeyPattern = /^users\/[^/]+\/exports\//;

export interface SweepReport {
  readonly expiredUploads: number;
  readonly deletedObjects: number;
  /** Objects under `uploads/` no upload row accounts for, deleted. */
  readonly orphanedUploads: number;
  /** Exports past their lifetime, deleted. */
  readonly expiredExports: number;
}

/**
 * One sweep: uploads never attached expire (their rows go and their objects are queued), then queued objects are
 * deleted from storage and unqueued, in bounded batches until the queue is empty. A store failure leaves the rest
 * queued for the next sweep. Then what no row counts against a quota goes: upload objects without an upload row
 * older than the upload URL's lifetime, and exports past theirs (both found by listing, aged by modifiedAt).
 */
export async function sweepMedia(store: SweepStore, objects: MediaObjects, now: Date, ages: SweepAges, batch = 500): Promise<SweepReport> {
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
  const orphanedUploads = await sweepListed(objects, uploadsPrefix, now, ages.orphanUploadSeconds, batch, async (keys) => {
    const live = await store.liveUploadKeys(keys);
    return keys.filter((key) => !live.has(key));
  });
  const expiredExports = await sweepListed(objects, 'users/', now, ages.exportSeconds, batch, (keys) => Promise.resolve(keys.filter((key) => exportKeyPattern.test(key))));
  return { expiredUploads, deletedObjects, orphanedUploads, expiredExports };
}

/** Deletes the objects under `prefix` older than `ageSeconds` that `doomed` picks, a batch at a time. */
async function sweepListed(
  objects: MediaObjects,
  prefix: string,
  now: Date,
  ageSeconds: number,
  batch: number,
  doomed: (keys: string[]) => Promise<string[]>,
): Promise<number> {
  const before = now.getTime() - ageSeconds * 1000;
  let deleted = 0;
  let old: string[] = [];
  const flush = async () => {
    const keys = old.length > 0 ? await doomed(old) : [];
    old = [];
    if (keys.length > 0) await objects.delete(keys);
    deleted += keys.length;
  };
  // Collected first, deleted after each batch: deleting does not disturb a listing already past those keys.
  for await (const object of objects.list(prefix)) {
    if (object.modifiedAt.getTime() > before) continue;
    old.push(object.key);
    if (old.length >= batch) await flush();
  }
  await flush();
  return deleted;
}
