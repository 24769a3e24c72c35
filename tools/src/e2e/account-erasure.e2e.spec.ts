// Deleting an account through the gateway (issue 16, API.md "Your data is yours"), embedded mode: Alice writes a
// marker word into a journal, an entry (analysed by insights), a thought and a task with a reminder (notifications);
// she deletes her account with her password; then her token and her password are refused, and the read DB, insights
// and notifications hold nothing of her (no row, and the marker nowhere in the read DB), while Bob, who wrote his own
// marker, is untouched. The search index (nobody finds her word; no search_* row) and media (her attachment and pending
// upload: no row, no object on the disk store) erase too. (Not here yet: the write DB; services/identity/README.md.)
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayClient } from './gateway-client.js';
import * as op from './mutation-operations.js';
import { attach, samplePhoto, uploadFile } from './attachment-operations.js';
import { identityDatabaseUrlFor, startSystem, type RunningSystem } from '../system/index.js';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';

const register = 'mutation ($email: String!, $password: String!) { register(email: $email, password: $password) { accessToken user { id } } }';
const login = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const deleteAccount = 'mutation ($password: String!) { deleteAccount(password: $password) }';
const password = 'correct horse battery staple';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const awaited = ['command', 'insights', 'media', 'notifications', 'query', 'search'];

