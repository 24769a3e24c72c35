/**
 * A zip written to a stream one file at a time: `add` resolves once the file is in the archive, so at most one
 * file's content (a string, or a stream / async iterable read as the archive takes it) is in memory.
 */
export interface ExportArchive {
  add(path: string, content: string | Buffer | NodeJS.ReadableStream | AsyncIterable<string>, date: Date): Promise<void>;
  /** Writes the archive's directory; the caller ends the output (it may still be uploading). */
  finish(): Promise<void>;
}

export type OpenExportArchive = (output: NodeJS.WritableStream) => ExportArchive;
