import { newEvent } from '@mindflow/events';
import { decideMedia } from '../domain/accepted-media.js';
import { attachmentKey, thumbnailKey } from '../domain/object-keys.js';
import { planOf, quotaRefusal } from '../domain/storage-quota.js';
import { deleteObjectsNow } from './object-deletions.js';
import { MediaError } from './media-error.js';
import type { MediaCaller, MediaSettings } from './media-settings.js';
import type { MediaObjects } from './ports/media-objects.js';
import type { MediaProcessor } from './ports/media-processor.js';
import type { AttachmentRow, MediaStore, TargetRow } from './ports/media-store.js';

export interface AttachFileDependencies {
  readonly store: MediaStore;
  readonly objects: MediaObjects;
  readonly processor: MediaProcessor;
  readonly settings: MediaSettings;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly correlationId: string;
  /** Waits between looks for a target the projector has not seen yet. */
  readonly pause: (ms: number) => Promise<void>;
}

export interface AttachTarget {
  readonly entryId?: string | null;
  readonly thoughtId?: string | null;
}

/**
 * Checks the uploaded object and makes it an attachment: the upload and the target must be the caller's, the
 * object no larger than declared (nor the limit), its type read from its bytes; the processed form (images:
 * metadata stripped, oriented, thumbnail; HEIC converted; audio: duration) is stored under the attachment's key,
 * and the row, the quota check and AttachmentAdded commit in one transaction. What does not pass is refused
 * with a message saying why, and the uploaded object is deleted.
 */
export async function attachFile(deps: AttachFileDependencies, caller: MediaCaller, uploadId: string, to: AttachTarget): Promise<AttachmentRow> {
  const wanted = targetOf(to);
  const upload = await deps.store.upload(uploadId);
  if (!upload || upload.ownerId !== caller.userId || upload.expiresAt <= deps.now()) throw new MediaError('NOT_FOUND', 'no such upload', 'uploadId');
  const target = await waitForTarget(deps, wanted.id);
  if (!target || target.ownerId !== caller.userId || target.targetType !== wanted.type || target.deleted) {
    throw new MediaError('NOT_FOUND', `no such ${wanted.type === 'Entry' ? 'entry' : 'thought'}`, wanted.type === 'Entry' ? 'to.entryId' : 'to.thoughtId');
  }

  const head = await deps.objects.head(upload.objectKey);
  if (!head) throw new MediaError('BAD_USER_INPUT', 'nothing was uploaded for this upload yet: send the bytes to its URL first', 'uploadId');
  const limit = Math.min(upload.declaredSize, deps.settings.maxUploadBytes);
  if (head.size > limit) {
    await deps.objects.delete(upload.objectKey);
    throw new MediaError('PAYLOAD_TOO_LARGE', `the uploaded file has ${head.size} bytes, more than the ${limit} declared or allowed`, 'uploadId');
  }
  const bytes = await readAll(deps.objects, upload.objectKey, limit);
  if (!bytes) throw new MediaError('PAYLOAD_TOO_LARGE', `the uploaded file is larger than the ${limit} bytes declared or allowed`, 'uploadId');

  const decision = decideMedia(await deps.processor.detectType(bytes), upload.declaredType);
  if ('refused' in decision) return refuse(deps, upload.objectKey, decision.refused);
  const processed = await deps.processor.process(bytes, decision.accepted);
  if ('refused' in processed) return refuse(deps, upload.objectKey, processed.refused);

  const attachmentId = deps.newId();
  const objectKey = attachmentKey(caller.userId, attachmentId);
  const thumbKey = processed.thumbnail ? thumbnailKey(caller.userId, attachmentId) : null;
  await deps.objects.put(objectKey, processed.body, { contentType: processed.contentType, contentLength: processed.body.length });
  if (thumbKey && processed.thumbnail) await deps.objects.put(thumbKey, processed.thumbnail, { contentType: 'image/webp', contentLength: processed.thumbnail.length });
  const stored = [objectKey, ...(thumbKey ? [thumbKey] : [])];

  const now = deps.now();
  const attachment: AttachmentRow = {
    attachmentId,
    ownerId: caller.userId,
    targetType: target.targetType,
    targetId: target.targetId,
    journalId: target.journalId,
    fileName: upload.fileName,
    contentType: processed.contentType,
    size: processed.body.length,
    objectKey,
    thumbnailKey: thumbKey,
    thumbnailSize: processed.thumbnail?.length ?? 0,
    width: processed.width,
    height: processed.height,
    durationSeconds: processed.durationSeconds,
    createdAt: now,
  };
  try {
    await deps.store.transaction(async (tx) => {
      await tx.lockUser(caller.userId);
      const locked = await tx.lockUpload(uploadId);
      if (!locked || locked.ownerId !== caller.userId) throw new MediaError('NOT_FOUND', 'no such upload', 'uploadId');
      const current = await tx.target(target.targetId);
      if (!current || current.deleted) throw new MediaError('NOT_FOUND', `no such ${target.targetType === 'Entry' ? 'entry' : 'thought'}`, 'to');
      // The upload's declared size is counted as pending until now: the stored form replaces it.
      const used = (await tx.usedBytes(caller.userId, now)) - locked.declaredSize;
      const refusal = quotaRefusal({ usedBytes: used, addingBytes: attachment.size + attachment.thumbnailSize, plan: planOf(caller.roles), limits: deps.settings.quota });
      if (refusal) throw new MediaError('FORBIDDEN', refusal);
      await tx.insertAttachment(attachment);
      await tx.deleteUpload(uploadId);
      await tx.queueObjectDeletions([upload.objectKey], now);
      await tx.appendEvents([
        newEvent('AttachmentAdded', {
          eventId: deps.newId(),
          occurredAt: now.toISOString(),
          source: 'media',
          correlationId: deps.correlationId,
          causationId: null,
          userId: caller.userId,
          aggregateId: attachmentId,
          aggregateVersion: 1,
          payload: {
            attachmentId,
            targetType: attachment.targetType,
            targetId: attachment.targetId,
            journalId: attachment.journalId,
            fileName: attachment.fileName,
            contentType: attachment.contentType,
            size: attachment.size,
            objectKey,
            thumbnailKey: thumbKey,
            width: attachment.width,
            height: attachment.height,
            durationSeconds: attachment.durationSeconds,
            addedAt: now.toISOString(),
          },
        }),
      ]);
    });
  } catch (error) {
    // Nothing points at the stored form: it goes (the upload stays, to be attached again or to expire).
    await deps.objects.delete(stored).catch(() => undefined);
    throw error;
  }
  await deleteObjectsNow(deps.store, deps.objects, [upload.objectKey]);
  return attachment;
}