describe('deleting an account through the gateway (embedded mode)', () => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let write: pg.Pool;
  let read: pg.Pool;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('e2e-erasure-write'), createTestDatabase('e2e-erasure-read')]);
    system = await startSystem({ mode: 'embedded', writeDatabaseUrl: databases[0]!.url, readDatabaseUrl: databases[1]!.url,
      // every service that erases and acknowledges today
      extraEnv: { IDENTITY_ERASURE_SERVICES: awaited.join(',') }, output: process.env['E2E_LOGS'] ? process.stderr : null });
    write = new pg.Pool({ connectionString: databases[0]!.url, max: 2 });
    read = new pg.Pool({ connectionString: databases[1]!.url, max: 2 });
  }, 600_000); // every role as its own process: minutes on a loaded machine
  afterAll(async () => {
    await Promise.all([write?.end(), read?.end()]);
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  });

  async function signUp(marker: string) {
    const email = `${marker}@example.com`;
    const anonymous = new GatewayClient(system.gatewayUrl);
    const { register: session } = await anonymous.data<{ register: { accessToken: string; user: { id: string } } }>(register, { email, password });
    const client = anonymous.withToken(session.accessToken);
    const { createJournal } = await client.data<{ createJournal: { journal: { id: string } } }>(op.createJournal, { input: { name: `Days of ${marker}` } });
    const { createEntry } = await client.data<{ createEntry: { entry: { id: string }; consistencyToken: string } }>(op.createEntry, {
      input: { journalId: createJournal.journal.id, title: `About ${marker}`, content: `Today I felt wonderful and calm, thinking of ${marker}.`, tags: [marker] },
    });
    await client.data(op.captureThought, { text: `Remember ${marker}`, tags: ['ideas'] });
    // A photo on the entry and an upload never attached. Their names do not hold the marker: media appends
    // AttachmentAdded (fileName is personal) to its outbox unsealed, so the name would stay readable in the log after
    // the erasure (the raw-bytes check below would fail); media's events are not sealed yet (issue 16).
    const photo = await samplePhoto();
    const attachment = await attach(client, { entryId: createEntry.entry.id }, 'photo.jpg', 'image/jpeg', photo);
    await uploadFile(client, 'pending.jpg', 'image/jpeg', photo);
    const remindAt = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
    await client.data(op.createTask, { input: { title: `Call ${marker}`, date: remindAt.slice(0, 10), remindAt } });
    return { email, client, userId: session.user.id, entryId: createEntry.entry.id, token: createEntry.consistencyToken, attachmentId: attachment.id };
  }

  /** Rows of every table of the read DB whose text holds `word`. */
  async function readDbMentions(word: string): Promise<Record<string, number>> {
    const { rows } = await read.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const found: Record<string, number> = {};
    for (const { table_name } of rows) {
      const n = Number((await read.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}" t WHERE t::text ILIKE $1`, [`%${word}%`])).rows[0]!.n);
      if (n > 0) found[table_name] = n;
    }
    return found;
  }
  /** The caller's search hits for `word` (the embedded index: Postgres full-text search in the read DB). */
  const searchHits = async (client: GatewayClient, word: string) =>
    (await client.data<{ search: { totalCount: number } }>('query ($q: String!) { search(query: $q) { totalCount } }', { q: word })).search.totalCount;
  /** Files of the disk object store (embedded: .cache/media-objects/<write DB name>) whose path names the user. */
  async function storedFilesOf(userId: string): Promise<string[]> {
    const directory = join(import.meta.dirname, '..', '..', '..', '.cache', 'media-objects', new URL(databases[0]!.url).pathname.replace(/^\/+/, ''));
    const files = await readdir(directory, { recursive: true, withFileTypes: true });
    return files.filter((f) => f.isFile() && join(f.parentPath, f.name).includes(userId)).map((f) => join(f.parentPath, f.name));
  }
  const userRows = async (pool: pg.Pool, table: string, userId: string, column = 'user_id') =>
    Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [userId])).rows[0]!.n);

  it('erases everything of the user from the API, the read DB, the search index, insights, notifications and media, and nobody else', async () => {
    const [aliceMarker, bobMarker] = [`quokka${randomUUID().slice(0, 8)}`, `wombat${randomUUID().slice(0, 8)}`];
    const alice = await signUp(aliceMarker);
    const bob = await signUp(bobMarker);
    const entryWithInsights = 'query ($id: ID!) { entry(id: $id) { id content insights { summary } } }';
    for (const user of [alice, bob]) {
      await until('insights of the entry', async () => {
        const { entry } = await user.client.data<{ entry: { insights: unknown } | null }>(entryWithInsights, { id: user.entryId }, { 'x-consistent-with': user.token });
        return entry?.insights ? true : undefined;
      });
    }
    expect(await userRows(write, 'notification_recipients', alice.userId)).toBe(1);
    expect(await userRows(write, 'task_reminders', alice.userId)).toBe(1);
    expect(Object.keys(await readDbMentions(aliceMarker)).length).toBeGreaterThan(0);
    // Her word is in the search index, her photo and pending upload in media (rows and objects).
    await until('the search index has her entry, thought and task', async () => ((await searchHits(alice.client, aliceMarker)) >= 3 ? true : undefined));
    expect(await userRows(read, 'search_documents', alice.userId, 'owner_id')).toBeGreaterThanOrEqual(3);
    expect(await userRows(write, 'media_attachments', alice.userId, 'owner_id')).toBe(1);
    expect(await userRows(write, 'media_uploads', alice.userId, 'owner_id')).toBe(1);
    expect((await storedFilesOf(alice.userId)).length).toBeGreaterThanOrEqual(3); // original, thumbnail, pending upload
    const bobFiles = (await storedFilesOf(bob.userId)).sort();
    const bobBefore = await readDbMentions(bobMarker);

    // A wrong password deletes nothing.
    expect((await alice.client.request(deleteAccount, { password: 'not my password at all' })).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await alice.client.data<{ deleteAccount: boolean }>(deleteAccount, { password })).toEqual({ deleteAccount: true });

    // The API: her token stops working at once, her password signs nobody in.
    expect((await alice.client.request('{ journals { totalCount } }')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await new GatewayClient(system.gatewayUrl).request(login, { email: alice.email, password })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    // The read DB (query projection): nothing of her, and her word nowhere.
    await until('the query projection erased her', async () => ((await userRows(read, 'erased_users', alice.userId)) === 1 ? true : undefined));
    expect(await readDbMentions(aliceMarker)).toEqual({});
    for (const table of ['journals_view', 'entries_view', 'thoughts_view', 'tasks_view', 'tags_view', 'mood_days', 'entry_sentiments']) {
      expect(await userRows(read, table, alice.userId, 'owner_id')).toBe(0);
    }
    // The command service, insights and notifications (their tables live in the write DB in embedded mode) and the query projection (its
    // read DB's outbox, through the query relay) each acknowledged on the log.
    let acknowledged: string[] = [];
    await until('every awaited service acknowledged', async () => {
      const { rows } = await write.query<{ service: string }>(`SELECT payload->>'service' AS service FROM outbox WHERE event_type = 'UserDataErased' AND user_id = $1`, [alice.userId]);
      acknowledged = rows.map((r) => r.service).sort();
      // (others may acknowledge too: a service not awaited here that erases as well)
      return awaited.every((service) => acknowledged.includes(service)) ? acknowledged : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message} (acknowledged: ${acknowledged.join(', ') || 'none'})`);
    });
    for (const table of ['entry_insights', 'pending_analyses', 'notification_recipients', 'task_reminders', 'scheduled_notifications', 'notifications']) {
      expect(await userRows(write, table, alice.userId)).toBe(0);
    }
    // The search index: no document of hers (the read DB's search_* tables hold her word nowhere: readDbMentions
    // above), and her word found by nobody.
    expect(await userRows(read, 'search_documents', alice.userId, 'owner_id')).toBe(0);
    expect(await userRows(read, 'search_vocabulary', alice.userId, 'owner_id')).toBe(0);
    expect(await searchHits(bob.client, aliceMarker)).toBe(0);
    // Media: no attachment, upload or target row, her word in none of them, and no object of hers on the disk store.
    for (const table of ['media_attachments', 'media_uploads', 'media_targets']) expect(await userRows(write, table, alice.userId, 'owner_id')).toBe(0);
    expect(await storedFilesOf(alice.userId)).toEqual([]);

    // The event log's raw bytes (the write DB's outbox, which is the log in embedded mode, and identity's own): her
    // word nowhere in the clear, since her events were sealed with the key her erasure destroyed.
    const rawMentions = async (pool: pg.Pool, word: string) =>
      (await pool.query<{ event_type: string }>(`SELECT event_type FROM outbox WHERE payload::text ILIKE $1`, [`%${word}%`])).rows.map((r) => r.event_type);
    expect(await rawMentions(write, aliceMarker)).toEqual([]);
    const identityDb = new pg.Pool({ connectionString: identityDatabaseUrlFor(databases[0]!.url), max: 1 });
    try {
      expect(await rawMentions(identityDb, aliceMarker)).toEqual([]);
      // Identity heard every acknowledgement from the log: the erasure is complete, every awaited service confirmed.
      const erasure = await until('identity completed the erasure', async () => {
        const { rows } = await identityDb.query<{ completed_at: Date | null; key_destroyed_at: Date | null }>('SELECT completed_at, key_destroyed_at FROM erasures WHERE user_id = $1', [alice.userId]);
        return rows[0]?.completed_at ? rows[0] : undefined;
      });
      expect(erasure.key_destroyed_at).toEqual(expect.any(Date));
      const { rows: receipts } = await identityDb.query<{ service: string; attempt: number }>(
        'SELECT service, attempt FROM erasure_receipts WHERE user_id = $1 AND service = ANY($2) AND acknowledged_at IS NOT NULL ORDER BY service',
        [alice.userId, awaited],
      );
      expect(receipts).toEqual(awaited.map((service) => ({ service, attempt: 1 })));
    } finally {
      await identityDb.end();
    }

    // Bob is untouched: his words, his insights, his reminder.
    expect(await readDbMentions(bobMarker)).toEqual(bobBefore);
    expect(await userRows(write, 'entry_insights', bob.userId)).toBe(1);
    expect(await userRows(write, 'task_reminders', bob.userId)).toBe(1);
    expect(await searchHits(bob.client, bobMarker)).toBeGreaterThanOrEqual(3);
    expect(await userRows(write, 'media_attachments', bob.userId, 'owner_id')).toBe(1);
    expect((await storedFilesOf(bob.userId)).sort()).toEqual(bobFiles);
    expect((await bob.client.data<{ journals: { totalCount: number } }>('{ journals { totalCount } }')).journals.totalCount).toBe(1);

    // The address can register again: a new, empty account.
    const again = await new GatewayClient(system.gatewayUrl).data<{ register: { accessToken: string; user: { id: string } } }>(register, { email: alice.email, password });
    expect(again.register.user.id).not.toBe(alice.userId);
    const newcomer = new GatewayClient(system.gatewayUrl).withToken(again.register.accessToken);
    expect((await newcomer.data<{ journals: { totalCount: number } }>('{ journals { totalCount } }')).journals.totalCount).toBe(0);
    expect(await searchHits(newcomer, aliceMarker)).toBe(0);
  }, 400_000);
});
