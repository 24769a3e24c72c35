// What the account export reads: every record of one owner, kind by kind, each kind an async iterable read page by
// page (an account of any size is held one page at a time), and the owner's attachments with their object keys.
import type { AccountRecordKind } from '../../domain/account-export.js';

/** One of the owner's files as the account export lists it (attachments.json) and copies it (attachments/). */
export interface AccountAttachment {
  id: string;
  targetType: 'Entry' | 'Thought';
  targetId: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Where its bytes are in the object store (never exported). */
  objectKey: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  createdAt: string;
}

export interface AccountExportSource {
  /** The owner's records of one kind (anyone else's never: the reads are made as the owner). */
  records(ownerId: string, kind: Exclude<AccountRecordKind, 'attachments'>): AsyncIterable<object>;
  /** The owner's attachments, oldest first. */
  attachments(ownerId: string): AsyncIterable<AccountAttachment>;
}
