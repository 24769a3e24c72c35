import { acceptedTypesMessage, decideMedia } from '../domain/accepted-media.js';
import { cleanFileName, uploadKey } from '../domain/object-keys.js';
import { planOf, quotaRefusal } from '../domain/storage-quota.js';
import { MediaError } from './media-error.js';
import type { MediaCaller, MediaSettings } from './media-settings.js';
import type { MediaObjects } from './ports/media-objects.js';
import type { MediaStore } from './ports/media-store.js';

export interface RequestUploadDependencies {
  readonly store: MediaStore;
  readonly objects: MediaObjects;
  readonly settings: MediaSettings;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface UploadRequest {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

export interface UploadTicket {
  readonly uploadId: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly expiresAt: Date;
}

/**
 * A signed PUT URL for one file: the bytes go straight to object storage. The declared size counts against the
 * quota until the upload is attached or expires (so many uploads at once cannot overrun it); the declared type is
 * part of the signature but decides nothing: attachFile reads the type from the bytes.
 */
export async function requestUpload(deps: RequestUploadDependencies, caller: MediaCaller, input: UploadRequest): Promise<UploadTicket> {
  const fileName = cleanFileName(input.fileName);
  if (!fileName) throw new MediaError('BAD_USER_INPUT', 'fileName must name a file: 1 to 255 characters, no control characters or quotes', 'fileName');
  const contentType = input.contentType.trim().toLowerCase();
  if ('refused' in decideMedia(contentType, contentType)) {
    throw new MediaError('BAD_USER_INPUT', `contentType must be one of the accepted types (${acceptedTypesMessage})`, 'contentType');
  }
  if (!Number.isInteger(input.size) || input.size < 1) throw new MediaError('BAD_USER_INPUT', 'size must be a positive number of bytes', 'size');
  if (input.size > deps.settings.maxUploadBytes) {
    throw new MediaError('PAYLOAD_TOO_LARGE', `the file is larger than the ${deps.settings.maxUploadBytes} bytes allowed`, 'size');
  }
  const now = deps.now();
  const uploadId = deps.newId();
  const objectKey = uploadKey(caller.userId, uploadId);
  const expiresAt = new Date(now.getTime() + deps.settings.uploadExpirySeconds * 1000);
  await deps.store.transaction(async (tx) => {
    await tx.lockUser(caller.userId);
    const refusal = quotaRefusal({ usedBytes: await tx.usedBytes(caller.userId, now), addingBytes: input.size, plan: planOf(caller.roles), limits: deps.settings.quota });
    if (refusal) throw new MediaError('FORBIDDEN', refusal);
    await tx.insertUpload({ uploadId, ownerId: caller.userId, fileName, declaredType: contentType, declaredSize: input.size, objectKey, createdAt: now, expiresAt });
  });
  const signed = await deps.objects.signedPutUrl(objectKey, { contentType, maxBytes: input.size, expiresInSeconds: deps.settings.uploadUrlSeconds });
  return {
    uploadId,
    url: signed.url,
    method: 'PUT',
    headers: Object.entries(signed.headers).map(([name, value]) => ({ name, value })),
    expiresAt: new Date(now.getTime() + deps.settings.uploadUrlSeconds * 1000),
  };
}
