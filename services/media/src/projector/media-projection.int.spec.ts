import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { embeddedProjection, type EmbeddedProjection } from '@mindflow/event-log/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentKey, thumbnailKey, uploadKey } from '../domain/object-keys.js';
import { mediaProjection, startMediaProjector, type RunningMediaProjector } from './media-projector.js';

// The media projection on the embedded event log over real Postgres and the real disk object store: targets in,
// deleted targets' attachments out (rows, AttachmentRemoved in the media outbox, objects deleted by the sweeper).

let projection: EmbeddedProjection<RunningMediaProjector>;
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'mindflow-media-projection-'));
  projection = await embeddedProjection('media_projection', {
    projection: mediaProjection,
    start: (config, { log, metrics }) =>
      startMediaProjector(
        { MINDFLOW_MODE: 'embedded', WRITE_DATABASE_URL: config.WRITE_DATABASE_URL, MEDIA_DATABASE_URL: config.READ_DATABASE_URL, OBJECT_STORE_DIR: directory, OBJECT_STORE_SIGNING_KEY: 'media-projection-test-key' },
        { log, metrics, startSweeper: false },
      ),
  });
});
afterAll(async () => {
  await projection?.close();
  await rm(directory, { recursive: true, force: true });
});

const versions = new Map<string, number>();
const fact = (event: AnyEvent, userId: string): AnyEvent => {
  const version = (versions.get(event.aggregateId) ?? 0) + 1;
  versions.set(event.aggregateId, version);
  return { ...event, eventId: randomUUID(), aggregateVersion: version, userId, occurredAt: '2030-03-01T00:00:00.000Z' };
};
const journalCreated = (journalId: string, userId: string) => fact(sampleEvent('JournalCreated', { payload: { ...samplePayloads.JournalCreated, journalId } }), userId);
const entryCreated = (entryId: string, journalId: string, userId: string) =>
  fact(sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, entryId, journalId } }), userId);
const thoughtCaptured = (thoughtId: string, userId: string) => fact(sampleEvent('ThoughtCaptured', { payload: { ...samplePayloads.ThoughtCaptured, thoughtId } }), userId);

/** An attachment as attachFile leaves it: its row and its two objects. */
async function attach(ownerId: string, targetId: string, targetType: 'Entry' | 'Thought', journalId: string | null): Promise<string> {
  const id = randomUUID();
  await projection.read.query(
    `INSERT INTO media_attachments (attachment_id, owner_id, target_type, target_id, journal_id, file_name, content_type, size, object_key, thumbnail_key, created_at)
     VALUES ($1, $2, $3, $4, $5, 'f.jpg', 'image/jpeg', 3, $6, $7, now())`,
    [id, ownerId, targetType, targetId, journalId, attachmentKey(ownerId, id), thumbnailKey(ownerId, id)],
  );
  await store().put(attachmentKey(ownerId, id), Buffer.from('abc'), { contentType: 'image/jpeg' });
  await store().put(thumbnailKey(ownerId, id), Buffer.from('t'), { contentType: 'image/webp' });
  return id;
}
const store = () => projection.projector().objects;
const removedEvents = async (attachmentId: string) =>
  (await projection.read.query<{ t: string; v: number; reason: string }>(
    "SELECT event_type AS t, aggregate_version AS v, payload->>'reason' AS reason FROM outbox WHERE aggregate_id = $1", [attachmentId])).rows;
const attachmentIds = async (ownerId: string) =>
  (await projection.read.query<{ id: string }>('SELECT attachment_id AS id FROM media_attachments WHERE owner_id = $1 ORDER BY attachment_id', [ownerId])).rows.map((r) => r.id).sort();

