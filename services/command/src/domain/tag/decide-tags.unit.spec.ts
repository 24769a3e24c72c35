import { describe, expect, it } from 'vitest';
import { testContext } from '../../test/decider-specification.js';
import { decideTags, tagsPutOn } from './decide-tags.js';

const ownerId = '00000000-0000-4000-8000-000000000001';
const [firstId, secondId] = testContext.ids as [string, string];

describe('TagCreated', () => {
  it('is decided for each tag the owner uses for the first time, in order, with fresh ids', () =>
    expect(decideTags({ ownerId, used: ['sea', 'walk'], known: new Set() }, testContext)).toEqual([
      { type: 'TagCreated', data: { tagId: firstId, ownerId, tag: 'sea', createdAt: testContext.now } },
      { type: 'TagCreated', data: { tagId: secondId, ownerId, tag: 'walk', createdAt: testContext.now } },
    ]));

  it('is not decided for a tag the owner used before, nor twice for one tag', () => {
    expect(decideTags({ ownerId, used: ['sea', 'walk', 'walk'], known: new Set(['sea']) }, testContext)).toEqual([
      { type: 'TagCreated', data: { tagId: firstId, ownerId, tag: 'walk', createdAt: testContext.now } },
    ]);
    expect(decideTags({ ownerId, used: ['sea'], known: new Set(['sea']) }, testContext)).toEqual([]);
    expect(decideTags({ ownerId, used: [], known: new Set() }, testContext)).toEqual([]);
  });
});

describe('the tags a fact puts on an entry or a thought', () => {
  const entry = { entryId: firstId, journalId: secondId, title: null, content: 'x', mood: null, weather: null, location: null, wordCount: 1 };

  it('are all its tags on creation', () => {
    expect(tagsPutOn({ type: 'JournalEntryCreated', data: { ...entry, ownerId, tags: ['sea'], createdAt: testContext.now } })).toEqual(['sea']);
    expect(tagsPutOn({ type: 'ThoughtCaptured', data: { thoughtId: firstId, ownerId, text: 'x', tags: ['home'], capturedAt: testContext.now } })).toEqual(['home']);
  });

  it('are its tags on an update that changed them, none on one that did not', () => {
    const updated = { ...entry, tags: ['sea'], updatedAt: testContext.now };
    expect(tagsPutOn({ type: 'JournalEntryUpdated', data: { ...updated, changedFields: ['content', 'tags'] } })).toEqual(['sea']);
    expect(tagsPutOn({ type: 'JournalEntryUpdated', data: { ...updated, changedFields: ['content'] } })).toEqual([]);
    const thought = { thoughtId: firstId, text: 'x', tags: ['home'], updatedAt: testContext.now };
    expect(tagsPutOn({ type: 'ThoughtUpdated', data: { ...thought, changedFields: ['tags'] } })).toEqual(['home']);
    expect(tagsPutOn({ type: 'ThoughtUpdated', data: { ...thought, changedFields: ['text'] } })).toEqual([]);
  });

  it('are none on a mood or a deletion', () => {
    expect(tagsPutOn({ type: 'MoodRecorded', data: { entryId: firstId, mood: 'CALM', recordedAt: testContext.now } })).toEqual([]);
    expect(tagsPutOn({ type: 'ThoughtDeleted', data: { thoughtId: firstId, deletedAt: testContext.now } })).toEqual([]);
  });
});
