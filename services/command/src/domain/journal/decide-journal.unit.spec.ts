import { describe, it } from 'vitest';
import { deciderSpecification, testContext } from '../../test/decider-specification.js';
import { decideJournal } from './decide-journal.js';
import { evolveJournal } from './evolve-journal.js';
import type { JournalEvent } from './journal-events.js';
import type { JournalCommand } from './journal-commands.js';

const spec = deciderSpecification({
  stateFrom: (facts: readonly JournalEvent[]) => facts.reduce(evolveJournal, null),
  decide: (command: JournalCommand, state, context) => decideJournal(command, state, context),
});

const owner = '00000000-0000-4000-8000-000000000001';
const stranger = '00000000-0000-4000-8000-000000000002';
const journalId = testContext.ids[0]!;
const created: JournalEvent = {
  type: 'JournalCreated',
  data: {
    journalId,
    ownerId: owner,
    name: 'Morning pages',
    description: null,
    color: null,
    icon: null,
    isPrivate: true,
    createdAt: '2026-02-01T08:00:00.000Z',
  },
};
const createCommand = (over: Partial<Extract<JournalCommand, { type: 'CreateJournal' }>['data']> = {}): JournalCommand => ({
  type: 'CreateJournal',
  data: { ownerId: owner, name: '  Morning pages ', plan: 'free', ownerLiveJournals: 0, ...over },
});

describe('CreateJournal', () => {
  it('creates a journal with the trimmed name, the fresh id and the current time', () =>
    spec().when(createCommand({ isPrivate: true })).then({ ...created, data: { ...created.data, createdAt: testContext.now } }));

  it('normalizes the colour and keeps the optional fields', () =>
    spec()
      .when(createCommand({ color: '#A1B2C3', icon: 'sun', description: 'daily', isPrivate: false }))
      .then({
        type: 'JournalCreated',
        data: { ...created.data, color: '#a1b2c3', icon: 'sun', description: 'daily', isPrivate: false, createdAt: testContext.now },
      }));

  it('refuses an empty name, naming the field', () =>
    spec().when(createCommand({ name: '   ' })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'name' }));

  it('refuses a name over 100 characters', () =>
    spec().when(createCommand({ name: 'x'.repeat(101) })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'name' }));

  it('refuses a colour that is not #RRGGBB', () =>
    spec().when(createCommand({ color: 'red' })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'color' }));

  it('refuses a sixth journal on the free plan', () =>
    spec().when(createCommand({ ownerLiveJournals: 5 })).thenRefuses({ code: 'FORBIDDEN', reason: 'PLAN_LIMIT' }));

  it('allows a sixth journal on the premium plan', () =>
    spec()
      .when(createCommand({ ownerLiveJournals: 5, plan: 'premium', isPrivate: true }))
      .then({ ...created, data: { ...created.data, createdAt: testContext.now } }));
});

describe('UpdateJournal', () => {
  const update = (over: Record<string, unknown> = {}): JournalCommand => ({
    type: 'UpdateJournal',
    data: { journalId, callerId: owner, expectedVersion: 1, name: 'Evening pages', ...over },
  });

  it('records the whole new state of the editable fields', () =>
    spec(created)
      .when(update({ description: 'dusk' }))
      .then({
        type: 'JournalUpdated',
        data: {
          journalId,
          name: 'Evening pages',
          description: 'dusk',
          color: null,
          icon: null,
          isPrivate: true,
          changedFields: ['name', 'description'],
          updatedAt: testContext.now,
        },
      }));

  it('records nothing when nothing changes', () => spec(created).when(update({ name: 'Morning pages' })).then());

  it('refuses a stale expected version, telling the current one', () =>
    spec(created, { type: 'JournalUpdated', data: { ...created.data, changedFields: ['name'], updatedAt: testContext.now } })
      .when(update({ expectedVersion: 1 }))
      .thenRefuses({ code: 'CONFLICT', currentVersion: 2 }));

  it("answers NOT_FOUND for another owner's journal", () =>
    spec(created).when(update({ callerId: stranger })).thenRefuses({ code: 'NOT_FOUND' }));

  it('answers NOT_FOUND for a journal that never existed', () => spec().when(update()).thenRefuses({ code: 'NOT_FOUND' }));
});

describe('DeleteJournal', () => {
  const deleted: JournalEvent = { type: 'JournalDeleted', data: { journalId, deletedAt: testContext.now } };

  it('deletes without an expected version', () =>
    spec(created).when({ type: 'DeleteJournal', data: { journalId, callerId: owner } }).then(deleted));

  it('refuses a stale expected version', () =>
    spec(created)
      .when({ type: 'DeleteJournal', data: { journalId, callerId: owner, expectedVersion: 3 } })
      .thenRefuses({ code: 'CONFLICT', currentVersion: 1 }));

  it('answers NOT_FOUND once deleted', () =>
    spec(created, deleted).when({ type: 'DeleteJournal', data: { journalId, callerId: owner } }).thenRefuses({ code: 'NOT_FOUND' }));
});
