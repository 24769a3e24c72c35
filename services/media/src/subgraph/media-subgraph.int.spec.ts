import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPosingAsImage, photoWithGps, silentMp3 } from '../test/sample-files.js';
import {
  attachFileMutation,
  entryAttachmentsQuery,
  mediaUnderTest,
  removeAttachmentMutation,
  requestUploadMutation,
  upload,
  type MediaUnderTest,
  type Ticket,
} from '../test/media-under-test.js';

type Attached = { attachFile: { consistencyToken: string; attachment: { id: string; fileName: string; contentType: string; size: number; url: string; thumbnailUrl: string | null; width: number | null; height: number | null; durationSeconds: number | null } } };

describe('the media subgraph (real Postgres, the disk object store behind signed URLs)', () => {
  let media: MediaUnderTest;
  const alice = { userId: randomUUID() };
  const bob = { userId: randomUUID() };
  const aliceEntry = randomUUID();
  const aliceThought = randomUUID();
  const bobEntry = randomUUID();
  const maxUploadBytes = 2 * 1_048_576;

  beforeAll(async () => {
    media = await mediaUnderTest('media_subgraph', { MEDIA_MAX_UPLOAD_BYTES: maxUploadBytes, MEDIA_QUOTA_FREE_BYTES: 3 * 1_048_576, MEDIA_TARGET_WAIT_MS: 300 });
    await media.addTarget({ id: aliceEntry, type: 'Entry', ownerId: alice.userId, journalId: randomUUID() });
    await media.addTarget({ id: aliceThought, type: 'Thought', ownerId: alice.userId });
    await media.addTarget({ id: bobEntry, type: 'Entry', ownerId: bob.userId, journalId: randomUUID() });
  });
  afterAll(async () => {
    await media?.close();
  });

  async function ticket(caller: { userId: string }, fileName: string, contentType: string, size: number): Promise<Ticket> {
    const answer = await media.post<{ requestUpload: Ticket }>(requestUploadMutation, { input: { fileName, contentType, size } }, caller);
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data.requestUpload;
  }
  const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code;
  const outboxTypes = async (aggregateId: string) =>
    (await media.subgraph.pool.query<{ t: string }>('SELECT event_type AS t FROM outbox WHERE aggregate_id = $1 ORDER BY aggregate_version', [aggregateId])).rows.map((r) => r.t);

  it('uploads a photo by signed URL, attaches it stripped of its metadata and oriented, with a thumbnail, and records AttachmentAdded', async () => {
    const photo = await photoWithGps();
    const t = await ticket(alice, 'harbour.jpg', 'image/jpeg', photo.length);
    expect(t.method).toBe('PUT');
    expect(await upload(t, photo)).toBe(200);
    const answer = await media.post<Attached>(attachFileMutation, { uploadId: t.uploadId, to: { entryId: aliceEntry } }, alice);
    expect(answer.errors).toBeUndefined();
    const { attachment, consistencyToken } = answer.data!.attachFile;
    expect(attachment).toMatchObject({ fileName: 'harbour.jpg', contentType: 'image/jpeg', width: 32, height: 64, durationSeconds: null });
    expect(Buffer.from(consistencyToken, 'base64url').toString()).toBe(`attachment:${attachment.id}:1`);

    const stored = Buffer.from(await (await fetch(attachment.url)).arrayBuffer());
    expect(stored.length).toBe(attachment.size);
    const meta = await sharp(stored).metadata();
    expect([meta.exif, meta.orientation, meta.width, meta.height]).toEqual([undefined, undefined, 32, 64]);
    expect(stored.includes(Buffer.from('SpyCam'))).toBe(false);
    const thumbnail = await fetch(attachment.thumbnailUrl!);
    expect(thumbnail.status).toBe(200);
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).format).toBe('webp');

    const read = await media.post<{ _entities: { attachments: { id: string }[] }[] }>(entryAttachmentsQuery, { reps: [{ __typename: 'Entry', id: aliceEntry }] }, alice);
    expect(read.data!._entities[0]!.attachments.map((a) => a.id)).toEqual([attachment.id]);
    expect(await outboxTypes(attachment.id)).toEqual(['AttachmentAdded']);
    // Its file name is personal: sealed with alice's data key (crypto-shredding), not readable in the outbox row.
    const added = await media.subgraph.pool.query<{ payload: unknown }>("SELECT payload FROM outbox WHERE aggregate_id = $1", [attachment.id]);
    expect(JSON.stringify(added.rows[0]!.payload)).not.toContain('harbour');
    // The upload object is gone: only the processed one is kept.
    expect(await media.subgraph.objects.head(`uploads/${alice.userId}/${t.uploadId}`)).toBeNull();
  });

  it('attaches a voice note to a thought with its duration, bytes unchanged', async () => {
    const mp3 = silentMp3(2);
    const t = await ticket(alice, 'walk.mp3', 'audio/mpeg', mp3.length);
    expect(await upload(t, mp3)).toBe(200);
    const answer = await media.post<Attached>(attachFileMutation, { uploadId: t.uploadId, to: { thoughtId: aliceThought } }, alice);
    expect(answer.errors).toBeUndefined();
    const { attachment } = answer.data!.attachFile;
    expect(attachment).toMatchObject({ contentType: 'audio/mpeg', size: mp3.length, thumbnailUrl: null, width: null });
    expect(attachment.durationSeconds).toBeCloseTo(2, 1);
    expect(Buffer.from(await (await fetch(attachment.url)).arrayBuffer()).equals(mp3)).toBe(true);
  });

  it('refuses another user’s upload, another user’s entry, and a target that does not exist', async () => {
    const photo = await photoWithGps();
    const alices = await ticket(alice, 'a.jpg', 'image/jpeg', photo.length);
    await upload(alices, photo);
    const asBob = await media.post(attachFileMutation, { uploadId: alices.uploadId, to: { entryId: bobEntry } }, bob);
    expect([codeOf(asBob), asBob.errors?.[0]?.message]).toEqual(['NOT_FOUND', 'no such upload']);
    const toBobs = await media.post(attachFileMutation, { uploadId: alices.uploadId, to: { entryId: bobEntry } }, alice);
    expect([codeOf(toBobs), toBobs.errors?.[0]?.message]).toEqual(['NOT_FOUND', 'no such entry']);
    const nowhere = await media.post(attachFileMutation, { uploadId: alices.uploadId, to: { entryId: randomUUID() } }, alice);
    expect(codeOf(nowhere)).toBe('NOT_FOUND');
    // An entry id given as a thought is not that thought.
    expect(codeOf(await media.post(attachFileMutation, { uploadId: alices.uploadId, to: { thoughtId: aliceEntry } }, alice))).toBe('NOT_FOUND');
    expect(codeOf(await media.post(attachFileMutation, { uploadId: alices.uploadId, to: { entryId: aliceEntry, thoughtId: aliceThought } }, alice))).toBe('BAD_USER_INPUT');
    expect(codeOf(await media.post(attachFileMutation, { uploadId: 'not-an-id', to: { entryId: aliceEntry } }, alice))).toBe('BAD_USER_INPUT');
    // Bob sees none of Alice's attachments, even by her entry's id.
    const read = await media.post<{ _entities: { attachments: unknown[] }[] }>(entryAttachmentsQuery, { reps: [{ __typename: 'Entry', id: aliceEntry }] }, bob);
    expect(read.data!._entities[0]!.attachments).toEqual([]);
  });

  it('refuses an HTML page posing as an image, from its bytes, and deletes what was uploaded', async () => {
    const t = await ticket(alice, 'cat.jpg', 'image/jpeg', htmlPosingAsImage.length);
    expect(await upload(t, htmlPosingAsImage)).toBe(200);
    const answer = await media.post(attachFileMutation, { uploadId: t.uploadId, to: { entryId: aliceEntry } }, alice);
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(/not an accepted type .*not a known binary format/);
    expect(await media.subgraph.objects.head(`uploads/${alice.userId}/${t.uploadId}`)).toBeNull();
  });

  it('refuses an oversized upload when it is asked for, and bytes beyond the declared size at the signed URL', async () => {
    const tooLarge = await media.post(requestUploadMutation, { input: { fileName: 'big.jpg', contentType: 'image/jpeg', size: maxUploadBytes + 1 } }, alice);
    expect([codeOf(tooLarge), tooLarge.errors?.[0]?.extensions?.field]).toEqual(['PAYLOAD_TOO_LARGE', 'size']);
    const photo = await photoWithGps();
    const t = await ticket(alice, 'small.jpg', 'image/jpeg', 100);
    expect(await upload(t, photo)).toBe(413);
    expect(codeOf(await media.post(attachFileMutation, { uploadId: t.uploadId, to: { entryId: aliceEntry } }, alice))).toBe('BAD_USER_INPUT');
    expect(codeOf(await media.post(requestUploadMutation, { input: { fileName: 'x.exe', contentType: 'application/x-msdownload', size: 10 } }, alice))).toBe('BAD_USER_INPUT');
  });

  it('refuses a signed URL for another object, a tampered one and an upload URL used to read', async () => {
    const photo = await photoWithGps();
    const t = await ticket(alice, 'p.jpg', 'image/jpeg', photo.length);
    const other = new URL(t.url);
    other.pathname = other.pathname.replace(t.uploadId, randomUUID());
    expect(await upload({ ...t, url: other.toString() }, photo)).toBe(403);
    const tampered = new URL(t.url);
    const signature = [...tampered.searchParams.keys()].find((name) => /signature$/i.test(name))!;
    const value = tampered.searchParams.get(signature)!;
    tampered.searchParams.set(signature, `${value.slice(0, -2)}${value.endsWith('00') ? '11' : '00'}`);
    expect(await upload({ ...t, url: tampered.toString() }, photo)).toBe(403);
    expect((await fetch(t.url)).status).toBe(403);
    expect(await upload(t, photo)).toBe(200);
  });

  it('refuses a signed GET URL of an attachment once it has expired', async () => {
    const mp3 = silentMp3(1);
    const t = await ticket(alice, 'short.mp3', 'audio/mpeg', mp3.length);
    await upload(t, mp3);
    const { attachment } = (await media.post<Attached>(attachFileMutation, { uploadId: t.uploadId, to: { entryId: aliceEntry } }, alice)).data!.attachFile;
    const key = (await media.subgraph.pool.query<{ k: string }>('SELECT object_key AS k FROM media_attachments WHERE attachment_id = $1', [attachment.id])).rows[0]!.k;
    const shortLived = await media.subgraph.objects.signedGetUrl(key, { expiresInSeconds: 1 });
    expect((await fetch(shortLived)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await fetch(shortLived)).status).toBe(403);
  });

  it('answers hostile inputs with BAD_USER_INPUT naming the field (the malformed-input suite’s values)', async () => {
    const fieldOf = (answer: { errors?: { extensions?: { code?: string; field?: string } }[] }) => [codeOf(answer), answer.errors?.[0]?.extensions?.field];
    const request = (input: Record<string, unknown>) => media.post(requestUploadMutation, { input: { fileName: 'p.jpg', contentType: 'image/jpeg', size: 1000, ...input } }, alice);
    expect(fieldOf(await request({ fileName: 'x'.repeat(200_000) }))).toEqual(['BAD_USER_INPUT', 'fileName']);
    expect(fieldOf(await request({ fileName: 'before\u0000after' }))).toEqual(['BAD_USER_INPUT', 'fileName']);
    expect(fieldOf(await request({ contentType: '' }))).toEqual(['BAD_USER_INPUT', 'contentType']);
    expect(fieldOf(await request({ contentType: 'x'.repeat(200_000) }))).toEqual(['BAD_USER_INPUT', 'contentType']);
    expect(fieldOf(await request({ size: -1 }))).toEqual(['BAD_USER_INPUT', 'size']);
    const attach = (to: Record<string, unknown>, uploadId: string = randomUUID()) => media.post(attachFileMutation, { uploadId, to }, alice);
    expect(fieldOf(await attach({ entryId: aliceEntry, thoughtId: "1' OR '1'='1" }))).toEqual(['BAD_USER_INPUT', 'to.thoughtId']);
    expect(fieldOf(await attach({ entryId: `${aliceEntry}\u0000` }))).toEqual(['BAD_USER_INPUT', 'to.entryId']);
    expect(fieldOf(await attach({ entryId: aliceEntry, thoughtId: aliceThought }))).toEqual(['BAD_USER_INPUT', 'to.thoughtId']);
    expect(fieldOf(await attach({ entryId: aliceEntry }, 'x'.repeat(200_000)))).toEqual(['BAD_USER_INPUT', 'uploadId']);
    expect(fieldOf(await media.post(removeAttachmentMutation, { id: "1' OR '1'='1" }, alice))).toEqual(['BAD_USER_INPUT', 'id']);
  });

  it('enforces the plan’s storage quota with a clear error', async () => {
    const carol = { userId: randomUUID() };
    const first = await media.post(requestUploadMutation, { input: { fileName: 'a.pdf', contentType: 'application/pdf', size: 2 * 1_048_576 } }, carol);
    expect(first.errors).toBeUndefined();
    const second = await media.post(requestUploadMutation, { input: { fileName: 'b.pdf', contentType: 'application/pdf', size: 2 * 1_048_576 } }, carol);
    expect(codeOf(second)).toBe('FORBIDDEN');
    expect(second.errors?.[0]?.message).toMatch(/storage quota exceeded: 2\.0 MiB of the free plan's 3\.0 MiB are used/);
    // Premium has room.
    expect((await media.post(requestUploadMutation, { input: { fileName: 'b.pdf', contentType: 'application/pdf', size: 2 * 1_048_576 } }, { ...carol, roles: ['user', 'premium'] })).errors).toBeUndefined();
  });

  it('removes an attachment: gone from reads, AttachmentRemoved recorded, its objects deleted; another user cannot', async () => {
    const photo = await photoWithGps();
    const t = await ticket(alice, 'gone.jpg', 'image/jpeg', photo.length);
    await upload(t, photo);
    const { attachment } = (await media.post<Attached>(attachFileMutation, { uploadId: t.uploadId, to: { entryId: aliceEntry } }, alice)).data!.attachFile;
    expect(codeOf(await media.post(removeAttachmentMutation, { id: attachment.id }, bob))).toBe('NOT_FOUND');
    const removed = await media.post<{ removeAttachment: { id: string; version: number } }>(removeAttachmentMutation, { id: attachment.id }, alice);
    expect(removed.data!.removeAttachment).toMatchObject({ id: attachment.id, version: 2 });
    expect(await outboxTypes(attachment.id)).toEqual(['AttachmentAdded', 'AttachmentRemoved']);
    expect((await fetch(attachment.url)).status).toBe(404);
    expect((await fetch(attachment.thumbnailUrl!)).status).toBe(404);
    const queued = await media.subgraph.pool.query('SELECT 1 FROM media_object_deletions');
    expect(queued.rowCount).toBe(0);
    expect(codeOf(await media.post(removeAttachmentMutation, { id: attachment.id }, alice))).toBe('NOT_FOUND');
  });
});
