import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObjectStore, S3ObjectStore, type ObjectStore } from '@mindflow/object-storage';
import { testServers, uniqueBucketName } from '@mindflow/testing';
import { exportJournal, type ExportJournalDependencies } from '../../application/export-journal.js';
import type { ExportedEntry, ExportedJournal, JournalExportSource } from '../../application/ports/journal-export-source.js';
import { jsonExportWriter } from './json-export-writer.js';
import { markdownZipExportWriter } from './markdown-zip-export-writer.js';
import { pdfExportWriter } from './pdf-export-writer.js';

const run = promisify(execFile);
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const owner = randomUUID();
const writers = { JSON: jsonExportWriter, MARKDOWN: markdownZipExportWriter, PDF: pdfExportWriter };
// The large exports' size: 500 entries unless MEDIA_EXPORT_TEST_ENTRIES says otherwise (CI and `npm test`); the
// figures of EXPORT.md and BENCHMARKS.md are the full count, run by hand with MEDIA_EXPORT_TEST_ENTRIES=5000
// (about 2 minutes here, most of it the PDF's 5,000 pages).
const largeCount = Number(process.env['MEDIA_EXPORT_TEST_ENTRIES'] ?? 500);
if (!Number.isInteger(largeCount) || largeCount < 100) throw new Error('MEDIA_EXPORT_TEST_ENTRIES must be a whole number of at least 100');

// Entries made on the fly, never held together: what a paged read of the read model looks like to the export.
function generatedSource(
  journal: ExportedJournal,
  count: number,
  entry: (i: number) => Partial<ExportedEntry> = () => ({}),
  sentences = 40,
): JournalExportSource {
  return {
    journal: (ownerId, journalId) => Promise.resolve(ownerId === owner && journalId === journal.id ? journal : null),
    async *entries(_owner, _journal, range) {
      for (let i = 0; i < count; i++) {
        const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
        if ((range.from && createdAt.slice(0, 10) < range.from) || (range.to && createdAt.slice(0, 10) > range.to)) continue;
        await Promise.resolve();
        yield {
          id: randomUUID(),
          title: `Day ${i}: été à Paris`,
          content: `Entry ${i}. ${'I walked by the river and thought about nothing in particular. '.repeat(sentences)}`,
          mood: i % 2 ? 'CALM' : 'HAPPY',
          tags: ['walk', `t${i % 7}`],
          weather: null,
          location: i % 3 ? null : 'Paris',
          createdAt,
          updatedAt: createdAt,
          attachments: [],
          ...entry(i),
        };
      }
    },
  };
}

