import type { AnyEvent } from '@mindflow/events';

export interface UploadRow {
  readonly uploadId: string;
  readonly ownerId: string;
  readonly fileName: string;
  readonly declaredType: string;
  readonly declaredSize: number;
  readonly objectKey: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface TargetRow {
  readonly targetId: string;
  readonly targetType: 'Entry' | 'Thought';
  readonly ownerId: string;
  readonly journalId: string | null;
  readonly deleted: boolean;
}

export interface AttachmentRow {
  readonly attachmentId: string;
  readonly ownerId: string;
  readonly targetType: 'Entry' | 'Thought';
  readonly targetId: string;
  readonly journalId: string | null;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly objectKey: string;
  readonly thumbnailKey: string | null;
  readonly thumbnailSize: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationSeconds: number | null;
  readonly createdAt: Date;
}

/** One transaction over the media DB: rows and the outbox commit together. */
export interface MediaTransaction {
  /** Serialises a user's quota decisions (a per-user advisory lock held to the commit). */
  lockUser(ownerId: string): Promise<void>;
  /** Bytes the user holds: attachments and thumbnails, plus the declared size of uploads not attached or expired. */
  usedBytes(ownerId: string, now: Date): Promise<number>;
  insertUpload(upload: UploadRow): Promise<void>;
  /** The upload, locked, or null. */
  lockUpload(uploadId: string): Promise<UploadRow | null>;
  deleteUpload(uploadId: string): Promise<void>;
  target(targetId: string): Promise<TargetRow | null>;
  insertAttachment(attachment: AttachmentRow): Promise<void>;
  /** Deletes the owner's attachment row and answers it; null when the owner has none by that id. */
  deleteAttachment(attachmentId: string, ownerId: string): Promise<AttachmentRow | null>;
  queueObjectDeletions(keys: readonly string[], now: Date): Promise<void>;
  dequeueObjectDeletions(keys: readonly string[]): Promise<void>;
  appendEvents(events: readonly AnyEvent[]): Promise<void>;
}

export interface MediaStore {
  transaction<T>(work: (tx: MediaTransaction) => Promise<T>): Promise<T>;
  /** The target as the projector last saw it (no lock), or null when it has not seen it (yet). */
  target(targetId: string): Promise<TargetRow | null>;
  upload(uploadId: string): Promise<UploadRow | null>;
}
