import { describe, it } from 'vitest';
import { deciderSpecification, testContext } from '../../test/decider-specification.js';
import { decideThought } from './decide-thought.js';
import { evolveThought } from './evolve-thought.js';
import type { ThoughtCommand } from './thought-commands.js';
import type { ThoughtEvent } from './thought-events.js';

const spec = deciderSpecification({
  stateFrom: (facts: readonly ThoughtEvent[]) => facts.reduce(evolveThought, null),
  decide: (command: ThoughtCommand, state, context) => decideThought(command, state, context),
});

const owner = '00000000-0000-4000-8000-000000000001';
const stranger = '00000000-0000-4000-8000-000000000002';
const thoughtId = testContext.ids[0]!;
const captured: ThoughtEvent = {
  type: 'ThoughtCaptured',
  data: { thoughtId, ownerId: owner, text: 'Call the plumber', tags: ['home'], capturedAt: '2026-02-01T08:00:00.000Z' },
};
const update = (over: Partial<Extract<ThoughtCommand, { type: 'UpdateThought' }>['data']> = {}): ThoughtCommand => ({
  type: 'UpdateThought',
  data: { thoughtId, callerId: owner, expectedVersion: 1, ...over },
});

describe('CaptureThought', () => {
  it('captures the trimmed text with normalized tags, the fresh id and the current time', () =>
    spec()
      .when({ type: 'CaptureThought', data: { ownerId: owner, text: '  Call the plumber \n', tags: ['#Home', 'home'] } })
      .then({ ...captured, data: { ...captured.data, capturedAt: testContext.now } }));

  it('captures without tags', () =>
    spec()
      .when({ type: 'CaptureThought', data: { ownerId: owner, text: 'idea' } })
      .then({ type: 'ThoughtCaptured', data: { thoughtId, ownerId: owner, text: 'idea', tags: [], capturedAt: testContext.now } }));

  it('refuses blank text, naming the field', () =>
    spec().when({ type: 'CaptureThought', data: { ownerId: owner, text: ' \n ' } }).thenRefuses({ code: 'BAD_USER_INPUT', field: 'text' }));

  it('refuses text over 5 000 characters', () =>
    spec().when({ type: 'CaptureThought', data: { ownerId: owner, text: 'x'.repeat(5_001) } }).thenRefuses({ code: 'BAD_USER_INPUT', field: 'text' }));

  it('refuses more than 20 tags, and a tag over 50 characters', () => {
    spec()
      .when({ type: 'CaptureThought', data: { ownerId: owner, text: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } })
      .thenRefuses({ code: 'BAD_USER_INPUT', field: 'tags' });
    spec().when({ type: 'CaptureThought', data: { ownerId: owner, text: 'x', tags: ['y'.repeat(51)] } }).thenRefuses({ code: 'BAD_USER_INPUT', field: 'tags' });
  });
});

describe('UpdateThought', () => {
  it('records the whole new state and what changed', () =>
    spec(captured)
      .when(update({ text: 'Call the plumber at 9', tags: ['home', 'Calls'] }))
      .then({
        type: 'ThoughtUpdated',
        data: { thoughtId, text: 'Call the plumber at 9', tags: ['home', 'calls'], changedFields: ['text', 'tags'], updatedAt: testContext.now },
      }));

  it('keeps absent fields and clears the tags with an empty list', () =>
    spec(captured)
      .when(update({ tags: [] }))
      .then({ type: 'ThoughtUpdated', data: { thoughtId, text: 'Call the plumber', tags: [], changedFields: ['tags'], updatedAt: testContext.now } }));

  it('records nothing when nothing changes', () => spec(captured).when(update({ text: ' Call the plumber ' })).then());

  it('refuses a stale expected version, telling the current one', () =>
    spec(captured, { type: 'ThoughtUpdated', data: { thoughtId, text: 'b', tags: [], changedFields: ['text'], updatedAt: testContext.now } })
      .when(update({ text: 'c' }))
      .thenRefuses({ code: 'CONFLICT', currentVersion: 2 }));

  it("answers NOT_FOUND for another owner's thought and for one that never existed", () => {
    spec(captured).when(update({ callerId: stranger, text: 'mine' })).thenRefuses({ code: 'NOT_FOUND' });
    spec().when(update({ text: 'x' })).thenRefuses({ code: 'NOT_FOUND' });
  });
});

describe('DeleteThought', () => {
  const deleted: ThoughtEvent = { type: 'ThoughtDeleted', data: { thoughtId, deletedAt: testContext.now } };

  it('deletes the thought', () => spec(captured).when({ type: 'DeleteThought', data: { thoughtId, callerId: owner } }).then(deleted));

  it("answers NOT_FOUND once deleted, and for another owner's thought", () => {
    spec(captured, deleted).when({ type: 'DeleteThought', data: { thoughtId, callerId: owner } }).thenRefuses({ code: 'NOT_FOUND' });
    spec(captured).when({ type: 'DeleteThought', data: { thoughtId, callerId: stranger } }).thenRefuses({ code: 'NOT_FOUND' });
  });

  it('refuses to update a deleted thought', () => spec(captured, deleted).when(update({ expectedVersion: 2, text: 'x' })).thenRefuses({ code: 'NOT_FOUND' }));
});
