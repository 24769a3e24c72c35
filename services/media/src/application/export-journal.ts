import { exportFileName, exportKey } from '../domain/export-naming.js';
import { MediaError } from './media-error.js';
import type { MediaCaller } from './media-settings.js';
import type { ExportFormat, ExportWriter } from './ports/export-writer.js';
import type { JournalExportSource } from './ports/journal-export-source.js';
import type { MediaObjects } from './ports/media-objects.js';
import { storeExport, type ExportFile } from './store-export.js';

export interface ExportJournalDependencies {
  readonly source: JournalExportSource;
  readonly objects: MediaObjects;
  readonly writers: Readonly<Record<ExportFormat, ExportWriter>>;
  /** How long the answer's signed URL works. */
  readonly downloadUrlSeconds: number;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface ExportJournalRequest {
  readonly journalId: string;
  readonly format: ExportFormat;
  /** ISO dates, inclusive. */
  readonly from?: string | null;
  readonly to?: string | null;
}

export type { ExportFile } from './store-export.js';

/**
 * Exports one of the caller's journals: the writer of the format streams it straight into object storage
 * (`storeExport`: entries read page by page, the file uploaded as it is written: bounded memory whatever the
 * journal's size), and the answer is a signed URL that downloads it under a readable name.
 */
export async function exportJournal(deps: ExportJournalDependencies, caller: MediaCaller, request: ExportJournalRequest): Promise<ExportFile> {
  const range = { from: request.from ?? undefined, to: request.to ?? undefined };
  if (range.from && range.to && range.from > range.to) throw new MediaError('BAD_USER_INPUT', 'from must not be after to', 'from');
  const journal = await deps.source.journal(caller.userId, request.journalId);
  if (!journal) throw new MediaError('NOT_FOUND', 'journal not found', 'id');
  const writer = deps.writers[request.format];
  const exportedAt = deps.now();
  const key = exportKey(caller.userId, deps.newId(), writer.extension);
  const fileName = exportFileName(journal.name, exportedAt.toISOString(), writer.extension);

  const file = { key, fileName, contentType: writer.contentType, exportedAt };
  return storeExport(deps, file, (output) =>
    writer.write(
      {
        journal,
        entries: deps.source.entries(caller.userId, journal.id, range),
        exportedAt: exportedAt.toISOString(),
        attachmentBytes: (objectKey) => deps.objects.get(objectKey),
      },
      output,
    ),
  );
}
