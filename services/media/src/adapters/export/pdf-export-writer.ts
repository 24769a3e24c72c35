import { once } from 'node:events';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { AttachmentBytes, ExportWriter } from '../../application/ports/export-writer.js';
import type { ExportedAttachment, ExportedEntry } from '../../application/ports/journal-export-source.js';

// PDF with pdfkit rather than Chromium's print: pdfkit writes page after page to a stream (a journal of thousands
// of entries never exists whole in memory, where a browser must lay out the whole HTML document before printing),
// runs inside this process (no browser binary to download and launch per export), and embeds a subset of the
// DejaVu fonts (npm dejavu-fonts-ttf) so accents, Greek, Cyrillic and most symbols print as written.
const fonts = (() => {
  const require = createRequire(import.meta.url);
  const folder = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf').replace(/DejaVuSans\.ttf$/, '');
  return {
    regular: `${folder}DejaVuSerif.ttf`,
    italic: `${folder}DejaVuSerif-Italic.ttf`,
    bold: `${folder}DejaVuSans-Bold.ttf`,
    sans: `${folder}DejaVuSans.ttf`,
  };
})();

const margin = 64;
// Images are re-encoded to JPEG (pdfkit embeds JPEG and PNG only) at most this wide: enough for print at the size shown.
const imageMaxPixels = 1200;
const imageMaxHeight = 320;

/** PDF: a readable book: a title page, then the entries by date with mood, tags, text and images. */
export const pdfExportWriter: ExportWriter = {
  format: 'PDF',
  contentType: 'application/pdf',
  extension: 'pdf',
  async write({ journal, entries, exportedAt, attachmentBytes }, output) {
    const document = new PDFDocument({
      size: 'A4',
      margin,
      autoFirstPage: false,
      bufferPages: false, // each page is written out when the next begins
      info: { Title: journal.name, Creator: 'MindFlow', CreationDate: new Date(exportedAt) },
    });
    document.registerFont('regular', fonts.regular);
    document.registerFont('italic', fonts.italic);
    document.registerFont('bold', fonts.bold);
    document.registerFont('sans', fonts.sans);
    const failed = once(document, 'error').then(([error]) => Promise.reject(error instanceof Error ? error : new Error(String(error))));
    failed.catch(() => undefined);
    document.pipe(output, { end: false });

    titlePage(document, journal.name, exportedAt);
    let count = 0;
    for await (const entry of entries) {
      await Promise.race([entryPages(document, entry, attachmentBytes), failed]);
      count += 1;
      // pdfkit pushes without waiting: hold the next entry until the reader caught up with this one.
      if ((output as NodeJS.WritableStream & { writableNeedDrain?: boolean }).writableNeedDrain) {
        await Promise.race([once(output as unknown as NodeJS.EventEmitter, 'drain'), failed]);
      }
    }
    if (count === 0) {
      document.addPage().font('italic').fontSize(12).text('No entries in this period.', { align: 'center' });
    }
    const ended = once(document, 'end');
    document.end();
    await Promise.race([ended, failed]);
  },
};

function titlePage(document: PDFKit.PDFDocument, name: string, exportedAt: string): void {
  document.addPage();
  document.moveDown(12).font('bold').fontSize(30).text(name, { align: 'center' });
  document.moveDown(1).font('italic').fontSize(12).fillColor('#555555').text(`A MindFlow journal, exported ${exportedAt.slice(0, 10)}`, { align: 'center' });
  document.fillColor('black');
}

async function entryPages(document: PDFKit.PDFDocument, entry: ExportedEntry, attachmentBytes: AttachmentBytes): Promise<void> {
  document.addPage();
  document.font('sans').fontSize(10).fillColor('#666666').text(longDate(entry.createdAt));
  document.moveDown(0.3).font('bold').fontSize(18).fillColor('black').text(entry.title || 'Untitled');
  const facts = [entry.mood ? `Mood: ${entry.mood.toLowerCase()}` : null, entry.tags.length ? entry.tags.map((tag) => `#${tag}`).join(' ') : null, entry.location, entry.weather].filter(
    (fact): fact is string => Boolean(fact),
  );
  if (facts.length) document.moveDown(0.2).font('sans').fontSize(10).fillColor('#555555').text(facts.join('   ·   '));
  document.moveDown(0.8).font('regular').fontSize(11.5).fillColor('black').text(entry.content, { align: 'left', lineGap: 2 });
  for (const attachment of entry.attachments) await attachmentBlock(document, attachment, attachmentBytes);
}

async function attachmentBlock(document: PDFKit.PDFDocument, attachment: ExportedAttachment, attachmentBytes: AttachmentBytes): Promise<void> {
  document.moveDown(0.8);
  const image = attachment.contentType.startsWith('image/') ? await printableImage(attachmentBytes, attachment.objectKey) : null;
  if (!image) {
    document.font('sans').fontSize(9).fillColor('#555555').text(`Attached: ${attachment.fileName} (${describe(attachment)})`);
    document.fillColor('black');
    return;
  }
  const width = document.page.width - 2 * margin;
  const shownHeight = Math.min(imageMaxHeight, (width * image.height) / image.width);
  if (document.y + shownHeight > document.page.height - margin) document.addPage();
  document.image(image.jpeg, { fit: [width, shownHeight], align: 'center' });
  document.y += shownHeight;
  document.moveDown(0.3).font('sans').fontSize(8).fillColor('#777777').text(attachment.fileName, { align: 'center' });
  document.fillColor('black');
}

async function printableImage(attachmentBytes: AttachmentBytes, key: string): Promise<{ jpeg: Buffer; width: number; height: number } | null> {
  const stream = await attachmentBytes(key);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  try {
    const { data, info } = await sharp(Buffer.concat(chunks))
      .resize({ width: imageMaxPixels, height: imageMaxPixels, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch {
    return null; // a file that does not decode is listed by name instead
  }
}

function describe(attachment: ExportedAttachment): string {
  const size = attachment.size >= 1024 * 1024 ? `${(attachment.size / 1024 / 1024).toFixed(1)} MiB` : `${Math.max(1, Math.round(attachment.size / 1024))} KiB`;
  const duration = attachment.durationSeconds ? `, ${Math.round(attachment.durationSeconds)} s` : '';
  return `${attachment.contentType}, ${size}${duration}`;
}

function longDate(instant: string): string {
  return new Date(instant).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
