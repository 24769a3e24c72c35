import { describe, expect, it } from 'vitest';
import {
  accountAttachmentPath,
  accountDocument,
  accountExportFileName,
  accountManifest,
  accountRecordDescriptions,
  accountRecordKinds,
} from './account-export.js';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

async function text(chunks: AsyncIterable<string>): Promise<{ text: string; pieces: number }> {
  let text = '';
  let pieces = 0;
  for await (const chunk of chunks) {
    text += chunk;
    pieces += 1;
  }
  return { text, pieces };
}

describe('the account export layout', () => {
  it('writes a kind as one JSON document, record by record, counting them', async () => {
    let counted = 0;
    const records = [{ id: 'a', text: 'ünïcode "quoted"\n' }, { id: 'b', tags: ['x'] }];
    const { text: json, pieces } = await text(accountDocument('thoughts', '2026-12-07T08:00:00.000Z', from(records), () => (counted += 1)));
    expect(JSON.parse(json)).toEqual({ format: 'mindflow.account-export', version: 1, kind: 'thoughts', exportedAt: '2026-12-07T08:00:00.000Z', records });
    expect(counted).toBe(2);
    expect(pieces).toBe(4); // head, one piece per record, tail: never the whole document at once
  });

  it('writes an empty kind as a document with no records', async () => {
    const { text: json } = await text(accountDocument('webhooks', '2026-12-07T08:00:00.000Z', from([])));
    expect(JSON.parse(json)).toMatchObject({ kind: 'webhooks', records: [] });
  });

  it('names attachments by id, with a safe file name, and the zip by its day', () => {
    expect(accountAttachmentPath({ id: '0b4c', fileName: '../../Été photo.JPG' })).toBe('attachments/0b4c/01-ete-photo.jpg');
    expect(accountAttachmentPath({ id: '0b4c', fileName: 'voice' })).toBe('attachments/0b4c/01-voice');
    expect(accountExportFileName('2026-12-07T23:59:59.000Z')).toBe('mindflow-account-2026-12-07.zip');
  });

  it('describes every kind, and the manifest says what each file is, how many records it holds and when', () => {
    for (const kind of accountRecordKinds) expect(accountRecordDescriptions[kind].length).toBeGreaterThan(10);
    const manifest = accountManifest({
      userId: 'u1',
      exportedAt: '2026-12-07T08:00:00.000Z',
      files: [
        { path: 'entries.json', kind: 'entries', records: 3 },
        { path: 'attachments/', kind: 'attachment-files', records: 2 },
      ],
      attachmentBytes: 1234,
    });
    expect(manifest).toEqual({
      format: 'mindflow.account-export',
      version: 1,
      exportedAt: '2026-12-07T08:00:00.000Z',
      userId: 'u1',
      files: [
        { path: 'entries.json', kind: 'entries', records: 3, description: accountRecordDescriptions.entries },
        { path: 'attachments/', kind: 'attachment-files', files: 2, bytes: 1234, description: expect.stringContaining('bytes of every attachment') },
        { path: 'manifest.json', kind: 'manifest', description: expect.stringContaining('what each file') },
      ],
    });
  });
});