describe('the media projection', () => {
  const alice = randomUUID();
  const journal = randomUUID();
  const otherJournal = randomUUID();
  const [entry, keptEntry, journalEntry, thought] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  it('learns every entry and thought with its owner and journal', async () => {
    await projection.append([journalCreated(journal, alice), journalCreated(otherJournal, alice), entryCreated(entry, journal, alice),
      entryCreated(keptEntry, journal, alice), entryCreated(journalEntry, otherJournal, alice), thoughtCaptured(thought, alice)]);
    await projection.caughtUp();
    const { rows } = await projection.read.query('SELECT target_id AS id, target_type AS type, owner_id AS owner, journal_id AS journal, deleted_at AS deleted FROM media_targets WHERE owner_id = $1 ORDER BY target_type, target_id', [alice]);
    expect(rows).toEqual(expect.arrayContaining([
      { id: entry, type: 'Entry', owner: alice, journal, deleted: null },
      { id: journalEntry, type: 'Entry', owner: alice, journal: otherJournal, deleted: null },
      { id: thought, type: 'Thought', owner: alice, journal: null, deleted: null },
    ]));
    expect(rows).toHaveLength(4);
  });

  it('deleting an entry, a thought or a journal removes their attachments, records AttachmentRemoved and deletes the objects', async () => {
    const onEntry = await attach(alice, entry, 'Entry', journal);
    const kept = await attach(alice, keptEntry, 'Entry', journal);
    const onThought = await attach(alice, thought, 'Thought', null);
    const inJournal = await attach(alice, journalEntry, 'Entry', otherJournal);

    await projection.append([
      fact(sampleEvent('JournalEntryDeleted', { payload: { entryId: entry, journalId: journal, deletedAt: '2030-03-01T00:00:00.000Z' } }), alice),
      fact(sampleEvent('ThoughtDeleted', { payload: { thoughtId: thought, deletedAt: '2030-03-01T00:00:00.000Z' } }), alice),
      fact(sampleEvent('JournalDeleted', { payload: { journalId: otherJournal, deletedAt: '2030-03-01T00:00:00.000Z' } }), alice),
    ]);
    await projection.caughtUp();
    expect(await attachmentIds(alice)).toEqual([kept]);
    for (const id of [onEntry, onThought, inJournal]) expect(await removedEvents(id)).toEqual([{ t: 'AttachmentRemoved', v: 2, reason: 'TARGET_DELETED' }]);
    const deleted = await projection.read.query("SELECT target_id FROM media_targets WHERE deleted_at IS NOT NULL AND owner_id = $1", [alice]);
    expect(deleted.rowCount).toBe(3);

    // Queued, then really deleted by the sweeper; the kept attachment's objects stay.
    expect(await store().head(attachmentKey(alice, onEntry))).not.toBeNull();
    const report = await projection.projector().sweeper.runOnce();
    expect(report.deletedObjects).toBe(6);
    for (const id of [onEntry, onThought, inJournal]) {
      expect(await store().head(attachmentKey(alice, id))).toBeNull();
      expect(await store().head(thumbnailKey(alice, id))).toBeNull();
    }
    expect(await store().head(attachmentKey(alice, kept))).not.toBeNull();
  });

  it('applies nothing twice on redelivery', async () => {
    expect(await projection.redeliverEverything()).toBe(0);
    await projection.caughtUp();
    expect(await attachmentIds(alice)).toHaveLength(1);
  });

  it('expires uploads never attached: the sweeper deletes the object and the row', async () => {
    const uploadId = randomUUID();
    const key = uploadKey(alice, uploadId);
    await store().put(key, Buffer.from('never attached'), { contentType: 'image/jpeg' });
    await projection.read.query(
      `INSERT INTO media_uploads (upload_id, owner_id, file_name, declared_type, declared_size, object_key, created_at, expires_at)
       VALUES ($1, $2, 'x.jpg', 'image/jpeg', 14, $3, now() - interval '2 days', now() - interval '1 day')`,
      [uploadId, alice, key],
    );
    const report = await projection.projector().sweeper.runOnce();
    expect(report).toEqual({ expiredUploads: 1, deletedObjects: 1, orphanedUploads: 0, expiredExports: 0 });
    expect(await store().head(key)).toBeNull();
    expect((await projection.read.query('SELECT 1 FROM media_uploads WHERE upload_id = $1', [uploadId])).rowCount).toBe(0);
  });
});
