// exportJournal end to end inside the two services it spans, on real servers: the query subgraph on a real read DB
// (rows as its projector writes them), the media subgraph on a real media DB with the disk object store it serves
// at /objects. The media subgraph reads the journal page by page through the query subgraph as the caller
// (Journal.entriesOldestFirst), the entries' attachments from its own DB, streams the file into the store and answers
// a signed URL, which is downloaded here like a browser would.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCaller } from '@mindflow/auth';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { startMediaSubgraph, type RunningMediaSubgraph } from '@mindflow/media-service';
import { createLogger, repoRoot } from '@mindflow/platform';
import { startQuerySubgraph, type RunningQuerySubgraph } from '@mindflow/query';
import { createTestDatabase, createTestDatabaseWithPool, type PooledTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachFile, samplePhoto, sendUpload, requestUpload, type UploadTicket } from '../e2e/attachment-operations.js';
import { download, exportJournal, pdfText, zipFiles, type ExportFile, type ExportFormat } from '../e2e/export-operations.js';

const secret = 'journal-export-int-test-secret';
const alice = randomUUID();
const bob = randomUUID();
const marker = `kumquat${randomUUID().slice(0, 8)}`;
const entryCount = 230; // more than two of the reader's pages (100)
const day0 = Date.UTC(2026, 2, 1);

interface Answer<D> { data?: D | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }

