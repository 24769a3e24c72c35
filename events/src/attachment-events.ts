import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { notPersonal, personal } from './privacy/personal.js';
import { Id, Instant } from './scalars.js';

// Emitted by the media service through its own outbox (services/media): the command side of attachments.
// Aggregate: attachment (aggregateId = attachmentId). AttachmentAdded is version 1, AttachmentRemoved version 2;
// an attachment is never changed in between (a new file is a new attachment).

/** What an attachment hangs on: one entry or one thought, always the attachment owner's. */
export const AttachmentTargetType = z.enum(['Entry', 'Thought']);
export type AttachmentTargetType = z.infer<typeof AttachmentTargetType>;

/**
 * An uploaded file checked (type from its bytes, size, owner of the upload and of the target), processed (images:
 * metadata stripped, orientation applied, thumbnail; audio: duration) and stored. Self-contained: the object keys
 * are the stored (processed) object and its thumbnail, so a consumer (export, erasure, the drills' reconciliation)
 * finds the bytes without asking the media service. `fileName` is the name the user gave, never a path.
 */
export const AttachmentAddedPayload = z.object({
  attachmentId: Id,
  targetType: AttachmentTargetType,
  targetId: Id,
  /** The journal of the target entry (null for a thought): deleting the journal deletes its attachments. */
  journalId: Id.nullable(),
  fileName: personal(z.string().min(1).max(255)),
  /** The type read from the stored bytes (`image/jpeg`, `audio/mp4`, `application/pdf` …), never the client's claim. */
  contentType: notPersonal(z.string().min(1), 'a media type read from the bytes'),
  size: z.number().int().min(1),
  objectKey: notPersonal(z.string().min(1), 'a storage key made of ids; erasure needs it in the clear to delete the bytes'),
  thumbnailKey: notPersonal(z.string().min(1).nullable(), 'a storage key made of ids'),
  width: z.number().int().min(1).nullable(),
  height: z.number().int().min(1).nullable(),
  durationSeconds: z.number().min(0).nullable(),
  addedAt: Instant,
});
export type AttachmentAddedPayload = z.infer<typeof AttachmentAddedPayload>;

/** Why an attachment went: its owner removed it, or the entry, thought or journal it was on was deleted. */
export const AttachmentRemovalReason = z.enum(['REMOVED', 'TARGET_DELETED']);
export type AttachmentRemovalReason = z.infer<typeof AttachmentRemovalReason>;

/** The attachment is gone for readers at once; its objects are deleted from storage right after (not just hidden). */
export const AttachmentRemovedPayload = z.object({
  attachmentId: Id,
  targetType: AttachmentTargetType,
  targetId: Id,
  reason: AttachmentRemovalReason,
  removedAt: Instant,
});
export type AttachmentRemovedPayload = z.infer<typeof AttachmentRemovedPayload>;

export const attachmentEvents = {
  AttachmentAdded: defineEvent(AttachmentAddedPayload, { aggregateIdOf: (p) => p.attachmentId }),
  AttachmentRemoved: defineEvent(AttachmentRemovedPayload, { aggregateIdOf: (p) => p.attachmentId }),
};