function targetOf(to: AttachTarget): { type: 'Entry' | 'Thought'; id: string } {
  const entryId = to.entryId ?? null;
  const thoughtId = to.thoughtId ?? null;
  if (entryId === null && thoughtId === null) throw new MediaError('BAD_USER_INPUT', 'name exactly one of entryId and thoughtId', 'to');
  if (entryId !== null && thoughtId !== null) throw new MediaError('BAD_USER_INPUT', 'name exactly one of entryId and thoughtId, not both', 'to.thoughtId');
  return entryId !== null ? { type: 'Entry', id: entryId } : { type: 'Thought', id: thoughtId! };
}

/** A target the caller just created may not have reached the media projector yet: look again, bounded. */
async function waitForTarget(deps: AttachFileDependencies, targetId: string): Promise<TargetRow | null> {
  const deadline = Date.now() + deps.settings.targetWaitMs;
  for (;;) {
    const target = await deps.store.target(targetId);
    if (target || Date.now() >= deadline) return target;
    await deps.pause(100);
  }
}

async function refuse(deps: AttachFileDependencies, objectKey: string, message: string): Promise<never> {
  await deps.objects.delete(objectKey);
  throw new MediaError('BAD_USER_INPUT', message, 'uploadId');
}

/** The object's bytes, or null when it holds more than `limit` (a store that did not enforce the signed size). */
async function readAll(objects: MediaObjects, key: string, limit: number): Promise<Buffer | null> {
  const stream = await objects.get(key);
  if (!stream) throw new MediaError('BAD_USER_INPUT', 'nothing was uploaded for this upload yet: send the bytes to its URL first', 'uploadId');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > limit) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