describe('exportJournal into the disk object store', () => {
  let directory: string;
  let objects: ObjectStore;
  let photoKey: string;
  const journal: ExportedJournal = { id: randomUUID(), name: 'Summer notebook', color: '#ffaa00', icon: null, createdAt: '2026-01-01T00:00:00.000Z' };
  const deps = (source: JournalExportSource): ExportJournalDependencies => ({
    source,
    objects,
    writers,
    downloadUrlSeconds: 300,
    now: () => new Date('2026-12-07T10:00:00.000Z'),
    newId: randomUUID,
  });

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mindflow-export-'));
    objects = createObjectStore({ kind: 'disk', directory, publicUrl: 'http://127.0.0.1:1/objects', signingKey: 'export-test-signing-key' });
    photoKey = `users/${owner}/attachments/${randomUUID()}`;
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3366cc' } }).jpeg().toBuffer();
    await objects.put(photoKey, photo, { contentType: 'image/jpeg' });
  });
  afterAll(async () => rm(directory, { recursive: true, force: true }));

  // The disk store's signed URL points at a handler this spec does not serve: read the stored object directly.
  const stored = async (url: string) => {
    const key = decodeURIComponent(new URL(url).pathname.replace(/^\/objects\//, ''));
    const stream = await objects.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  };

  const withPhoto = (i: number): Partial<ExportedEntry> =>
    i === 1
      ? {
          attachments: [
            { id: randomUUID(), fileName: 'Beach.JPG', contentType: 'image/jpeg', size: 1000, objectKey: photoKey, width: 800, height: 600, durationSeconds: null, createdAt: '2026-01-01T01:00:00.000Z' },
            { id: randomUUID(), fileName: 'walk.webm', contentType: 'audio/webm', size: 5000, objectKey: `users/${owner}/attachments/gone`, width: null, height: null, durationSeconds: 12, createdAt: '2026-01-01T01:00:00.000Z' },
          ],
        }
      : {};

  it('JSON: every field of every entry in the range, machine-readable, no storage internals', async () => {
    const file = await exportJournal(deps(generatedSource(journal, 72, withPhoto)), { userId: owner, roles: ['user'] }, { journalId: journal.id, format: 'JSON', from: '2026-01-02', to: '2026-01-02' });
    expect(file).toMatchObject({ fileName: 'summer-notebook-2026-12-07.json', contentType: 'application/json', expiresAt: new Date('2026-12-07T10:05:00.000Z') });
    expect(new URL(file.url).searchParams.get('X-Download-Name')).toBe('summer-notebook-2026-12-07.json');
    const exported = JSON.parse((await stored(file.url)).toString('utf8')) as { format: string; journal: ExportedJournal; entries: ExportedEntry[] };
    expect(exported.format).toBe('mindflow.journal-export');
    expect(exported.journal).toEqual(journal);
    expect(exported.entries).toHaveLength(24);
    expect(exported.entries.every((entry) => entry.createdAt.startsWith('2026-01-02'))).toBe(true);
    expect(Object.keys(exported.entries[0]!).sort()).toEqual(['attachments', 'content', 'createdAt', 'id', 'location', 'mood', 'tags', 'title', 'updatedAt', 'weather']);
  });

  it('Markdown: a zip of one file per entry with its images beside it', async () => {
    const file = await exportJournal(deps(generatedSource(journal, 3, withPhoto)), { userId: owner, roles: ['user'] }, { journalId: journal.id, format: 'MARKDOWN' });
    expect(file.contentType).toBe('application/zip');
    const zip = join(directory, 'export.zip');
    await writeFile(zip, await stored(file.url));
    const names = (await run('unzip', ['-Z1', zip])).stdout.trim().split('\n');
    expect(names[0]).toBe('summer-notebook/README.md');
    expect(names.filter((name) => name.endsWith('.md'))).toHaveLength(4);
    const second = names.find((name) => /2026-01-01-day-1-ete-a-paris-[0-9a-f]{8}\.md$/.test(name))!;
    const image = names.find((name) => name.endsWith('/01-beach.jpg'))!;
    expect(image.startsWith(second.replace(/\.md$/, '/'))).toBe(true);
    const markdown = (await run('unzip', ['-p', zip, second])).stdout;
    expect(markdown).toMatch(/^---\nid: .+\ntitle: "Day 1: été à Paris"\n/);
    expect(markdown).toContain('mood: CALM');
    expect(markdown).toContain('tags: ["walk", "t1"]');
    expect(markdown).toContain(`![Beach.JPG](${image.split('/').slice(1).join('/')})`);
    // the voice note whose object is gone is still linked, its bytes simply absent
    expect(markdown).toContain('[walk.webm](');
    expect((await run('unzip', ['-t', zip])).stdout).toContain('No errors detected');
  });

  it('PDF: a title page, then a page per entry with its images', async () => {
    const file = await exportJournal(deps(generatedSource(journal, 3, withPhoto)), { userId: owner, roles: ['user'] }, { journalId: journal.id, format: 'PDF' });
    expect(file.contentType).toBe('application/pdf');
    const pdf = await stored(file.url);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThanOrEqual(4);
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('refuses a journal that is not the caller\'s, and a reversed range', async () => {
    const source = generatedSource(journal, 1);
    await expect(exportJournal(deps(source), { userId: randomUUID(), roles: ['user'] }, { journalId: journal.id, format: 'PDF' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(exportJournal(deps(source), { userId: owner, roles: ['user'] }, { journalId: journal.id, format: 'JSON', from: '2026-02-01', to: '2026-01-01' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  // JSON and Markdown get more text than the bound (32 MiB): ~16 KiB per entry at 5,000 (78 MiB), at fewer entries
  // at least 40 MiB in all (~80 KiB per entry at 500); the PDF ~2.5 KiB per entry (laying out 80 MiB of text would
  // take many minutes here): each holds one entry at a time, whatever the journal's size.
  const count = largeCount;
  const sentences = Math.max(260, Math.round((40 * 1024 * 1024) / 63 / count));
  it.each([
    ['JSON', sentences],
    ['MARKDOWN', sentences],
    ['PDF', 40],
  ] as const)(`%s: ${count.toLocaleString('en')} entries with bounded memory`, async (format, sentences) => {
    const started = performance.now();
    // Live memory, not garbage waiting for a collection: collect, then measure, every 2 s.
    const liveHeap = () => (collectGarbage(), process.memoryUsage().heapUsed);
    const baseline = liveHeap();
    let peak = baseline;
    // Every 250 ms (a collection each time): on a quiet machine a whole export can take less than a second.
    const sampler = setInterval(() => (peak = Math.max(peak, liveHeap())), 250);
    const file = await exportJournal(deps(generatedSource(journal, count, () => ({}), sentences)), { userId: owner, roles: ['user'] }, { journalId: journal.id, format });
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const body = await stored(file.url);
    console.log(
      `export ${format} of ${count} entries (${((count * sentences * 63) / 1024 / 1024).toFixed(0)} MiB of text): ` +
        `${(body.length / 1024 / 1024).toFixed(1)} MiB in ${seconds.toFixed(1)} s, live heap peak +${((peak - baseline) / 1024 / 1024).toFixed(1)} MiB`,
    );
    // pdfkit keeps a few KiB per page until the end (the page tree and cross-reference table it writes last): the
    // PDF's memory grows with its page count (~8 KiB a page), never with the text or images, which are written out.
    // The PDF's bound follows its page count (16 MiB + 10 KiB a page, 64 MiB at 5,000), so the small run checks it too.
    expect(peak - baseline).toBeLessThan(format === 'PDF' ? Math.min(64 * 1024 * 1024, 16 * 1024 * 1024 + count * 10 * 1024) : 32 * 1024 * 1024);
    if (format === 'JSON') expect((JSON.parse(body.toString('utf8')) as { entries: unknown[] }).entries).toHaveLength(count);
    if (format === 'MARKDOWN') {
      const zip = join(directory, 'large.zip');
      await writeFile(zip, body);
      const names = (await run('unzip', ['-Z1', zip], { maxBuffer: 64 * 1024 * 1024 })).stdout.trim().split('\n');
      expect(names.filter((name) => name.endsWith('.md'))).toHaveLength(count + 1);
    }
    if (format === 'PDF') expect(body.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(count);
  }, 600_000);
});

describe('exportJournal into S3 (S3Proxy), downloaded by its signed URL', () => {
  let objects: S3ObjectStore;
  const journal: ExportedJournal = { id: randomUUID(), name: 'Road trip', color: null, icon: null, createdAt: '2026-01-01T00:00:00.000Z' };
  beforeAll(async () => {
    const endpoint = await (await testServers()).s3();
    objects = new S3ObjectStore({ kind: 's3', bucket: uniqueBucketName('export'), forcePathStyle: true, ...endpoint });
    await objects.ensureBucket();
  });
  afterAll(async () => {
    const keys: string[] = [];
    for await (const object of objects.list('')) keys.push(object.key);
    await objects.delete(keys);
    await objects.deleteBucket();
    objects.close();
  });

  it.each(['JSON', 'MARKDOWN', 'PDF'] as const)('%s', async (format) => {
    const file = await exportJournal(
      { source: generatedSource(journal, 200), objects, writers, downloadUrlSeconds: 60, now: () => new Date(), newId: randomUUID },
      { userId: owner, roles: ['user'] },
      { journalId: journal.id, format },
    );
    const response = await fetch(file.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(file.contentType);
    expect(response.headers.get('content-disposition')).toContain(`filename="${file.fileName}"`);
    const body = Buffer.from(await response.arrayBuffer());
    if (format === 'JSON') expect((JSON.parse(body.toString('utf8')) as { entries: unknown[] }).entries).toHaveLength(200);
    if (format === 'MARKDOWN') expect(body.subarray(0, 2).toString()).toBe('PK');
    if (format === 'PDF') expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
