import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MediaObjects } from '../../application/ports/media-objects.js';
import { storeExport } from '../../application/store-export.js';
import { zipArchive } from './zip-archive.js';

/** An object store whose upload reads a little, then fails (S3 refused, the disk full). */
function failingUpload() {
  const deleted: string[] = [];
  const objects = {
    async put(_key: string, body: NodeJS.ReadableStream) {
      for await (const chunk of body) {
        void chunk;
        throw new Error('S3: 503 Slow Down');
      }
    },
    delete: (key: string) => Promise.resolve(void deleted.push(key)),
    signedGetUrl: () => Promise.resolve('https://objects.test/never'),
  } as unknown as MediaObjects;
  return { objects, deleted };
}

/** A file that never ends on its own (an attachment larger than anything buffered), counting what was read of it. */
function endlessFile() {
  let read = 0;
  const stream = new Readable({
    read() {
      read += 1;
      this.push(Buffer.alloc(64 * 1024, read % 251));
    },
  });
  return { stream, reads: () => read };
}

describe('an export whose upload fails', () => {
  it('fails, deletes what was stored, and stops writing the archive instead of waiting for a reader forever', async () => {
    const { objects, deleted } = failingUpload();
    const file = endlessFile();
    let writer: Promise<void> | undefined;
    const exported = storeExport(
      { objects, downloadUrlSeconds: 300, now: () => new Date('2026-12-07T09:00:00Z') },
      { key: 'users/u/exports/x.zip', fileName: 'x.zip', contentType: 'application/zip', exportedAt: new Date('2026-12-07T09:00:00Z') },
      (output) => {
        const archive = zipArchive(output);
        writer = (async () => {
          await archive.add('manifest.json', '{}', new Date());
          await archive.add('attachments/big.bin', file.stream, new Date());
          await archive.finish();
        })();
        return writer;
      },
    );
    await expect(exported).rejects.toThrow(/503 Slow Down/);
    expect(deleted).toEqual(['users/u/exports/x.zip']);
    // the writer stops too (before: it hung on its next file, holding the attachment's stream open)
    await expect(Promise.race([writer!.then(() => 'finished', () => 'stopped'), new Promise((resolve) => setTimeout(resolve, 5_000, 'hung'))])).resolves.toBe('stopped');
    const readSoFar = file.reads();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(file.reads()).toBe(readSoFar); // nothing reads the attachment any more
  });
});
