import type { ExportWriter } from '../../application/ports/export-writer.js';
import { entryMarkdown } from '../../domain/entry-markdown.js';
import { attachmentFileName, entryBaseName, slug } from '../../domain/export-naming.js';
import { zipArchive } from './zip-archive.js';

/**
 * Markdown: a zip with one folder per journal, one `.md` file per entry (front matter with its fields) and its
 * attachments in a folder of the same name beside it, images shown in the text. Each file is added only when the
 * previous one is in the archive, so at most one entry and one attachment are in memory.
 */
export const markdownZipExportWriter: ExportWriter = {
  format: 'MARKDOWN',
  contentType: 'application/zip',
  extension: 'zip',
  async write({ journal, entries, exportedAt, attachmentBytes }, output) {
    const archive = zipArchive(output);
    const root = slug(journal.name);
    const added = (source: string | NodeJS.ReadableStream, name: string, date: Date) => archive.add(`${root}/${name}`, source, date);
    await added(
      `# ${journal.name}\n\nExported from MindFlow on ${exportedAt}. One file per entry, oldest first; attachments in the folder of the same name.\n`,
      'README.md',
      new Date(exportedAt),
    );
    for await (const entry of entries) {
      const base = entryBaseName(entry);
      const files = entry.attachments.map((attachment, index) => ({
        attachment,
        path: `${base}/${attachmentFileName(index, attachment.fileName)}`,
      }));
      const date = new Date(entry.updatedAt);
      await added(
        entryMarkdown(entry, files.map((file) => ({ path: file.path, fileName: file.attachment.fileName, contentType: file.attachment.contentType }))),
        `${base}.md`,
        date,
      );
      for (const file of files) {
        const bytes = await attachmentBytes(file.attachment.objectKey);
        if (bytes) await added(bytes, file.path, new Date(file.attachment.createdAt));
      }
    }
    await archive.finish();
  },
};
