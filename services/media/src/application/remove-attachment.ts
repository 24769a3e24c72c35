import { newEvent } from '@mindflow/events';
import { deleteObjectsNow } from './object-deletions.js';
import { MediaError } from './media-error.js';
import type { MediaCaller } from './media-settings.js';
import type { MediaObjects } from './ports/media-objects.js';
import type { MediaStore } from './ports/media-store.js';

export interface RemoveAttachmentDependencies {
  readonly store: MediaStore;
  readonly objects: MediaObjects;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly correlationId: string;
}

export interface RemovedAttachment {
  readonly id: string;
  readonly version: number;
  readonly deletedAt: Date;
}

/** Removes one of the caller's attachments: the row and AttachmentRemoved in one transaction, then its objects. */
export async function removeAttachment(deps: RemoveAttachmentDependencies, caller: MediaCaller, attachmentId: string): Promise<RemovedAttachment> {
  const now = deps.now();
  const removed = await deps.store.transaction(async (tx) => {
    const row = await tx.deleteAttachment(attachmentId, caller.userId);
    if (!row) throw new MediaError('NOT_FOUND', 'no such attachment', 'id');
    const keys = [row.objectKey, ...(row.thumbnailKey ? [row.thumbnailKey] : [])];
    await tx.queueObjectDeletions(keys, now);
    await tx.appendEvents([
      newEvent('AttachmentRemoved', {
        eventId: deps.newId(),
        occurredAt: now.toISOString(),
        source: 'media',
        correlationId: deps.correlationId,
        causationId: null,
        userId: caller.userId,
        aggregateId: row.attachmentId,
        aggregateVersion: 2,
        payload: { attachmentId: row.attachmentId, targetType: row.targetType, targetId: row.targetId, reason: 'REMOVED', removedAt: now.toISOString() },
      }),
    ]);
    return keys;
  });
  await deleteObjectsNow(deps.store, deps.objects, removed);
  return { id: attachmentId, version: 2, deletedAt: now };
}
