import { describe, it } from 'vitest';
import { deciderSpecification, testContext } from '../../test/decider-specification.js';
import { evolveJournal } from '../journal/evolve-journal.js';
import type { JournalEvent } from '../journal/journal-events.js';
import type { JournalState } from '../journal/journal.js';
import { decideEntry } from './decide-entry.js';
import type { EntryCommand } from './entry-commands.js';
import type { EntryEvent, JournalEntryCreated } from './entry-events.js';
import { evolveEntry } from './evolve-entry.js';

type Fact = JournalEvent | EntryEvent;
const isJournalFact = (fact: Fact): fact is JournalEvent => fact.type.startsWith('Journal') && !fact.type.startsWith('JournalEntry');

/** The entry, its journal (or the first journal created), and any other journal as the move target. */
function stateFrom(facts: readonly Fact[]) {
  const entry = facts.filter((f): f is EntryEvent => !isJournalFact(f)).reduce(evolveEntry, null);
  const journals = new Map<string, JournalState>();
  for (const fact of facts.filter(isJournalFact)) journals.set(fact.data.journalId, evolveJournal(journals.get(fact.data.journalId) ?? null, fact));
  const journalId = entry?.journalId ?? [...journals.keys()][0];
  const journal = (journalId && journals.get(journalId)) || null;
  const targetJournal = [...journals.values()].find((j) => j?.id !== journalId) ?? null;
  return { entry, journal, targetJournal };
}

const spec = deciderSpecification({
  stateFrom,
  decide: (command: EntryCommand, state, context) => decideEntry(command, state, context),
});

const owner = '00000000-0000-4000-8000-000000000001';
const stranger = '00000000-0000-4000-8000-000000000002';
const journalId = '00000000-0000-4000-8000-0000000000b1';
const entryId = testContext.ids[0]!;
const journalCreated: JournalEvent = {
  type: 'JournalCreated',
  data: { journalId, ownerId: owner, name: 'Days', description: null, color: null, icon: null, isPrivate: true, createdAt: '2026-02-01T08:00:00.000Z' },
};
const otherJournalId = '00000000-0000-4000-8000-0000000000b2';
const otherJournal: JournalEvent = { type: 'JournalCreated', data: { ...journalCreated.data, journalId: otherJournalId, name: 'Nights' } };
const strangersJournal: JournalEvent = { type: 'JournalCreated', data: { ...otherJournal.data, ownerId: stranger } };
const create = (over: Record<string, unknown> = {}): EntryCommand => ({
  type: 'CreateEntry',
  data: { journalId, callerId: owner, content: 'Walked to the sea — calm water.', mood: 'CALM', tags: ['#Walk', 'sea', 'walk'], ...over },
});
const entryCreated: JournalEntryCreated = {
  type: 'JournalEntryCreated',
  data: {
    entryId,
    journalId,
    ownerId: owner,
    title: null,
    content: 'Walked to the sea — calm water.',
    mood: 'CALM',
    tags: ['walk', 'sea'],
    weather: null,
    location: null,
    wordCount: 7,
    createdAt: testContext.now,
  },
};

describe('CreateEntry', () => {
  it('creates the entry in the caller’s journal, counting words and normalizing tags', () =>
    spec(journalCreated).when(create()).then(entryCreated));

  it("answers NOT_FOUND for another owner's journal", () =>
    spec(journalCreated).when(create({ callerId: stranger })).thenRefuses({ code: 'NOT_FOUND' }));

  it('answers NOT_FOUND for a deleted journal', () =>
    spec(journalCreated, { type: 'JournalDeleted', data: { journalId, deletedAt: testContext.now } })
      .when(create())
      .thenRefuses({ code: 'NOT_FOUND' }));

  it('answers NOT_FOUND for a journal that never existed', () => spec().when(create()).thenRefuses({ code: 'NOT_FOUND' }));

  it('refuses empty content', () =>
    spec(journalCreated).when(create({ content: ' \n ' })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'content' }));

  it('refuses content over 100 000 characters', () =>
    spec(journalCreated).when(create({ content: 'a'.repeat(100_001) })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'content' }));

  it('refuses an unknown mood', () =>
    spec(journalCreated).when(create({ mood: 'SLEEPY' })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'mood' }));

  it('backdates the entry to the moment given (written later about an earlier day)', () =>
    spec(journalCreated)
      .when(create({ createdAt: '2026-02-27T21:30:00+01:00' }))
      .then({ ...entryCreated, data: { ...entryCreated.data, createdAt: '2026-02-27T20:30:00.000Z' } }));

  it('takes a moment a few minutes ahead (a clock a little fast) as now, and refuses the future or a malformed one', () => {
    spec(journalCreated).when(create({ createdAt: '2026-03-01T09:03:00.000Z' })).then(entryCreated);
    spec(journalCreated).when(create({ createdAt: '2026-03-02T09:00:00.000Z' })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'createdAt' });
    spec(journalCreated).when(create({ createdAt: 'yesterday' })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'createdAt' });
  });

  it('refuses more than 20 tags', () =>
    spec(journalCreated)
      .when(create({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }))
      .thenRefuses({ code: 'BAD_USER_INPUT', field: 'tags' }));
});

