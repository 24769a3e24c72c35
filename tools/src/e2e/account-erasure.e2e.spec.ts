// Deleting an account through the gateway (issue 16, API.md "Your data is yours"), in both ways to run: Alice writes a
// marker word into a journal, an entry (analysed by insights, tagged with it), a thought and a task with a reminder
// (notifications), attaches a photo, leaves an upload unattached and exports her journal as JSON; she deletes her
// account with her password; then her token and her password are refused, and no database of the system (write, read,
// identity, insights, notifications, media, keys: every table of every schema, as text) holds her word, the search
// index finds it for nobody, media holds no row or object of hers, while Bob, who wrote his own marker, is untouched.
// Distributed, the raw bytes are searched too: every message of every topic of the system's prefix (key, value and
// headers, read from the beginning by a plain consumer), every document of the Elasticsearch indices of its prefix
// and every object of its S3 bucket. Last, the query projection is rebuilt from the event log by the operators'
// tool (tools/src/projections/rebuild.ts): nothing of her comes back, Bob's data comes back whole.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  diskObjectStore, elasticsearchDocuments as elasticsearchDocuments_, kafkaScan as kafkaScan_, mentions, mentionsEverywhere as mentionsEverywhere_,
  objectsHolding as objectsHolding_, objectsOf as objectsOf_, type ObjectStore,
} from './erasure-scans.js';
import { GatewayClient } from './gateway-client.js';
import * as op from './mutation-operations.js';
import { attach, samplePhoto, uploadFile } from './attachment-operations.js';
import { exportJournal } from './export-operations.js';
import {
  identityDatabaseUrlFor, insightsDatabaseUrlFor, keysDatabaseUrlFor, mediaDatabaseUrlFor, notificationsDatabaseUrlFor, startSystem,
  type Mode, type RunningSystem,
} from '../system/index.js';
import { createTestDatabase, testServers, uniqueBucketName, uniqueIndexPrefix, uniqueTopicPrefix, type S3Endpoint, type TestDatabase } from '@mindflow/testing';

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
const modes: Mode[] = ['embedded', 'distributed'];
const tsx = createRequire(import.meta.url).resolve('tsx');

/** Where the distributed system keeps its raw bytes besides the databases. */
interface Distributed { brokers: string[]; topicPrefix: string; elasticsearchUrl: string; indexPrefix: string; s3: S3Endpoint & { bucket: string } }

