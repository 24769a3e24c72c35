import type { ExportWriter } from '../../application/ports/export-writer.js';
import { writeWithBackpressure } from './stream-write.js';

/**
 * JSON: every field of the journal, its entries and their attachments' metadata, machine-readable and portable
 * (`format: mindflow.journal-export`, `version: 1`). Written entry by entry: `{"…","entries":[ {…}, {…} ]}`.
 */
export const jsonExportWriter: ExportWriter = {
  format: 'JSON',
  contentType: 'application/json',
  extension: 'json',
  async write({ journal, entries, exportedAt }, output) {
    const head = JSON.stringify({ format: 'mindflow.journal-export', version: 1, exportedAt, journal });
    await writeWithBackpressure(output, `${head.slice(0, -1)},"entries":[`);
    let first = true;
    for await (const entry of entries) {
      const attachments = entry.attachments.map(({ objectKey: _key, ...attachment }) => attachment);
      await writeWithBackpressure(output, `${first ? '\n' : ',\n'}${JSON.stringify({ ...entry, attachments })}`);
      first = false;
    }
    await writeWithBackpressure(output, '\n]}\n');
  },
};
