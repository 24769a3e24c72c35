import { once } from 'node:events';
import { Readable } from 'node:stream';
import archiver from 'archiver';
import type { ExportArchive } from '../../application/ports/export-archive.js';

/**
 * A zip (`archiver`) written to `output` one file at a time: each `add` resolves once its file is in the archive,
 * so at most one file's content is read at a time (an async iterable of text is read as the archive takes it).
 * Every export that is a zip writes through it (the Markdown journal export, the account export).
 */
export function zipArchive(output: NodeJS.WritableStream): ExportArchive {
  const archive = archiver('zip', { zlib: { level: 6 } });
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => undefined); // observed below, in the race with each step
  // every error of the archive, not only its first (a second one unheard would crash the process)
  archive.on('error', (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  // The output closed before the archive was finished (its upload failed): nobody reads on, so the archive stops.
  let finished = false;
  output.once('close', () => {
    if (finished) return;
    fail(new Error('the export could not be stored: its upload stopped before the archive was finished'));
    archive.abort();
  });
  // The caller ends `output` (it may still have to finish the upload); the archive only writes to it.
  archive.pipe(output, { end: false });
  return {
    async add(path, content, date) {
      const entryDone = once(archive, 'entry');
      const source = typeof content === 'string' || Buffer.isBuffer(content) || isReadable(content) ? content : Readable.from(content);
      archive.append(source as Buffer, { name: path, date });
      await Promise.race([entryDone, failed]);
    },
    async finish() {
      const ended = once(archive, 'end');
      await Promise.race([archive.finalize(), failed]);
      await Promise.race([ended, failed]);
      finished = true;
    },
  };
}

function isReadable(content: NodeJS.ReadableStream | AsyncIterable<string>): content is NodeJS.ReadableStream {
  return typeof (content as NodeJS.ReadableStream).pipe === 'function';
}
