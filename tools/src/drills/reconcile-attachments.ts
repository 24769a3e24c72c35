// Attachments reconciled: the media DB's rows against the objects in the system's object store — no object without
// its row, no row without its object. Pure; the drill reads both sides (media-side.ts).

export interface MediaRows {
  /** The attachments that exist (`media_attachments`: a removed one's row is deleted): each original and its thumbnail. */
  readonly attachments: readonly { readonly id: string; readonly objectKey: string; readonly thumbnailKey: string | null }[];
  /** Uploads asked for and neither attached nor expired: their object is there once the client sent the bytes, or never. */
  readonly uploadKeys: readonly string[];
  /** Objects whose rows are gone, queued for deletion (`media_object_deletions`): still there until the sweeper's turn. */
  readonly queuedDeletions: readonly string[];
}

export interface AttachmentReconciliation {
  readonly objects: number;
  readonly attachments: number;
  /** Stored objects no row accounts for (not an attachment's, a pending upload's, queued for deletion nor an export). */
  readonly objectsWithoutRow: number;
  /** Attachments whose original or thumbnail is not stored (one per missing object). */
  readonly rowsWithoutObject: number;
  /** Objects accounted for otherwise: a pending upload's, queued for deletion, an export (no row by design, swept by age). */
  readonly pendingUploads: number;
  readonly awaitingDeletion: number;
  readonly exports: number;
  /** The first 20 findings. */
  readonly examples: readonly string[];
}

/** Where the media service writes exports (services/media, export-naming.ts / sweep-media.ts). */
const exportKey = /^users\/[^/]+\/exports\//;

export function reconcileAttachments(objectKeys: Iterable<string>, rows: MediaRows): AttachmentReconciliation {
  const stored = new Set(objectKeys);
  const owned = new Map<string, string>(); // object key → the attachment it belongs to
  for (const a of rows.attachments) {
    owned.set(a.objectKey, a.id);
    if (a.thumbnailKey) owned.set(a.thumbnailKey, a.id);
  }
  const uploads = new Set(rows.uploadKeys);
  const queued = new Set(rows.queuedDeletions);
  const found: string[] = [];
  let objectsWithoutRow = 0;
  let pendingUploads = 0;
  let awaitingDeletion = 0;
  let exports = 0;
  for (const key of stored) {
    if (owned.has(key)) continue;
    if (queued.has(key)) awaitingDeletion += 1;
    else if (uploads.has(key)) pendingUploads += 1;
    else if (exportKey.test(key)) exports += 1;
    else {
      objectsWithoutRow += 1;
      found.push(`object ${key} without its row`);
    }
  }
  let rowsWithoutObject = 0;
  for (const [key, attachmentId] of owned) {
    if (stored.has(key)) continue;
    rowsWithoutObject += 1;
    found.push(`attachment ${attachmentId} without its object ${key}`);
  }
  return {
    objects: stored.size, attachments: rows.attachments.length, objectsWithoutRow, rowsWithoutObject,
    pendingUploads, awaitingDeletion, exports, examples: found.slice(0, 20),
  };
}

/** Whether nothing is off. */
export const attachmentsClean = (r: AttachmentReconciliation) => r.objectsWithoutRow === 0 && r.rowsWithoutObject === 0;
