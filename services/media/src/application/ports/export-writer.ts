import type { ExportedEntry, ExportedJournal } from './journal-export-source.js';

export type ExportFormat = 'MARKDOWN' | 'JSON' | 'PDF';

/** An attachment's bytes, read from the object store when a writer needs them (null when the object is gone). */
export type AttachmentBytes = (objectKey: string) => Promise<NodeJS.ReadableStream | null>;

/**
 * Writes one export format to a stream as the entries arrive: a writer keeps at most one entry (and one
 * attachment's bytes) in memory and waits for `output` to drain, so the export's memory does not grow with the
 * journal.
 */
export interface ExportWriter {
  readonly format: ExportFormat;
  readonly contentType: string;
  readonly extension: string;
  write(
    export_: { journal: ExportedJournal; entries: AsyncIterable<ExportedEntry>; exportedAt: string; attachmentBytes: AttachmentBytes },
    output: NodeJS.WritableStream,
  ): Promise<void>;
}
