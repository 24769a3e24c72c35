// Attachments through the gateway, in both ways to run (embedded: the disk store served by the media subgraph;
// distributed: S3Proxy): a photo goes by signed URL straight to object storage, attachFile checks and processes it
// (EXIF GPS gone, oriented, thumbnail), Entry.attachments / Thought.attachments hand out signed GET URLs, and a
// removed attachment or a deleted entry takes its objects with it. Another user sees and touches none of it.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../system/index.js';
import type { GatewayClient } from './gateway-client.js';
import { attachFile, removeAttachment, samplePhoto as photo, uploadFile, type Attachment } from './attachment-operations.js';
import * as op from './mutation-operations.js';
import { startE2eSystem, type E2eSystem } from './test/e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];
const entryAttachments = 'query ($id: ID!) { entry(id: $id) { id attachments { id fileName contentType url thumbnailUrl width height } } }';
const thoughtAttachments = 'query { thoughts(first: 5) { edges { node { id attachments { id contentType durationSeconds url } } } } }';

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(modes)('attachments through the gateway (%s mode)', (mode) => {
  let e2e: E2eSystem;
  let alice: GatewayClient;
  let bob: GatewayClient;
  let journalId: string;

  beforeAll(async () => {
    e2e = await startE2eSystem(mode, 'e2e-attachments', { extraEnv: { MEDIA_SWEEP_INTERVAL_MS: '300' } });
    [alice, bob] = await Promise.all([e2e.newUser(), e2e.newUser()]);
    journalId = (await alice.data<{ createJournal: { journal: { id: string } } }>(op.createJournal, { input: { name: 'Days' } })).createJournal.journal.id;
  });
  afterAll(async () => e2e?.stop());

  const newEntry = async () => (await alice.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, { input: { journalId, content: 'By the harbour' } })).createEntry.entry.id;

  it('attaches a photo to an entry stripped of its metadata, oriented, with a thumbnail; Bob sees nothing and cannot remove it', async () => {
    const entryId = await newEntry();
    const ticket = await uploadFile(alice, 'harbour.jpg', 'image/jpeg', await photo());
    // Right after createEntry: attachFile waits for the media projector to know the entry.
    const { attachFile: attached } = await alice.data<{ attachFile: { attachment: Attachment } }>(attachFile, { uploadId: ticket.uploadId, to: { entryId } });
    expect(attached.attachment).toMatchObject({ fileName: 'harbour.jpg', contentType: 'image/jpeg', width: 32, height: 64 });

    const { entry } = await alice.data<{ entry: { attachments: Attachment[] } }>(entryAttachments, { id: entryId });
    expect(entry.attachments.map((a) => a.id)).toEqual([attached.attachment.id]);
    const stored = Buffer.from(await (await fetch(entry.attachments[0]!.url)).arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect([meta.exif, meta.orientation, meta.width, meta.height]).toEqual([undefined, undefined, 32, 64]);
    expect(stored.includes(Buffer.from('SpyCam'))).toBe(false);
    const thumbnail = await fetch(entry.attachments[0]!.thumbnailUrl!);
    expect([thumbnail.status, (await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).format]).toEqual([200, 'webp']);

    expect((await bob.data<{ entry: unknown }>(entryAttachments, { id: entryId })).entry).toBeNull();
    expect((await bob.request(removeAttachment, { id: attached.attachment.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('attaches a voice note to a thought and removes it, deleting its object', async () => {
    const { captureThought } = await alice.data<{ captureThought: { thought: { id: string } } }>(op.captureThought, { text: 'Walk' });
    // One second of silent MP3 (MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz).
    const frame = Buffer.alloc(417);
    frame.set([0xff, 0xfb, 0x90, 0x00]);
    const mp3 = Buffer.concat(Array.from({ length: 38 }, () => frame));
    const ticket = await uploadFile(alice, 'walk.mp3', 'audio/mpeg', mp3);
    const { attachFile: attached } = await alice.data<{ attachFile: { attachment: Attachment } }>(attachFile, { uploadId: ticket.uploadId, to: { thoughtId: captureThought.thought.id } });
    expect(attached.attachment.contentType).toBe('audio/mpeg');
    expect(attached.attachment.durationSeconds).toBeCloseTo(1, 0);
    const { thoughts } = await alice.data<{ thoughts: { edges: { node: { id: string; attachments: Attachment[] } }[] } }>(thoughtAttachments, {}, {});
    const listed = thoughts.edges.find((e) => e.node.id === captureThought.thought.id);
    // The thought may not be in the read model yet; its attachments are the media subgraph's and are there at once.
    if (listed) expect(listed.node.attachments.map((a) => a.id)).toEqual([attached.attachment.id]);

    const { removeAttachment: removed } = await alice.data<{ removeAttachment: { id: string; version: number } }>(removeAttachment, { id: attached.attachment.id });
    expect(removed).toMatchObject({ id: attached.attachment.id, version: 2 });
    expect((await fetch(attached.attachment.url)).status).toBe(404);
  });

  it('deleting the entry deletes its attachments’ objects for real', async () => {
    const entryId = await newEntry();
    const ticket = await uploadFile(alice, 'ticket.jpg', 'image/jpeg', await photo());
    const { attachFile: attached } = await alice.data<{ attachFile: { attachment: Attachment } }>(attachFile, { uploadId: ticket.uploadId, to: { entryId } });
    expect((await fetch(attached.attachment.url)).status).toBe(200);
    await alice.data(op.deleteEntry, { id: entryId });
    await until(async () => (await fetch(attached.attachment.url)).status === 404, 'the photo was not deleted from storage');
    await until(async () => (await fetch(attached.attachment.thumbnailUrl!)).status === 404, 'the thumbnail was not deleted from storage');
  });
});