describe('UpdateEntry', () => {
  it('records nothing when nothing changes', () =>
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, tags: ['walk', 'sea'] } })
      .then());

  it('records the whole new content with a recomputed word count', () =>
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, content: 'Rain.', mood: null } })
      .then({
        type: 'JournalEntryUpdated',
        data: {
          entryId,
          journalId,
          title: null,
          content: 'Rain.',
          mood: null,
          tags: ['walk', 'sea'],
          weather: null,
          location: null,
          wordCount: 1,
          changedFields: ['content', 'mood'],
          updatedAt: testContext.now,
        },
      }));

  it('redates the entry (an entry dated the wrong day): createdAt in the event and among the changed fields', () => {
    const redated = {
      type: 'JournalEntryUpdated' as const,
      data: {
        entryId, journalId, title: null, content: 'Walked to the sea — calm water.', mood: 'CALM' as const, tags: ['walk', 'sea'],
        weather: null, location: null, wordCount: 7, createdAt: '2026-02-27T11:00:00.000Z', changedFields: ['createdAt' as const],
        updatedAt: testContext.now,
      },
    };
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, createdAt: '2026-02-27T12:00:00+01:00' } })
      .then(redated);
    // the same moment written another way is no change; evolving the redating gives the entry its new date
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, createdAt: '2026-03-01T10:00:00+01:00' } })
      .then();
    spec(journalCreated, entryCreated, redated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 2, createdAt: '2026-02-27T11:00:00Z' } })
      .then();
  });

  it('refuses to redate an entry into the future or to a malformed moment, as on creation', () => {
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, createdAt: '2026-03-02T09:00:00.000Z' } })
      .thenRefuses({ code: 'BAD_USER_INPUT', field: 'createdAt' });
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, createdAt: 'last week' } })
      .thenRefuses({ code: 'BAD_USER_INPUT', field: 'createdAt' });
  });

  it('records MoodRecorded when the mood is the only change', () =>
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, mood: 'GRATEFUL', tags: ['walk', 'sea'] } })
      .then({ type: 'MoodRecorded', data: { entryId, mood: 'GRATEFUL', recordedAt: testContext.now } }));

  it('records MoodRecorded for a mood set on an entry that had none, and counts it in the version', () => {
    const moodless: JournalEntryCreated = { ...entryCreated, data: { ...entryCreated.data, mood: null } };
    spec(journalCreated, moodless)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, mood: 'LOW' } })
      .then({ type: 'MoodRecorded', data: { entryId, mood: 'LOW', recordedAt: testContext.now } });
    spec(journalCreated, moodless, { type: 'MoodRecorded', data: { entryId, mood: 'LOW', recordedAt: testContext.now } })
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 2, mood: 'LOW' } })
      .then();
  });

  it('records a cleared mood, or a mood changed with other fields, as JournalEntryUpdated', () => {
    const { ownerId: _owner, createdAt: _created, ...content } = entryCreated.data;
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, mood: null } })
      .then({ type: 'JournalEntryUpdated', data: { ...content, mood: null, changedFields: ['mood'], updatedAt: testContext.now } });
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, mood: 'LOW', tags: ['rain'] } })
      .then({ type: 'JournalEntryUpdated', data: { ...content, mood: 'LOW', tags: ['rain'], changedFields: ['mood', 'tags'], updatedAt: testContext.now } });
  });

  it('never records MoodRecorded on creation: the mood is part of JournalEntryCreated', () =>
    spec(journalCreated).when(create({ mood: 'GREAT' })).then({ ...entryCreated, data: { ...entryCreated.data, mood: 'GREAT' } }));

  it('refuses a stale expected version, telling the current one', () =>
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 2, content: 'x' } })
      .thenRefuses({ code: 'CONFLICT', currentVersion: 1 }));

  it('moves the entry to another journal of the owner', () => {
    const { ownerId: _owner, createdAt: _created, ...content } = entryCreated.data;
    spec(journalCreated, otherJournal, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, journalId: otherJournalId } })
      .then({
        type: 'JournalEntryUpdated',
        data: { ...content, journalId: otherJournalId, changedFields: ['journalId'], updatedAt: testContext.now },
      });
  });

  it("refuses to move the entry into another owner's journal", () =>
    spec(journalCreated, strangersJournal, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: owner, expectedVersion: 1, journalId: otherJournalId } })
      .thenRefuses({ code: 'NOT_FOUND' }));

  it("answers NOT_FOUND for another owner's entry", () =>
    spec(journalCreated, entryCreated)
      .when({ type: 'UpdateEntry', data: { entryId, callerId: stranger, expectedVersion: 1, content: 'x' } })
      .thenRefuses({ code: 'NOT_FOUND' }));
});

describe('DeleteEntry', () => {
  it('deletes the entry', () =>
    spec(journalCreated, entryCreated)
      .when({ type: 'DeleteEntry', data: { entryId, callerId: owner } })
      .then({ type: 'JournalEntryDeleted', data: { entryId, journalId, deletedAt: testContext.now } }));

  it('answers NOT_FOUND once the journal is deleted', () =>
    spec(journalCreated, entryCreated, { type: 'JournalDeleted', data: { journalId, deletedAt: testContext.now } })
      .when({ type: 'DeleteEntry', data: { entryId, callerId: owner } })
      .thenRefuses({ code: 'NOT_FOUND' }));
});
