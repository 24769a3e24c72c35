// Issue 15, security: attachments attacked through the gateway and at the signed URLs it hands out, as an attacker
// would — a script or an HTML page posing as an image, an upload larger than allowed or than declared, a signed URL
// used for another object or after it expired. Another user's upload, target or attachment is cross-user's
// (cross-user/mutation-cases.ts: attachFile, removeAttachment; query-cases.ts: entry attachments).
import { htmlPosingAsImage, scriptPosingAsImage } from '@mindflow/media-service/testing';
import type { ObjectStore } from '@mindflow/object-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attach, attachFile, requestUpload, samplePhoto, sendUpload, uploadFile, type Attachment, type UploadTicket } from '../e2e/attachment-operations.js';
import type { GatewayClient, GraphQLResponse } from '../e2e/gateway-client.js';
import * as op from '../e2e/mutation-operations.js';
import { systemObjectStore } from '../system/index.js';
import { startSecuritySystem, type SecuritySystem, type SignedInUser } from './test/security-system.js';

const maxUploadBytes = 64 * 1024;
/** Both URL lifetimes at the configuration's minimum: the expiry case waits them out once, at the end. */
const urlSeconds = 10;

const ticketFor = async (client: GatewayClient, fileName: string, contentType: string, size: number) =>
  (await client.data<{ requestUpload: UploadTicket & { expiresAt: string } }>(requestUpload, { input: { fileName, contentType, size } })).requestUpload;
const refusal = (answer: GraphQLResponse<unknown>) => [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.extensions?.field];
/** `url` with its path (the object) replaced by `other`'s, its signature kept. */
const pointedAt = (url: string, other: string) => {
  const moved = new URL(url);
  moved.pathname = new URL(other).pathname;
  expect(moved.toString()).not.toBe(url);
  return moved.toString();
};
const status = async (url: string) => {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status;
};

