import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { erasureReceiptId, type AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { embeddedProjection, type EmbeddedProjection } from '@mindflow/event-log/testing';
import { S3ObjectStore } from '@mindflow/object-storage';
import { testServers, uniqueBucketName } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKey } from '../domain/export-naming.js';
import { attachmentKey, thumbnailKey, uploadKey } from '../domain/object-keys.js';
import { mediaProjection, startMediaProjector, type RunningMediaProjector } from './media-projector.js';
import { mediaUserTables } from './user-erasure.js';

// Erasure in the media projection (issue 16), through the real runtime: the embedded log over real Postgres and the
// real disk object store, and S3 (S3Proxy). Rows gone, objects gone from the disk, nobody else touched, later events write nothing.
describe.each(['disk', 's3'] as const)('erasure in the media projection, objects on %s', (storeKind) => {
  let projection: EmbeddedProjection<RunningMediaProjector>;
  let directory: string;
  let bucket: S3ObjectStore | undefined;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mindflow-media-erasure-'));
    let storeConfig: Record<string, string> = { OBJECT_STORE_DIR: directory, OBJECT_STORE_SIGNING_KEY: 'media-erasure-test-key' };
    if (storeKind === 's3') {
      const endpoint = await (await testServers()).s3();
      const bucketName = uniqueBucketName('erasure');
    bucket = new S3ObjectStore({ kind: 's3', bucket: bucketName, forcePathStyle: true, ...endpoint });
      await bucket.ensureBucket();
      storeConfig = { OBJECT_STORE: 's3', S3_ENDPOINT: endpoint.endpoint, S3_BUCKET: bucketName, S3_REGION: endpoint.region,
        S3_ACCESS_KEY_ID: endpoint.accessKeyId, S3_SECRET_ACCESS_KEY: endpoint.secretAccessKey, S3_FORCE_PATH_STYLE: 'true' };
    }
    projection = await embeddedProjection(`media_erasure_${storeKind}`, {
      projection: mediaProjection,
      start: (config, { log, metrics }) =>
        startMediaProjector(
          { MINDFLOW_MODE: 'embedded', WRITE_DATABASE_URL: config.WRITE_DATABASE_URL, MEDIA_DATABASE_URL: config.READ_DATABASE_URL, ...storeConfig },
          { log, metrics, startSweeper: false },
        ),
    });
  });
  afterAll(async () => {
    await projection?.close();
    if (bucket) {
      const left: string[] = [];
      for await (const object of bucket.list('')) left.push(object.key);
      if (left.length > 0) await bucket.delete(left);
      await bucket.deleteBucket();
    }
    await rm(directory, { recursive: true, force: true });
  });

  const versions = new Map<string, number>();
  const fact = (event: AnyEvent, userId: string): AnyEvent => {
    const version = (versions.get(event.aggregateId) ?? 0) + 1;
    versions.set(event.aggregateId, version);
    return { ...event, eventId: randomUUID(), aggregateVersion: version, userId };
  };
  const store = () => projection.projector().objects;
  const erasureRequested = (userId: string, attempt = 1) =>
    fact(sampleEvent('UserErasureRequested', { payload: { userId, requestedAt: new Date().toISOString(), attempt, services: ['media'] } }), userId);

  /** Everything media keeps of a user as attachFile, requestUpload and exportJournal leave it: rows and objects. */
  async function lifeOf(userId: string): Promise<void> {
    const [journalId, entryId, thoughtId] = [randomUUID(), randomUUID(), randomUUID()];
    await projection.append([
      fact(sampleEvent('JournalCreated', { payload: { ...samplePayloads.JournalCreated, journalId } }), userId),
      fact(sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, entryId, journalId } }), userId),
      fact(sampleEvent('ThoughtCaptured', { payload: { ...samplePayloads.ThoughtCaptured, thoughtId } }), userId),
    ]);
    await projection.caughtUp();
    for (const [targetType, targetId, journal] of [['Entry', entryId, journalId], ['Thought', thoughtId, null]] as const) {
      const id = randomUUID();
      await projection.read.query(
        `INSERT INTO media_attachments (attachment_id, owner_id, target_type, target_id, journal_id, file_name, content_type, size, object_key, thumbnail_key, created_at)
         VALUES ($1, $2, $3, $4, $5, 'holiday.jpg', 'image/jpeg', 3, $6, $7, now())`,
        [id, userId, targetType, targetId, journal, attachmentKey(userId, id), thumbnailKey(userId, id)],
      );
      await store().put(attachmentKey(userId, id), Buffer.from('abc'), { contentType: 'image/jpeg' });
      await store().put(thumbnailKey(userId, id), Buffer.from('t'), { contentType: 'image/webp' });
    }
    const uploadId = randomUUID();
    await projection.read.query(
      `INSERT INTO media_uploads (upload_id, owner_id, file_name, declared_type, declared_size, object_key, created_at, expires_at)
       VALUES ($1, $2, 'pending.png', 'image/png', 5, $3, now(), now() + interval '1 hour')`,
      [uploadId, userId, uploadKey(userId, uploadId)],
    );
    await store().put(uploadKey(userId, uploadId), Buffer.from('hello'), { contentType: 'image/png' });
    // An upload whose row is already gone (put through its signed URL, never attached), and an export.
    await store().put(uploadKey(userId, randomUUID()), Buffer.from('orphan'), { contentType: 'image/png' });
    await store().put(exportKey(userId, randomUUID(), 'zip'), Buffer.from('PK'), { contentType: 'application/zip' });
    // A removed attachment's objects still queued for deletion.
    const removed = randomUUID();
    await store().put(attachmentKey(userId, removed), Buffer.from('old'), { contentType: 'image/jpeg' });
    await projection.read.query('INSERT INTO media_object_deletions (object_key, queued_at) VALUES ($1, now())', [attachmentKey(userId, removed)]);
  }

  async function rowsOf(userId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of mediaUserTables) {
      counts[table] = Number((await projection.read.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE owner_id = $1`, [userId])).rows[0]!.n);
    }
    counts['media_object_deletions'] = Number((await projection.read.query<{ n: string }>('SELECT count(*) AS n FROM media_object_deletions WHERE object_key LIKE $1', [`%${userId}%`])).rows[0]!.n);
    return counts;
  }
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  /** Every object whose key names the user: the files of the disk store's directory, or the bucket's keys. */
  async function filesOf(userId: string): Promise<string[]> {
    if (storeKind === 's3') {
      const keys: string[] = [];
      for await (const object of store().list('')) if (object.key.includes(userId)) keys.push(object.key);
      return keys;
    }
    const files = await readdir(directory, { recursive: true, withFileTypes: true });
    return files.filter((f) => f.isFile() && join(f.parentPath, f.name).includes(userId)).map((f) => join(f.parentPath, f.name));
  }

    const [erased, other] = [randomUUID(), randomUUID()];

    it('names every table that holds rows of a user (a new one must join mediaUserTables)', async () => {
      const { rows } = await projection.read.query<{ table_name: string }>(
        `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'owner_id' AND table_name LIKE 'media\\_%' ORDER BY 1`,
      );
      expect(rows.map((r) => r.table_name).sort()).toEqual([...mediaUserTables].sort());
    });

    it('deletes every row and every object of the user, nobody else’s, and acknowledges in the media outbox', async () => {
      await lifeOf(erased);
      await lifeOf(other);
      expect(await filesOf(erased)).toHaveLength(8);
      const othersRows = await rowsOf(other);
      const othersFiles = (await filesOf(other)).sort();
      expect(othersFiles).toHaveLength(8);

      await projection.append([erasureRequested(erased)]);
      await projection.caughtUp();
      expect(await rowsOf(erased)).toEqual({ media_attachments: 0, media_uploads: 0, media_targets: 0, media_object_deletions: 0 });
      expect(await filesOf(erased)).toEqual([]);
      for (const prefix of [`users/${erased}/`, `uploads/${erased}/`]) {
        const listed = [];
        for await (const object of store().list(prefix)) listed.push(object.key);
        expect(listed).toEqual([]);
      }
      expect(await rowsOf(other)).toEqual(othersRows);
      expect((await filesOf(other)).sort()).toEqual(othersFiles);

      const acks = await projection.read.query<{ aggregate_id: string; payload: { service: string; erased: Record<string, number> } }>(
        `SELECT aggregate_id, payload FROM outbox WHERE event_type = 'UserDataErased' AND user_id = $1`, [erased]);
      expect(acks.rows).toEqual([{
        aggregate_id: erasureReceiptId(erased, 'media', 1),
        payload: expect.objectContaining({ service: 'media', erased: { media_attachments: 2, media_uploads: 1, media_targets: 2, media_object_deletions: 1, dead_letters: 0, objects: 8 } }),
      }]);
    });

    it('writes nothing of the user from later events, and a repeated request erases nothing more', async () => {
      await projection.append([fact(sampleEvent('ThoughtCaptured', { payload: { ...samplePayloads.ThoughtCaptured, thoughtId: randomUUID() } }), erased)]);
      await projection.caughtUp();
      expect(total(await rowsOf(erased))).toBe(0);
      await projection.append([erasureRequested(erased, 2)]);
      await projection.caughtUp();
      expect(await projection.redeliverEverything()).toBe(0);
      expect(total(await rowsOf(erased))).toBe(0);
      const { rows } = await projection.read.query<{ attempt: string; objects: string }>(
        `SELECT payload->>'attempt' AS attempt, payload->'erased'->>'objects' AS objects FROM outbox WHERE event_type = 'UserDataErased' AND user_id = $1 ORDER BY 1`, [erased]);
      expect(rows).toEqual([{ attempt: '1', objects: '8' }, { attempt: '2', objects: '0' }]);
    });
});
