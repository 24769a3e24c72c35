// exportJournal (API.md, "Attachments and export"), exportAccount ("Your data is yours") and what a client does with
// their answer: download the signed URL and look inside (JSON parsed, a zip listed and read, the PDF's text
// extracted). Shared by the export int spec, the export e2e suites and the security suites.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractText, getDocumentProxy } from 'unpdf';

const run = promisify(execFile);

export const exportJournal = `query ($id: ID!, $format: ExportFormat!, $from: Date, $to: Date) {
  exportJournal(id: $id, format: $format, from: $from, to: $to) { fileName contentType url expiresAt } }`;

export const exportAccount = '{ exportAccount { fileName contentType url expiresAt } }';

export type ExportFormat = 'JSON' | 'MARKDOWN' | 'PDF';
export interface ExportFile { fileName: string; contentType: string; url: string; expiresAt: string }

export interface Download { status: number; contentType: string | null; disposition: string | null; body: Buffer }

/** A plain GET of a signed URL, as a browser would follow it. */
export async function download(url: string): Promise<Download> {
  const response = await fetch(url);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** Every file of a zip: name → text (utf8), by the system's unzip. */
export async function zipFiles(zip: Buffer): Promise<Map<string, Buffer>> {
  const directory = await mkdtemp(join(tmpdir(), 'mindflow-export-zip-'));
  try {
    const path = join(directory, 'export.zip');
    await writeFile(path, zip);
    const names = (await run('unzip', ['-Z1', path], { maxBuffer: 64 * 1024 * 1024 })).stdout.trim().split('\n').filter(Boolean);
    const files = new Map<string, Buffer>();
    for (const name of names) {
      if (name.endsWith('/')) continue;
      files.set(name, (await run('unzip', ['-p', path, name], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout);
    }
    return files;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The PDF's text, page by page joined (pdf.js through unpdf): what a reader of the file sees. */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  return { pages: totalPages, text };
}