describe('exportJournal: the media subgraph reading the query subgraph as the caller', () => {
  let readDb: PooledTestDatabase<Pool>;
  let mediaDb: TestDatabase;
  let objectsDir: string;
  let query: RunningQuerySubgraph;
  let media: RunningMediaSubgraph;
  let journalId: string;
  let deletedJournalId: string;
  let bobJournalId: string;
  let photoEntryId: string;

  const post = async <D>(userId: string, text: string, variables: Record<string, unknown>): Promise<Answer<D>> => {
    const response = await fetch(media.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mindflow-caller': signCaller({ userId, roles: ['user'] }, secret) },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as Answer<D>;
  };
  const exported = async (userId: string, variables: { id: string; format: ExportFormat; from?: string; to?: string }) =>
    post<{ exportJournal: ExportFile }>(userId, exportJournal, variables);

  const seedJournal = async (ownerId: string, name: string, deleted = false) => {
    const id = randomUUID();
    await readDb.pool.query(
      `INSERT INTO journals_view (journal_id, owner_id, name, color, icon, is_private, version, entry_count, created_at, updated_at, deleted_at)
       VALUES ($1, $2, $3, '#336699', 'book', false, 1, 0, $4, $4, $5)`,
      [id, ownerId, name, new Date(day0).toISOString(), deleted ? new Date().toISOString() : null],
    );
    return id;
  };
  const seedEntry = async (ownerId: string, journal: string, i: number, content: string) => {
    const id = randomUUID();
    const at = new Date(day0 + i * 6 * 3_600_000).toISOString(); // four a day
    await readDb.pool.query(
      `INSERT INTO entries_view (entry_id, journal_id, owner_id, journal_name, title, content, mood, tags, word_count, version, created_at, updated_at)
       VALUES ($1, $2, $3, 'Journal', $4, $5, 'GOOD', $6, 3, 1, $7, $7)`,
      [id, journal, ownerId, `Day ${i}`, content, ['walk', `t${i % 3}`], at],
    );
    return id;
  };

  beforeAll(async () => {
    readDb = await createTestDatabaseWithPool('export_read', async (url) => {
      const pool = createPool(url, { applicationName: 'export-int-read', max: 4 });
      await migrate(pool, 'query', await migrationsFromDir(join(repoRoot, 'services', 'query', 'migrations')));
      return pool;
    });
    mediaDb = await createTestDatabase('export_media');
    objectsDir = await mkdtemp(join(tmpdir(), 'mindflow-export-int-'));
    query = await startQuerySubgraph(
      { QUERY_SUBGRAPH_PORT: 0, READ_DATABASE_URL: readDb.url, INTERNAL_CALLER_SECRET: secret, MINDFLOW_MODE: 'embedded' },
      { log: createLogger('query-subgraph-test', 'silent') },
    );
    media = await startMediaSubgraph(
      { MEDIA_DATABASE_URL: mediaDb.url, MEDIA_SUBGRAPH_PORT: 0, OBJECT_STORE_DIR: objectsDir, OBJECT_STORE_SIGNING_KEY: `export-${randomUUID()}`,
        INTERNAL_CALLER_SECRET: secret, QUERY_SUBGRAPH_URL: query.url },
      { log: createLogger('media-subgraph-test', 'silent') },
    );

    journalId = await seedJournal(alice, 'Harbour days');
    deletedJournalId = await seedJournal(alice, 'Gone', true);
    bobJournalId = await seedJournal(bob, 'Bob only');
    const ids: string[] = [];
    for (let i = 0; i < entryCount; i++) ids.push(await seedEntry(alice, journalId, i, i === entryCount - 1 ? `The last one, ${marker}.` : `Entry number ${i}.`));
    photoEntryId = ids[5]!;
    await seedEntry(bob, bobJournalId, 0, `Bob's ${marker}-bob`);

    // A photo on Alice's sixth entry, the way a client attaches one.
    await media.pool.query(`INSERT INTO media_targets (target_id, target_type, owner_id, journal_id) VALUES ($1, 'Entry', $2, $3)`, [photoEntryId, alice, journalId]);
    const photo = await samplePhoto();
    const ticket = (await post<{ requestUpload: UploadTicket }>(alice, requestUpload, { input: { fileName: 'harbour.jpg', contentType: 'image/jpeg', size: photo.length } })).data!.requestUpload;
    expect(await sendUpload(ticket, photo)).toBe(200);
    const attached = await post(alice, attachFile, { uploadId: ticket.uploadId, to: { entryId: photoEntryId } });
    expect(attached.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await media?.close();
    await query?.close();
    await mediaDb?.drop();
    await readDb?.drop();
    if (objectsDir) await rm(objectsDir, { recursive: true, force: true });
  });

  it('JSON: every entry across the query subgraph\'s pages, oldest first, with its attachments; downloadable by its signed URL', async () => {
    const { data, errors } = await exported(alice, { id: journalId, format: 'JSON' });
    expect(errors).toBeUndefined();
    const file = data!.exportJournal;
    expect(file).toMatchObject({ contentType: 'application/json', fileName: expect.stringMatching(/^harbour-days-\d{4}-\d\d-\d\d\.json$/) as string });
    expect(new Date(file.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const got = await download(file.url);
    expect([got.status, got.contentType]).toEqual([200, 'application/json']);
    expect(got.disposition).toContain(file.fileName);
    const json = JSON.parse(got.body.toString('utf8')) as { journal: { id: string; name: string }; entries: { id: string; title: string; content: string; createdAt: string; attachments: { fileName: string; width: number }[] }[] };
    expect(json.journal).toMatchObject({ id: journalId, name: 'Harbour days' });
    expect(json.entries).toHaveLength(entryCount);
    expect(json.entries.map((e) => e.title)).toEqual(Array.from({ length: entryCount }, (_, i) => `Day ${i}`));
    expect(json.entries.at(-1)!.content).toContain(marker);
    expect(json.entries.find((e) => e.id === photoEntryId)!.attachments).toMatchObject([{ fileName: 'harbour.jpg', width: 32 }]);
    expect(got.body.toString('utf8')).not.toContain(`${marker}-bob`);
  });

  it('JSON with from / to: only the entries of those UTC days', async () => {
    const { data } = await exported(alice, { id: journalId, format: 'JSON', from: '2026-03-02', to: '2026-03-03' });
    const json = JSON.parse((await download(data!.exportJournal.url)).body.toString('utf8')) as { entries: { title: string; createdAt: string }[] };
    expect(json.entries.map((e) => e.title)).toEqual(['Day 4', 'Day 5', 'Day 6', 'Day 7', 'Day 8', 'Day 9', 'Day 10', 'Day 11']);
  });

  it('Markdown: a zip with one file per entry, the marker in the last, the photo beside its entry', async () => {
    const { data, errors } = await exported(alice, { id: journalId, format: 'MARKDOWN' });
    expect(errors).toBeUndefined();
    const got = await download(data!.exportJournal.url);
    expect([got.status, got.contentType]).toEqual([200, 'application/zip']);
    const files = await zipFiles(got.body);
    const markdown = [...files.keys()].filter((name) => name.endsWith('.md'));
    expect(markdown).toHaveLength(entryCount + 1);
    expect([...files.entries()].filter(([name, body]) => name.endsWith('.md') && body.toString('utf8').includes(marker))).toHaveLength(1);
    expect([...files.keys()].some((name) => name.endsWith('-harbour.jpg'))).toBe(true);
  });

  it('PDF: a PDF whose text holds the journal\'s name and the marker', async () => {
    const { data, errors } = await exported(alice, { id: journalId, format: 'PDF', from: '2026-04-27' });
    expect(errors).toBeUndefined();
    const got = await download(data!.exportJournal.url);
    expect([got.status, got.contentType, got.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const { pages, text } = await pdfText(got.body);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Harbour days');
    expect(text).toContain(marker);
  });

  it('another user\'s journal, a deleted one and one that never existed are NOT_FOUND alike; nothing of theirs leaks', async () => {
    for (const [caller, id] of [[bob, journalId], [alice, bobJournalId], [alice, deletedJournalId], [alice, randomUUID()]] as const) {
      const { data, errors } = await exported(caller, { id, format: 'JSON' });
      expect(data?.exportJournal ?? null).toBeNull();
      expect(errors?.[0]).toMatchObject({ message: 'journal not found', extensions: { code: 'NOT_FOUND', field: 'id' } });
    }
  });

  it('bad input is BAD_USER_INPUT naming the field', async () => {
    const notAnId = await exported(alice, { id: 'not-an-id', format: 'JSON' });
    expect(notAnId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const reversed = await exported(alice, { id: journalId, format: 'JSON', from: '2026-03-05', to: '2026-03-01' });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const notADate = await exported(alice, { id: journalId, format: 'JSON', from: '2026-13-45' });
    expect(notADate.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const noFormat = await post(alice, exportJournal, { id: journalId, format: 'DOCX' });
    expect(noFormat.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('the query subgraph does not serve the export\'s page to an unsigned caller', async () => {
    const response = await fetch(query.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ journal(id: "${journalId}") { entriesOldestFirst(first: 5) { edges { node { id } } } } }` }),
    });
    const answer = (await response.json()) as Answer<unknown>;
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
