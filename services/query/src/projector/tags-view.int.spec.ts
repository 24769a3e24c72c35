import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryMigrationsDir } from './start-query-projector.js';
import { embeddedProjection, type EmbeddedProjection } from './test/embedded-projection.js';

let projection: EmbeddedProjection;
beforeAll(async () => {
  projection = await embeddedProjection('tags_view');
});
afterAll(async () => projection?.close());

const owner = randomUUID();
const other = randomUUID();
const [journal, doomedJournal, first, second, doomed, thought, othersEntry, othersJournal] = Array.from({ length: 8 }, () => randomUUID()) as [string, string, string, string, string, string, string, string];
const at = (minute: number) => `2030-04-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const versions = new Map<string, number>();
/** The aggregate's next event, by `userId` (owner unless said), versions counted per aggregate. */
const fact = (event: AnyEvent, userId = owner): AnyEvent => {
  const version = (versions.get(event.aggregateId) ?? 0) + 1;
  versions.set(event.aggregateId, version);
  return { ...event, eventId: randomUUID(), aggregateVersion: version, userId };
};
const journalCreated = (journalId: string, userId = owner) =>
  fact(sampleEvent('JournalCreated', { payload: { ...samplePayloads.JournalCreated, journalId, createdAt: at(0) } }), userId);
const entryCreated = (entryId: string, journalId: string, tags: string[], userId = owner) =>
  fact(sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, entryId, journalId, tags, createdAt: at(1) } }), userId);

const tags = async (userId = owner) =>
  (await projection.read.query<{ tag: string; count: number }>('SELECT tag, count FROM tags_view WHERE owner_id = $1 ORDER BY count DESC, tag', [userId])).rows;
const table = async () => (await projection.read.query<{ owner_id: string; tag: string; count: number }>('SELECT * FROM tags_view ORDER BY owner_id, tag')).rows;

describe('tags_view', () => {
  it('counts every tag of the user’s live entries and thoughts, per user', async () => {
    await projection.append([
      journalCreated(journal),
      entryCreated(first, journal, ['garden', 'spring']),
      entryCreated(second, journal, ['garden']),
      fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId: thought, text: 'Seeds', tags: ['garden', 'ideas'], capturedAt: at(2) } })),
      journalCreated(othersJournal, other),
      entryCreated(othersEntry, othersJournal, ['garden'], other),
    ]);
    await projection.caughtUp();
    expect(await tags()).toEqual([{ tag: 'garden', count: 3 }, { tag: 'ideas', count: 1 }, { tag: 'spring', count: 1 }]);
    expect(await tags(other)).toEqual([{ tag: 'garden', count: 1 }]);
  });

  it('follows updates and deletions of entries and thoughts; a tag nobody uses any more goes', async () => {
    await projection.append([
      fact(sampleEvent('JournalEntryUpdated', {
        payload: { ...samplePayloads.JournalEntryUpdated, entryId: first, journalId: journal, tags: ['spring', 'seeds'], changedFields: ['tags'], updatedAt: at(3) },
      })),
      fact(sampleEvent('JournalEntryDeleted', { payload: { entryId: second, journalId: journal, deletedAt: at(4) } })),
      fact(sampleEvent('ThoughtUpdated', { payload: { thoughtId: thought, text: 'Seeds', tags: ['ideas'], changedFields: ['tags'], updatedAt: at(5) } })),
    ]);
    await projection.caughtUp();
    expect(await tags()).toEqual([{ tag: 'ideas', count: 1 }, { tag: 'seeds', count: 1 }, { tag: 'spring', count: 1 }]);
    expect(await tags(other)).toEqual([{ tag: 'garden', count: 1 }]);
  });

  it('drops the entries of a deleted journal, and a deleted thought', async () => {
    await projection.append([journalCreated(doomedJournal), entryCreated(doomed, doomedJournal, ['seeds', 'travel'])]);
    await projection.caughtUp();
    expect(await tags()).toEqual([{ tag: 'seeds', count: 2 }, { tag: 'ideas', count: 1 }, { tag: 'spring', count: 1 }, { tag: 'travel', count: 1 }]);
    await projection.append([
      fact(sampleEvent('JournalDeleted', { payload: { journalId: doomedJournal, deletedAt: at(6) } })),
      fact(sampleEvent('ThoughtDeleted', { payload: { thoughtId: thought, deletedAt: at(7) } })),
    ]);
    await projection.caughtUp();
    expect(await tags()).toEqual([{ tag: 'seeds', count: 1 }, { tag: 'spring', count: 1 }]);
  });

  it('applies every event once: the whole log delivered again changes nothing', async () => {
    const before = await table();
    expect(await projection.redeliverEverything()).toBe(0);
    expect(await table()).toEqual(before);
  });

  it('replays to the same table: over its own rows, and from empty tables', async () => {
    const before = await table();
    const forgetVersions = async () => void (await projection.read.query("DELETE FROM projection_versions WHERE projection = 'query'"));
    await projection.restart(forgetVersions);
    await projection.caughtUp();
    expect(await table()).toEqual(before);
    await projection.restart(async () => {
      await forgetVersions();
      await projection.read.query('TRUNCATE tags_view, tag_uses');
    });
    await projection.caughtUp();
    expect(await table()).toEqual(before);
  });

  it('counts the items projected before it existed once its backfill migration runs (0009)', async () => {
    const before = await table();
    await projection.read.query('TRUNCATE tags_view, tag_uses'); // a read DB whose views predate tags_view
    await projection.read.query(await readFile(join(queryMigrationsDir, '0009-tags-view-backfill.sql'), 'utf8'));
    expect(await table()).toEqual(before);
    expect(await tags()).not.toEqual([]);
  });
});
