import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSweepStore } from '../adapters/pg/pg-sweep-store.js';
import { sweepMedia, type SweepAges } from '../application/sweep-media.js';
import { attachmentKey, uploadKey } from '../domain/object-keys.js';
import { exportKey } from '../domain/export-naming.js';
import { photoWithGps } from '../test/sample-files.js';
import { attachFileMutation, mediaUnderTest, requestUploadMutation, upload, type MediaUnderTest, type Ticket } from '../test/media-under-test.js';

// What no row counts against a quota does not stay: the sweeper against real Postgres and the disk object store
// behind its signed URLs (the S3 adapter is held to the same list/delete contract in libs/object-storage).
describe('the media sweeper: objects no row accounts for', () => {
  let media: MediaUnderTest;
  const alice = { userId: randomUUID() };
  const entry = randomUUID();
  const urlSeconds = 900;
  const ages: SweepAges = { orphanUploadSeconds: urlSeconds, exportSeconds: 86_400 };
  const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
  const sweep = (now: Date) => sweepMedia(pgSweepStore(media.subgraph.pool), media.subgraph.objects, now, ages);

  beforeAll(async () => {
    media = await mediaUnderTest('media_sweeper', { MEDIA_UPLOAD_URL_SECONDS: urlSeconds });
    await media.addTarget({ id: entry, type: 'Entry', ownerId: alice.userId, journalId: randomUUID() });
  });
  afterAll(async () => {
    await media?.close();
  });

  it('deletes an upload object PUT again after its upload was attached, once the URL has expired; a pending upload stays', async () => {
    const photo = await photoWithGps();
    const request = async () => {
      const answer = await media.post<{ requestUpload: Ticket }>(requestUploadMutation, { input: { fileName: 'p.jpg', contentType: 'image/jpeg', size: photo.length } }, alice);
      if (!answer.data) throw new Error(JSON.stringify(answer.errors));
      return answer.data.requestUpload;
    };
    const attached = await request();
    expect(await upload(attached, photo)).toBe(200);
    const answer = await media.post<{ attachFile: { attachment: { id: string } } }>(attachFileMutation, { uploadId: attached.uploadId, to: { entryId: entry } }, alice);
    expect(answer.errors).toBeUndefined();
    const attachmentId = answer.data!.attachFile.attachment.id;
    const attachedKey = uploadKey(alice.userId, attached.uploadId);
    expect(await media.subgraph.objects.head(attachedKey)).toBeNull();

    // The URL is still valid: a second PUT recreates the object, with no upload row to count or expire it.
    expect(await upload(attached, photo)).toBe(200);
    expect(await media.subgraph.objects.head(attachedKey)).not.toBeNull();

    const pending = await request();
    expect(await upload(pending, photo)).toBe(200);
    const pendingKey = uploadKey(alice.userId, pending.uploadId);

    // Within the URL's lifetime the orphan may still be written again: nothing goes yet.
    expect((await sweep(later(60))).orphanedUploads).toBe(0);
    expect(await media.subgraph.objects.head(attachedKey)).not.toBeNull();

    const report = await sweep(later(urlSeconds + 60));
    expect(report.orphanedUploads).toBe(1);
    expect(await media.subgraph.objects.head(attachedKey)).toBeNull();
    // the pending upload (its row lives until it expires) and the attachment stay
    expect(await media.subgraph.objects.head(pendingKey)).not.toBeNull();
    expect(await media.subgraph.objects.head(attachmentKey(alice.userId, attachmentId))).not.toBeNull();

    expect((await sweep(later(urlSeconds + 120))).orphanedUploads).toBe(0);
  });

  it('deletes exports past their lifetime, and nothing else under the user', async () => {
    const key = exportKey(alice.userId, randomUUID(), 'zip');
    await media.subgraph.objects.put(key, Buffer.from('PK export'), { contentType: 'application/zip' });
    const before = [];
    for await (const object of media.subgraph.objects.list(`users/${alice.userId}/`)) before.push(object.key);
    expect(before).toContain(key);

    expect((await sweep(later(3600))).expiredExports).toBe(0);
    expect(await media.subgraph.objects.head(key)).not.toBeNull();

    const report = await sweep(later(86_400 + 60));
    expect(report.expiredExports).toBe(1);
    expect(await media.subgraph.objects.head(key)).toBeNull();
    const after = [];
    for await (const object of media.subgraph.objects.list(`users/${alice.userId}/`)) after.push(object.key);
    expect(after).toEqual(before.filter((k) => k !== key));
    expect(after.length).toBeGreaterThan(0);
  });
});
