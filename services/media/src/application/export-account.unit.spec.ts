import { Readable } from 'node:stream';
import { text as streamText } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { MediaObjects } from './ports/media-objects.js';
import type { AccountAttachment, AccountExportSource } from './ports/account-export-source.js';
import type { ExportArchive } from './ports/export-archive.js';
import { exportAccount } from './export-account.js';

const owner = '11111111-1111-4111-8111-111111111111';
const now = new Date('2026-12-07T08:00:00.000Z');

const photo: AccountAttachment = {
  id: 'a1', targetType: 'Entry', targetId: 'e1', fileName: 'photo.jpg', contentType: 'image/jpeg', size: 3,
  objectKey: `users/${owner}/attachments/a1`, width: 1, height: 1, durationSeconds: null, createdAt: now.toISOString(),
};
const gone: AccountAttachment = { ...photo, id: 'a2', fileName: 'gone.pdf', objectKey: `users/${owner}/attachments/a2` };

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

/** Objects in memory: what was put, under which key; `get` knows only the photo. */
function memoryObjects() {
  const stored = new Map<string, string>();
  const deleted: string[] = [];
  const objects = {
    async put(key: string, body: NodeJS.ReadableStream) {
      stored.set(key, await streamText(body as Readable));
    },
    get: (key: string) => Promise.resolve(key === photo.objectKey ? Readable.from([Buffer.from('JPG')]) : null),
    delete: (key: string) => Promise.resolve(void deleted.push(key)),
    signedGetUrl: (key: string, options: { expiresInSeconds: number; downloadName?: string }) =>
      Promise.resolve(`https://objects.test/${key}?name=${options.downloadName}&ttl=${options.expiresInSeconds}`),
  } as unknown as MediaObjects;
  return { objects, stored, deleted };
}

/** An archive that writes each file's path and content to the output, so the spec reads back what went in. */
function listingArchive(output: NodeJS.WritableStream): ExportArchive {
  return {
    async add(path, content) {
      let body = '';
      if (typeof content === 'string' || Buffer.isBuffer(content)) body = content.toString();
      else for await (const chunk of content as AsyncIterable<string | Buffer>) body += chunk.toString();
      output.write(`${JSON.stringify({ path, body })}\n`);
    },
    finish: () => Promise.resolve(),
  };
}

function source(records: Partial<Record<string, object[]>>, attachments: AccountAttachment[] = [photo, gone]): AccountExportSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    records: (ownerId, kind) => {
      asked.push(`${ownerId}:${kind}`);
      return from(records[kind] ?? []);
    },
    attachments: () => from(attachments),
  };
}

describe('exportAccount', () => {
  it('stores a zip of one document per kind, the attachments\' bytes and a manifest, and answers a signed URL', async () => {
    const { objects, stored } = memoryObjects();
    const reader = source({ profile: [{ id: owner, email: 'a@b.c' }], entries: [{ id: 'e1' }, { id: 'e2' }] });
    const file = await exportAccount(
      { source: reader, objects, archive: listingArchive, downloadUrlSeconds: 300, now: () => now, newId: () => 'x1' },
      { userId: owner, roles: [] },
    );
    expect(file).toEqual({
      fileName: 'mindflow-account-2026-12-07.zip',
      contentType: 'application/zip',
      url: `https://objects.test/users/${owner}/exports/x1.zip?name=mindflow-account-2026-12-07.zip&ttl=300`,
      expiresAt: new Date(now.getTime() + 300_000),
    });
    const files = [...stored.get(`users/${owner}/exports/x1.zip`)!.trim().split('\n')].map((line) => JSON.parse(line) as { path: string; body: string });
    expect(files.map((f) => f.path)).toEqual([
      'profile.json', 'journals.json', 'entries.json', 'insights.json', 'thoughts.json', 'tasks.json', 'calendar-events.json',
      'notifications.json', 'notification-preferences.json', 'webhooks.json', 'weekly-reflections.json', 'attachments.json',
      'attachments/a1/01-photo.jpg', 'manifest.json',
    ]);
    // Every kind was asked of the source for this owner only.
    expect(new Set(reader.asked.map((a) => a.split(':')[0]))).toEqual(new Set([owner]));
    const body = (path: string) => files.find((f) => f.path === path)!.body;
    expect(JSON.parse(body('entries.json'))).toMatchObject({ kind: 'entries', records: [{ id: 'e1' }, { id: 'e2' }] });
    const listed = JSON.parse(body('attachments.json')) as { records: Record<string, unknown>[] };
    expect(listed.records).toEqual([
      { ...photo, objectKey: undefined, file: 'attachments/a1/01-photo.jpg' },
      { ...gone, objectKey: undefined, file: 'attachments/a2/01-gone.pdf' },
    ].map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>));
    expect(body('attachments/a1/01-photo.jpg')).toBe('JPG');
    const manifest = JSON.parse(body('manifest.json')) as { exportedAt: string; userId: string; files: { path: string; records?: number; files?: number }[] };
    expect(manifest).toMatchObject({ exportedAt: now.toISOString(), userId: owner });
    expect(manifest.files.find((f) => f.path === 'entries.json')?.records).toBe(2);
    expect(manifest.files.find((f) => f.path === 'attachments/')?.files).toBe(1); // the one whose bytes were still there
  });

  it('deletes what it stored when reading fails, and fails', async () => {
    const { objects, deleted } = memoryObjects();
    const failing: AccountExportSource = {
      // eslint-disable-next-line require-yield -- fails before its first record
      records: async function* () {
        await Promise.resolve();
        throw new Error('query subgraph down');
      },
      attachments: () => from([]),
    };
    await expect(
      exportAccount({ source: failing, objects, archive: listingArchive, downloadUrlSeconds: 300, now: () => now, newId: () => 'x2' }, { userId: owner, roles: [] }),
    ).rejects.toThrow('query subgraph down');
    expect(deleted).toEqual([`users/${owner}/exports/x2.zip`]);
  });
});
