import { PassThrough } from 'node:stream';
import type { MediaObjects } from './ports/media-objects.js';

/** An exported file in object storage, answered as a signed URL (API.md `ExportFile`). */
export interface ExportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly url: string;
  readonly expiresAt: Date;
}

export interface StoreExportDependencies {
  readonly objects: MediaObjects;
  /** How long the answer's signed URL works, from when it is signed. */
  readonly downloadUrlSeconds: number;
  readonly now: () => Date;
}

/**
 * Every export's last step (exportJournal, exportAccount): `write` streams the file through a `PassThrough` straight
 * into `objects.put` (S3: multipart upload; disk: temp file + rename), so the file is uploaded as it is written and
 * memory never holds it; a failure on either side deletes what was stored, and a failed upload destroys the stream,
 * so the writer stops (its archive fails) instead of waiting forever for a reader. Answers a signed URL that
 * downloads it under `fileName`, valid `downloadUrlSeconds` from its signing (a long export does not shorten it).
 */
export async function storeExport(
  deps: StoreExportDependencies,
  file: { key: string; fileName: string; contentType: string; exportedAt: Date },
  write: (output: NodeJS.WritableStream) => Promise<void>,
): Promise<ExportFile> {
  const body = new PassThrough({ highWaterMark: 256 * 1024 });
  body.on('error', () => undefined); // each side's failure is reported through its promise below
  const stored = deps.objects.put(file.key, body, { contentType: file.contentType }).catch((error: unknown) => {
    body.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  const written = write(body).then(
    () => void body.end(),
    (error: unknown) => {
      body.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    },
  );
  try {
    await Promise.all([written, stored]);
  } catch (error) {
    await deps.objects.delete(file.key).catch(() => undefined);
    throw error;
  }
  const signedAt = deps.now();
  const url = await deps.objects.signedGetUrl(file.key, { expiresInSeconds: deps.downloadUrlSeconds, downloadName: file.fileName });
  return { fileName: file.fileName, contentType: file.contentType, url, expiresAt: new Date(signedAt.getTime() + deps.downloadUrlSeconds * 1000) };
}
