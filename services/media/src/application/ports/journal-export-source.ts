// What an export reads: one journal of its owner and its entries in date order, each with its attachments.
// Entries come as an async iterable read page by page, so an export of thousands of entries holds one page at a
// time, never the journal.

export interface ExportedJournal {
  id: string;
  name: string;
  color: string | null;
  icon: string | null;
  createdAt: string;
}

export interface ExportedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Where its bytes are in the object store. */
  objectKey: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  createdAt: string;
}

export interface ExportedEntry {
  id: string;
  title: string;
  content: string;
  mood: string | null;
  tags: readonly string[];
  weather: string | null;
  location: string | null;
  createdAt: string;
  updatedAt: string;
  attachments: readonly ExportedAttachment[];
}

export interface JournalExportSource {
  /** The journal when it is the owner's and not deleted; null otherwise (another user's looks like none). */
  journal(ownerId: string, journalId: string): Promise<ExportedJournal | null>;
  /** The journal's live entries with `from <= day(createdAt) <= to` (ISO dates, inclusive), oldest first. */
  entries(ownerId: string, journalId: string, range: { from?: string; to?: string }): AsyncIterable<ExportedEntry>;
}