describe.each(modes)('deleting an account through the gateway (%s mode)', (mode) => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let distributed: Distributed | undefined;
  /** Every database of the system by role (embedded, insights, notifications and media share the write DB). */
  let pools: Map<string, pg.Pool>;
  let write: pg.Pool;
  let read: pg.Pool;
  let insightsDb: pg.Pool;
  let notificationsDb: pg.Pool;
  let mediaDb: pg.Pool;
  let identityDb: pg.Pool;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase(`e2e-erasure-${mode}-write`), createTestDatabase(`e2e-erasure-${mode}-read`)]);
    const writeUrl = databases[0]!.url;
    if (mode === 'distributed') {
      const servers = await testServers();
      distributed = {
        brokers: await servers.kafkaBrokers(), topicPrefix: uniqueTopicPrefix('e2e-erasure'), elasticsearchUrl: await servers.elasticsearchUrl(),
        indexPrefix: uniqueIndexPrefix('e2e-erasure'), s3: { ...(await servers.s3()), bucket: uniqueBucketName('e2e-erasure') },
      };
    }
    system = await startSystem({
      mode, writeDatabaseUrl: writeUrl, readDatabaseUrl: databases[1]!.url,
      ...(distributed
        ? {
            topicPrefix: distributed.topicPrefix, kafkaBrokers: distributed.brokers.join(','), redisUrl: await (await testServers()).redisUrl(),
            elasticsearchUrl: distributed.elasticsearchUrl, searchIndexPrefix: distributed.indexPrefix, s3: distributed.s3,
          }
        : {}),
      // every service that erases and acknowledges today
      extraEnv: { IDENTITY_ERASURE_SERVICES: awaited.join(',') }, output: process.env['E2E_LOGS'] ? process.stderr : null,
    });
    const urls: Record<string, string> = {
      write: writeUrl, read: databases[1]!.url, identity: identityDatabaseUrlFor(writeUrl),
      ...(mode === 'distributed'
        ? { insights: insightsDatabaseUrlFor(writeUrl), notifications: notificationsDatabaseUrlFor(writeUrl), media: mediaDatabaseUrlFor(writeUrl), keys: keysDatabaseUrlFor(writeUrl) }
        : {}),
    };
    pools = new Map(Object.entries(urls).map(([role, url]) => [role, new pg.Pool({ connectionString: url, max: 2 })]));
    write = pools.get('write')!;
    read = pools.get('read')!;
    identityDb = pools.get('identity')!;
    insightsDb = pools.get('insights') ?? write;
    notificationsDb = pools.get('notifications') ?? write;
    mediaDb = pools.get('media') ?? write;
  }, 600_000); // every role as its own process: minutes on a loaded machine
  afterAll(async () => {
    await Promise.all([...(pools?.values() ?? [])].map((pool) => pool.end()));
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
    await client.data(op.captureThought, { text: `Remember ${marker}`, tags: ['ideas', `${marker}-thought`] });
    // A photo on the entry (its name holds the marker: AttachmentAdded's fileName is sealed) and an upload never attached.
    const photo = await samplePhoto();
    const attachment = await attach(client, { entryId: createEntry.entry.id }, `${marker}.jpg`, 'image/jpeg', photo);
    await uploadFile(client, 'pending.jpg', 'image/jpeg', photo);
    const remindAt = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
    await client.data(op.createTask, { input: { title: `Call ${marker}`, date: remindAt.slice(0, 10), remindAt } });
    return { email, client, userId: session.user.id, journalId: createJournal.journal.id, entryId: createEntry.entry.id, token: createEntry.consistencyToken, attachmentId: attachment.id };
  }

  const mentionsEverywhere = (word: string) => mentionsEverywhere_(pools, word);
  /** Embedded: files of the disk store, .cache/media-objects/<write DB name>; distributed: keys of the bucket. */
  const store = (): ObjectStore => (distributed ? { s3: distributed.s3 } : diskObjectStore(databases[0]!.url));
  const objectsOf = (userId: string) => objectsOf_(store(), userId);
  const objectsHolding = (word: string) => objectsHolding_(store(), word);
  const kafkaScan = (needles: readonly string[]) => kafkaScan_(distributed!, needles);
  const elasticsearchDocuments = () => elasticsearchDocuments_(distributed!);
  /** The caller's search hits for `word` (embedded: Postgres full-text search in the read DB; distributed: Elasticsearch). */
  const searchHits = async (client: GatewayClient, word: string) =>
    (await client.data<{ search: { totalCount: number } }>('query ($q: String!) { search(query: $q) { totalCount } }', { q: word })).search.totalCount;
  const userRows = async (pool: pg.Pool, table: string, userId: string, column = 'user_id') =>
    Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [userId])).rows[0]!.n);
  /** The operators' rebuild of the query projection, run as they run it: its own process, the query projector's environment. */
  async function rebuildQueryProjection(): Promise<string> {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, join(import.meta.dirname, '..', 'projections', 'rebuild.ts'), '--projection', 'query'], {
      env: { ...process.env, ...system.services.get('query-projector')!.spec.env, LOG_LEVEL: 'warn' }, timeout: 240_000,
    });
    return stdout;
  }

  it('erases everything of the user from the API, every database, the search index, media and the raw log, nobody else; a rebuild brings nothing back', async () => {
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
    // Her journal as JSON: an export object in the store that holds her word in the clear.
    const { exportJournal: exported } = await alice.client.data<{ exportJournal: { url: string } }>(exportJournal, { id: alice.journalId, format: 'JSON' });
    expect(exported.url).toEqual(expect.any(String));
    expect(await userRows(notificationsDb, 'notification_recipients', alice.userId)).toBe(1);
    expect(await userRows(notificationsDb, 'task_reminders', alice.userId)).toBe(1);
    expect(Object.keys(await mentions(read, aliceMarker)).length).toBeGreaterThan(0);
    expect(Object.keys(await mentions(identityDb, aliceMarker))).toContain('public.users'); // her address
    // Her word is in the search index, her photo, pending upload and export in media (rows and objects).
    await until('the search index has her entry, thought and task', async () => ((await searchHits(alice.client, aliceMarker)) >= 3 ? true : undefined));
    if (mode === 'embedded') expect(await userRows(read, 'search_documents', alice.userId, 'owner_id')).toBeGreaterThanOrEqual(3);
    expect(await userRows(mediaDb, 'media_attachments', alice.userId, 'owner_id')).toBe(1);
    expect(await userRows(mediaDb, 'media_uploads', alice.userId, 'owner_id')).toBe(1);
    expect((await objectsOf(alice.userId)).length).toBeGreaterThanOrEqual(4); // original, thumbnail, pending upload, export
    expect((await objectsHolding(aliceMarker)).length).toBeGreaterThan(0); // the JSON export: the scan sees plain text
    const bobObjects = await objectsOf(bob.userId);
    const bobBefore = await mentions(read, bobMarker, 'public');
    if (distributed) {
      // The raw scans see her: documents with her word in the index, messages of hers (her id) on every topic read.
      const documents = await elasticsearchDocuments();
      expect(documents.indices.length).toBeGreaterThan(0);
      expect(documents.raw).toContain(aliceMarker);
      const scan = await kafkaScan([aliceMarker, alice.userId]);
      expect(scan.holding[alice.userId]).toBeGreaterThan(0);
      expect(scan.holding[aliceMarker]).toBe(0); // sealed from the start
    }

    // A wrong password deletes nothing.
    expect((await alice.client.request(deleteAccount, { password: 'not my password at all' })).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await alice.client.data<{ deleteAccount: boolean }>(deleteAccount, { password })).toEqual({ deleteAccount: true });

    // The API: her token stops working at once, her password signs nobody in.
    expect((await alice.client.request('{ journals { totalCount } }')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await new GatewayClient(system.gatewayUrl).request(login, { email: alice.email, password })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    // Identity heard every acknowledgement from the log: the erasure is complete, every awaited service confirmed once.
    let acknowledged: string[] = [];
    const erasure = await until('identity completed the erasure', async () => {
      const { rows } = await identityDb.query<{ completed_at: Date | null; key_destroyed_at: Date | null }>('SELECT completed_at, key_destroyed_at FROM erasures WHERE user_id = $1', [alice.userId]);
      acknowledged = (await identityDb.query<{ service: string }>('SELECT service FROM erasure_receipts WHERE user_id = $1 AND acknowledged_at IS NOT NULL ORDER BY service', [alice.userId])).rows.map((r) => r.service);
      return rows[0]?.completed_at ? rows[0] : undefined;
    }, 120_000).catch((error: Error) => {
      throw new Error(`${error.message} (acknowledged: ${acknowledged.join(', ') || 'none'})`);
    });
    expect(erasure.key_destroyed_at).toEqual(expect.any(Date));
    const { rows: receipts } = await identityDb.query<{ service: string; attempt: number }>(
      'SELECT service, attempt FROM erasure_receipts WHERE user_id = $1 AND service = ANY($2) AND acknowledged_at IS NOT NULL ORDER BY service',
      [alice.userId, awaited],
    );
    expect(receipts).toEqual(awaited.map((service) => ({ service, attempt: 1 })));

    // Every database of the system: her word in no table of any schema (the outboxes, the embedded log, included),
    // no row of hers in the read models, insights, notifications or media.
    expect(await userRows(read, 'erased_users', alice.userId)).toBe(1);
    expect(await mentionsEverywhere(aliceMarker)).toEqual({});
    for (const table of ['journals_view', 'entries_view', 'thoughts_view', 'tasks_view', 'tags_view', 'mood_days', 'entry_sentiments']) {
      expect(await userRows(read, table, alice.userId, 'owner_id')).toBe(0);
    }
    for (const table of ['entry_insights', 'pending_analyses']) expect(await userRows(insightsDb, table, alice.userId)).toBe(0);
    for (const table of ['notification_recipients', 'task_reminders', 'scheduled_notifications', 'notifications']) expect(await userRows(notificationsDb, table, alice.userId)).toBe(0);
    for (const table of ['media_attachments', 'media_uploads', 'media_targets']) expect(await userRows(mediaDb, table, alice.userId, 'owner_id')).toBe(0);
    // The search index: her word found by nobody, no document of hers.
    expect(await searchHits(bob.client, aliceMarker)).toBe(0);
    if (mode === 'embedded') {
      expect(await userRows(read, 'search_documents', alice.userId, 'owner_id')).toBe(0);
      expect(await userRows(read, 'search_vocabulary', alice.userId, 'owner_id')).toBe(0);
    }
    // The object store: no object of hers (original, thumbnail, upload, export), her word in no object.
    expect(await objectsOf(alice.userId)).toEqual([]);
    expect(await objectsHolding(aliceMarker)).toEqual([]);
    if (distributed) {
      // Elasticsearch: no document of its indices holds her word or her id.
      const documents = await elasticsearchDocuments();
      expect(documents.documents).toBeGreaterThan(0); // Bob's
      expect(documents.raw).not.toContain(aliceMarker);
      expect(documents.raw).not.toContain(alice.userId);
      expect(documents.raw).toContain(bobMarker);
      // Kafka: her events stay on the log (her id in their keys and headers), their bytes hold her word nowhere.
      const scan = await kafkaScan([aliceMarker, alice.userId, bobMarker]);
      expect(scan).toMatchObject({ holding: { [aliceMarker]: 0, [bobMarker]: 0 } });
      expect(scan.holding[alice.userId]).toBeGreaterThan(0);
      expect(scan.messages).toBeGreaterThan(20);
    }

    // Bob is untouched: his words, his insights, his reminder, his objects.
    expect(await mentions(read, bobMarker, 'public')).toEqual(bobBefore);
    expect(await userRows(insightsDb, 'entry_insights', bob.userId)).toBe(1);
    expect(await userRows(notificationsDb, 'task_reminders', bob.userId)).toBe(1);
    expect(await searchHits(bob.client, bobMarker)).toBeGreaterThanOrEqual(3);
    expect(await userRows(mediaDb, 'media_attachments', bob.userId, 'owner_id')).toBe(1);
    expect(await objectsOf(bob.userId)).toEqual(bobObjects);
    expect((await bob.client.data<{ journals: { totalCount: number } }>('{ journals { totalCount } }')).journals.totalCount).toBe(1);

    // A rebuild of the query projection from the whole log (her sealed events included) brings nothing of her back,
    // and Bob's read model back as it was.
    const rebuilt = /^rebuilt query: (\d+) events/m.exec(await rebuildQueryProjection());
    expect(Number(rebuilt?.[1])).toBeGreaterThan(10); // both users' events, hers sealed with a key that is gone
    expect(await mentions(read, aliceMarker)).toEqual({});
    for (const table of ['journals_view', 'entries_view', 'thoughts_view', 'tasks_view', 'tags_view', 'mood_days', 'entry_sentiments']) {
      expect(await userRows(read, table, alice.userId, 'owner_id')).toBe(0);
    }
    expect(await mentions(read, bobMarker, 'public')).toEqual(bobBefore);
    const { entry: bobEntry } = await bob.client.data<{ entry: { content: string } | null }>(entryWithInsights, { id: bob.entryId });
    expect(bobEntry?.content).toContain(bobMarker);

    // The address can register again: a new, empty account.
    const again = await new GatewayClient(system.gatewayUrl).data<{ register: { accessToken: string; user: { id: string } } }>(register, { email: alice.email, password });
    expect(again.register.user.id).not.toBe(alice.userId);
    const newcomer = new GatewayClient(system.gatewayUrl).withToken(again.register.accessToken);
    expect((await newcomer.data<{ journals: { totalCount: number } }>('{ journals { totalCount } }')).journals.totalCount).toBe(0);
    expect(await searchHits(newcomer, aliceMarker)).toBe(0);
  }, 600_000);
});
