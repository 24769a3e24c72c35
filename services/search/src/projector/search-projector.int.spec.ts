import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../test/documents.js';
import { searchProjection, type SearchProjection } from './test/embedded-search-projection.js';

const at = (minute: number) => `2030-05-02T08:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(['postgres', 'elasticsearch'] as const)('search projector into %s', (indexKind) => {
  let projection: SearchProjection;
  beforeAll(async () => {
    projection = await searchProjection(`search_projector_${indexKind}`, indexKind);
  });
  afterAll(async () => projection?.close());

  const owner = randomUUID();
  const fact = <E extends AnyEvent>(event: E, version: number, user = owner): E => ({ ...event, eventId: randomUUID(), aggregateVersion: version, userId: user });
  const search = async (text: string, request = {}) => (await projection.projector().index.search(query(owner, text, request))).hits.map((h) => h.id);
  const journalId = randomUUID();
  const entryId = randomUUID();
  const thoughtId = randomUUID();
  const taskId = randomUUID();
  const entryState = { journalId, title: 'Lighthouse visit', content: 'We climbed the lighthouse stairs', mood: null, tags: ['travel'], wordCount: 5, weather: null, location: null };

  it('indexes entries, thoughts and tasks as their events arrive', async () => {
    await projection.append([
      fact(sampleEvent('JournalCreated', { payload: { journalId, name: 'Trips', description: null, color: null, icon: null, isPrivate: false, createdAt: at(0) } }), 1),
      fact(sampleEvent('JournalEntryCreated', { payload: { entryId, ...entryState, createdAt: at(1) } }), 1),
      fact(sampleEvent('JournalEntryUpdated', { payload: { entryId, ...entryState, content: 'We climbed the lighthouse stairs at dawn', changedFields: ['content'], updatedAt: at(2) } }), 2),
      fact(sampleEvent('MoodRecorded', { payload: { entryId, mood: 'GRATEFUL', recordedAt: at(3) } }), 3),
      fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId, text: 'Lighthouse keepers keep odd hours', tags: ['idea'], capturedAt: at(4) } }), 1),
      fact(sampleEvent('TaskCreated', { payload: { taskId, title: 'Book lighthouse tour', description: null, date: '2030-05-10', dueTime: null, priority: 'HIGH', category: 'travel', recurrence: null, remindAt: null, reminderMinutesBefore: null, createdAt: at(5) } }), 1),
      fact(sampleEvent('TaskCompleted', { payload: { taskId, occurrence: null, completedAt: at(6) } }), 2),
    ]);
    await projection.caughtUp();
    expect((await search('lighthouse')).sort()).toEqual([entryId, thoughtId, taskId].sort());
    expect(await search('dawn')).toEqual([entryId]);
    expect(await search('lighthouse', { mood: 'GRATEFUL' })).toEqual([entryId]);
    expect(await search('lighthouse', { kinds: ['task'] })).toEqual([taskId]);
    const task = await projection.projector().index.get(taskId);
    expect(task).toMatchObject({ kind: 'task', version: 2, completed: true, day: '2030-05-10', tags: ['travel'] });
    expect(await projection.projector().index.get(entryId)).toMatchObject({ version: 3, mood: 'GRATEFUL', day: '2030-05-02' });
  });

  it('applies every event once: the whole log delivered again changes nothing', async () => {
    const before = await Promise.all([entryId, thoughtId, taskId].map((id) => projection.projector().index.get(id)));
    expect(await projection.redeliverEverything()).toBe(0);
    await projection.projector().index.refresh();
    expect(await Promise.all([entryId, thoughtId, taskId].map((id) => projection.projector().index.get(id)))).toEqual(before);
  });

  it('honours deletions of thoughts and tasks', async () => {
    await projection.append([
      fact(sampleEvent('ThoughtDeleted', { payload: { thoughtId, deletedAt: at(7) } }), 2),
      fact(sampleEvent('TaskDeleted', { payload: { taskId, deletedAt: at(8) } }), 3),
    ]);
    await projection.caughtUp();
    expect(await search('lighthouse')).toEqual([entryId]);
  });

  it('hides the entries of a deleted journal, also those whose earlier events arrive after the deletion', async () => {
    const lateEntry = randomUUID();
    await projection.append([fact(sampleEvent('JournalDeleted', { payload: { journalId, deletedAt: at(9) } }), 2)]);
    await projection.caughtUp();
    expect(await search('lighthouse')).toEqual([]);
    // An entry of that journal written before the deletion, projected after it (another stream).
    await projection.append([fact(sampleEvent('JournalEntryCreated', { payload: { entryId: lateEntry, ...entryState, content: 'lighthouse postcard', createdAt: at(8) } }), 1)]);
    await projection.caughtUp();
    expect(await search('postcard')).toEqual([]);
    expect((await projection.projector().index.get(lateEntry))?.deleted).toBe(true);
  });

  it('keeps another user’s documents out of the owner’s results', async () => {
    const stranger = randomUUID();
    const theirs = randomUUID();
    await projection.append([fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId: theirs, text: 'zephyr lighthouse', tags: [], capturedAt: at(10) } }), 1, stranger)]);
    await projection.caughtUp();
    expect(await search('zephyr')).toEqual([]);
    const index = projection.projector().index;
    expect((await index.search(query(stranger, 'zephyr'))).hits.map((h) => h.id)).toEqual([theirs]);
  });

  // Last: it rewrites the log and forgets bookkeeping, after which `caughtUp` no longer adds up.
  it('never brings a deleted document back: its old events replayed after the deletion, past what used to be the window, are refused', async () => {
    await projection.outliveDeleteRetention();
    // Their creations come again, without the deletions after them: only the index's tombstones can refuse them.
    await projection.replayOlderEvents([thoughtId, taskId], 1);
    const index = projection.projector().index;
    await index.refresh();
    expect(await search('keepers')).toEqual([]);
    expect(await search('tour')).toEqual([]);
    expect(await index.get(thoughtId)).toMatchObject({ deleted: true, version: 2, body: '' });
    expect(await index.get(taskId)).toMatchObject({ deleted: true, version: 3 });
  });
});
