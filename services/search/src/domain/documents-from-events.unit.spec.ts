import { sampleEvent } from '@mindflow/events/testing';
import { describe, expect, it } from 'vitest';
import { documentAfter } from './documents-from-events.js';

const owner = '11111111-1111-4111-8111-111111111111';
const entryId = '21111111-1111-4111-8111-111111111111';
const journalId = '31111111-1111-4111-8111-111111111111';
const taskId = '41111111-1111-4111-8111-111111111111';
const entryState = { journalId, title: 'Title', content: 'Body', mood: null, tags: ['a'], wordCount: 1, weather: null, location: null };
const at = <E extends { aggregateVersion: number; userId: string }>(event: E, version: number): E => ({ ...event, aggregateVersion: version, userId: owner });

describe('search documents from events', () => {
  const created = documentAfter(at(sampleEvent('JournalEntryCreated', { payload: { entryId, ...entryState, createdAt: '2030-03-04T05:06:07.000Z' } }), 1), {
    current: undefined, journalDeleted: false,
  })!;

  it('an entry: owner, day of creation, version', () => {
    expect(created).toEqual({
      id: entryId, kind: 'entry', ownerId: owner, journalId, title: 'Title', body: 'Body', tags: ['a'], mood: null, day: '2030-03-04',
      createdAt: '2030-03-04T05:06:07.000Z', version: 1, deleted: false, completed: null,
    });
  });

  it('a mood recorded keeps the rest; a deletion is a tombstone at its version, without the text, from the event alone', () => {
    const mood = documentAfter(at(sampleEvent('MoodRecorded', { payload: { entryId, mood: 'CALM', recordedAt: '2030-03-05T00:00:00.000Z' } }), 2), { current: created, journalDeleted: false });
    expect(mood).toEqual({ ...created, mood: 'CALM', version: 2 });
    const deletion = at(sampleEvent('JournalEntryDeleted', { payload: { entryId, journalId, deletedAt: '2030-03-06T00:00:00.000Z' } }), 3);
    const deleted = documentAfter(deletion, { current: mood, journalDeleted: false });
    expect(deleted).toEqual({
      id: entryId, kind: 'entry', ownerId: owner, journalId, title: null, body: '', tags: [], mood: null, day: '2030-03-06',
      createdAt: '2030-03-06T00:00:00.000Z', version: 3, deleted: true, completed: null,
    });
    expect(documentAfter(deletion, { current: undefined, journalDeleted: false })).toEqual(deleted);
  });

  it('an entry of a deleted journal is hidden, whichever event brings it', () => {
    const updated = documentAfter(
      at(sampleEvent('JournalEntryUpdated', { payload: { entryId, ...entryState, content: 'New', changedFields: ['content'], updatedAt: '2030-03-05T00:00:00.000Z' } }), 2),
      { current: created, journalDeleted: true },
    );
    expect(updated).toMatchObject({ body: 'New', deleted: true, createdAt: created.createdAt, version: 2 });
  });

  it('an entry redated (JournalEntryUpdated V2 with createdAt) moves to its new day; any other update keeps the day', () => {
    const redated = documentAfter(
      at(sampleEvent('JournalEntryUpdated', { payload: { entryId, ...entryState, createdAt: '2030-02-27T12:00:00.000Z', changedFields: ['createdAt'], updatedAt: '2030-03-05T00:00:00.000Z' } }), 2),
      { current: created, journalDeleted: false },
    );
    expect(redated).toMatchObject({ day: '2030-02-27', createdAt: '2030-02-27T12:00:00.000Z', version: 2 });
  });

  it('a task: its date as the day, its category as a tag, completion from partial events', () => {
    const task = documentAfter(
      at(sampleEvent('TaskCreated', { payload: { taskId, title: 'Plan', description: null, date: '2030-07-01', dueTime: null, priority: 'LOW', category: 'home', recurrence: null, remindAt: null, reminderMinutesBefore: null, createdAt: '2030-03-04T00:00:00.000Z' } }), 1),
      { current: undefined, journalDeleted: false },
    )!;
    expect(task).toMatchObject({ kind: 'task', day: '2030-07-01', tags: ['home'], body: '', completed: false });
    const done = documentAfter(at(sampleEvent('TaskCompleted', { payload: { taskId, occurrence: null, completedAt: '2030-03-05T00:00:00.000Z' } }), 2), { current: task, journalDeleted: false });
    expect(done).toEqual({ ...task, completed: true, version: 2 });
    // One occurrence of a recurring task done: the task itself stays open.
    const oneDay = documentAfter(at(sampleEvent('TaskCompleted', { payload: { taskId, occurrence: '2030-07-08', completedAt: '2030-07-08T09:00:00.000Z' } }), 2), { current: task, journalDeleted: false });
    expect(oneDay).toEqual({ ...task, completed: false, version: 2 });
  });
});
