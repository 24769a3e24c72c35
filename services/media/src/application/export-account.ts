import {
  accountAttachmentPath,
  accountDocument,
  accountDocumentPath,
  accountExportFileName,
  accountManifest,
  accountRecordKinds,
  type ManifestFile,
} from '../domain/account-export.js';
import { exportKey } from '../domain/export-naming.js';
import type { MediaCaller } from './media-settings.js';
import type { AccountExportSource } from './ports/account-export-source.js';
import type { OpenExportArchive } from './ports/export-archive.js';
import type { MediaObjects } from './ports/media-objects.js';
import { storeExport, type ExportFile } from './store-export.js';

export interface ExportAccountDependencies {
  readonly source: AccountExportSource;
  readonly objects: MediaObjects;
  readonly archive: OpenExportArchive;
  /** How long the answer's signed URL works. */
  readonly downloadUrlSeconds: number;
  readonly now: () => Date;
  readonly newId: () => string;
}

/**
 * Exports everything the caller has (API.md "Your data is yours"): a zip with one JSON document per kind of record,
 * each written as its records are read, page by page; then every attachment's bytes under attachments/, one at a
 * time; manifest.json last (it counts what went in). Streamed into object storage like any export (`storeExport`):
 * memory holds a page and one attachment whatever the account's size. The answer is a short-lived signed URL.
 */
export async function exportAccount(deps: ExportAccountDependencies, caller: MediaCaller): Promise<ExportFile> {
  const ownerId = caller.userId;
  const exportedAt = deps.now();
  const at = exportedAt.toISOString();
  const file = { key: exportKey(ownerId, deps.newId(), 'zip'), fileName: accountExportFileName(at), contentType: 'application/zip', exportedAt };
  return storeExport(deps, file, async (output) => {
    const archive = deps.archive(output);
    const files: ManifestFile[] = [];
    for (const kind of accountRecordKinds) {
      let records = 0;
      const source =
        kind === 'attachments'
          ? listedAttachments(deps.source.attachments(ownerId))
          : deps.source.records(ownerId, kind);
      await archive.add(accountDocumentPath(kind), accountDocument(kind, at, source, () => (records += 1)), exportedAt);
      files.push({ path: accountDocumentPath(kind), kind, records });
    }
    let copied = 0;
    let bytes = 0;
    for await (const attachment of deps.source.attachments(ownerId)) {
      const content = await deps.objects.get(attachment.objectKey);
      if (!content) continue; // deleted since it was listed (removed meanwhile): attachments.json still names it
      await archive.add(accountAttachmentPath(attachment), content, new Date(attachment.createdAt));
      copied += 1;
      bytes += attachment.size;
    }
    files.push({ path: 'attachments/', kind: 'attachment-files', records: copied });
    await archive.add('manifest.json', `${JSON.stringify(accountManifest({ userId: ownerId, exportedAt: at, files, attachmentBytes: bytes }), null, 2)}\n`, exportedAt);
    await archive.finish();
  });
}

/** attachments.json's records: the metadata without the storage key, and where the bytes are in the zip. */
async function* listedAttachments(attachments: AsyncIterable<{ objectKey: string; id: string; fileName: string }>): AsyncGenerator<object> {
  for await (const { objectKey: _key, ...attachment } of attachments) yield { ...attachment, file: accountAttachmentPath(attachment) };
}