describe('attachments attacked through the gateway', () => {
  let sys: SecuritySystem;
  let objects: ObjectStore;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let entryId: string;
  let photo: Buffer;
  /** Alice's attachment and the moment its URLs were signed; her upload whose URL was used once. */
  let hers: Attachment;
  let hersSignedAt: number;
  let usedOnce: UploadTicket & { expiresAt: string };

  /** Keys of every stored object (through the object-storage port). */
  const storedKeys = async () => {
    const keys: string[] = [];
    for await (const object of objects.list('')) keys.push(object.key);
    return keys;
  };

  beforeAll(async () => {
    sys = await startSecuritySystem('security-attachments', {
      MEDIA_MAX_UPLOAD_BYTES: String(maxUploadBytes), MEDIA_UPLOAD_URL_SECONDS: String(urlSeconds), MEDIA_DOWNLOAD_URL_SECONDS: String(urlSeconds),
    });
    objects = systemObjectStore(sys.system);
    [alice, bob, photo] = await Promise.all([sys.register('alice'), sys.register('bob'), samplePhoto()]);
    const { createJournal } = await alice.client.data<{ createJournal: { journal: { id: string } } }>(op.createJournal, { input: { name: 'Days' } });
    entryId = (await alice.client.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, { input: { journalId: createJournal.journal.id, content: 'By the harbour' } })).createEntry.entry.id;
    // Signed now, judged by the last case once both lifetimes are over.
    hersSignedAt = Date.now();
    [hers, usedOnce] = await Promise.all([
      attach(alice.client, { entryId }, 'harbour.jpg', 'image/jpeg', photo),
      ticketFor(alice.client, 'again.jpg', 'image/jpeg', photo.length),
    ]);
    expect(await sendUpload(usedOnce, photo)).toBe(200);
    expect([await status(hers.url), await status(hers.thumbnailUrl!)]).toEqual([200, 200]);
  });
  afterAll(async () => sys?.stop());

  it.each([
    ['an HTML page with a script', 'cat.jpg', 'image/jpeg', htmlPosingAsImage],
    ['a shell script', 'cat.png', 'image/png', scriptPosingAsImage],
  ])('refuses %s posing as an image, from its bytes, and deletes what was uploaded', async (_what, fileName, contentType, bytes) => {
    const before = await storedKeys();
    const ticket = await uploadFile(alice.client, fileName, contentType, bytes);
    expect((await storedKeys()).filter((key) => key.includes(ticket.uploadId))).toHaveLength(1);
    const answer = await alice.client.request(attachFile, { uploadId: ticket.uploadId, to: { entryId } });
    expect(refusal(answer)).toEqual(['BAD_USER_INPUT', 'uploadId']);
    expect(answer.errors?.[0]?.message).toMatch(new RegExp(`not an accepted type .*though it was declared ${contentType.replace('/', '\\/')}`));
    // Nothing of it is kept: neither the upload nor a processed copy.
    expect((await storedKeys()).sort()).toEqual(before.sort());
  });

  it('refuses an oversized upload when it is asked for, and bytes beyond the declared size or the limit at the signed URL', async () => {
    const tooLarge = await alice.client.request(requestUpload, { input: { fileName: 'big.jpg', contentType: 'image/jpeg', size: maxUploadBytes + 1 } });
    expect(refusal(tooLarge)).toEqual(['PAYLOAD_TOO_LARGE', 'size']);
    expect(tooLarge.errors?.[0]?.message).toContain(String(maxUploadBytes));

    const small = await ticketFor(alice.client, 'small.jpg', 'image/jpeg', 100);
    expect(await sendUpload(small, photo)).toBe(413); // the photo is larger than the 100 bytes declared
    const atLimit = await ticketFor(alice.client, 'limit.jpg', 'image/jpeg', maxUploadBytes);
    expect(await sendUpload(atLimit, Buffer.concat([photo, Buffer.alloc(maxUploadBytes + 1 - photo.length)]))).toBe(413);
    for (const ticket of [small, atLimit]) {
      expect(refusal(await alice.client.request(attachFile, { uploadId: ticket.uploadId, to: { entryId } }))).toEqual(['BAD_USER_INPUT', 'uploadId']);
    }
    expect((await storedKeys()).filter((key) => key.includes(small.uploadId) || key.includes(atLimit.uploadId))).toEqual([]);
  });

  it('refuses a signed URL used for another object: upload and download URLs, another user’s object or another of one’s own', async () => {
    // Bob's upload URL aimed at Alice's pending upload: nothing written there; her own URL still takes her bytes.
    const [alicesPending, bobs] = await Promise.all([
      ticketFor(alice.client, 'pending.jpg', 'image/jpeg', photo.length),
      ticketFor(bob.client, 'bob.jpg', 'image/jpeg', photo.length),
    ]);
    expect(await sendUpload({ ...bobs, url: pointedAt(bobs.url, alicesPending.url) }, photo)).toBe(403);
    expect((await storedKeys()).filter((key) => key.includes(alicesPending.uploadId))).toEqual([]);
    expect(await status(bobs.url)).toBe(403); // an upload URL does not read
    expect(await sendUpload(alicesPending, photo)).toBe(200);

    // Bob's download URL aimed at Alice's photo and thumbnail; her thumbnail's URL aimed at her original.
    const bobsAttachment = await attach(bob.client, { entryId: (await bobsEntry(bob.client)) }, 'bob.jpg', 'image/jpeg', photo);
    expect(await status(pointedAt(bobsAttachment.url, hers.url))).toBe(403);
    expect(await status(pointedAt(bobsAttachment.thumbnailUrl!, hers.thumbnailUrl!))).toBe(403);
    expect(await status(pointedAt(hers.thumbnailUrl!, hers.url))).toBe(403);
    expect([await status(hers.url), await status(bobsAttachment.url)]).toEqual([200, 200]);
  });

  it('refuses signed upload and download URLs once they have expired, while fresh ones still work', async () => {
    const over = Math.max(Date.parse(usedOnce.expiresAt), hersSignedAt + urlSeconds * 1000) + 1_500;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, over - Date.now())));
    expect(await sendUpload(usedOnce, photo)).toBe(403);
    expect([await status(hers.url), await status(hers.thumbnailUrl!)]).toEqual([403, 403]);
    // The objects are there: only the URLs expired. The entry hands out new ones.
    const { entry } = await alice.client.data<{ entry: { attachments: Attachment[] } }>('query ($id: ID!) { entry(id: $id) { attachments { id url thumbnailUrl } } }', { id: entryId });
    const fresh = entry.attachments.find((a) => a.id === hers.id)!;
    expect([await status(fresh.url), await status(fresh.thumbnailUrl!)]).toEqual([200, 200]);
  });
});

async function bobsEntry(bob: GatewayClient): Promise<string> {
  const { createJournal } = await bob.data<{ createJournal: { journal: { id: string } } }>(op.createJournal, { input: { name: 'Bob' } });
  return (await bob.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, { input: { journalId: createJournal.journal.id, content: 'Mine' } })).createEntry.entry.id;
}
