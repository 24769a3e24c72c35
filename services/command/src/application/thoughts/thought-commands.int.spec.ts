import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { newCaller } from '../../test/callers.js';
import { countRows, migratedWriteDb, outboxRows, type TestWriteDb } from '../../test/write-db.js';
import { written } from '../../test/written.js';
import { commandEnvironment } from '../../adapters/pg/pg-command-store.js';
import type { CommandEnvironment } from '../command-environment.js';
import { captureThought } from './capture-thought.js';
import { changeThought } from './change-thought.js';

let db: TestWriteDb;
let environment: CommandEnvironment;

beforeAll(async () => {
  db = await migratedWriteDb('command_thoughts');
  environment = commandEnvironment(db.pool);
});
afterAll(async () => db?.drop());

const tagsOf = async (thoughtId: string) =>
  (await db.pool.query<{ tag: string }>('SELECT tag FROM thought_tags WHERE thought_id = $1 ORDER BY ordinal', [thoughtId])).rows.map((r) => r.tag);

describe('thought commands against the write DB', () => {
  it('captures: the row, its tags and ThoughtCaptured commit together', async () => {
    const caller = newCaller();
    const { state: thought, consistencyToken } = written(await captureThought(environment, caller, { text: ' Buy seeds ', tags: ['Garden', '#garden', 'spring'] }));
    expect(thought).toMatchObject({ ownerId: caller.userId, text: 'Buy seeds', tags: ['garden', 'spring'], version: 1 });
    expect(Buffer.from(consistencyToken, 'base64url').toString()).toBe(`${thought.id}:1`);
    expect(await tagsOf(thought.id)).toEqual(['garden', 'spring']);
    expect(await outboxRows(db.pool, thought.id)).toEqual([
      expect.objectContaining({
        event_type: 'ThoughtCaptured',
        aggregate_version: 1,
        user_id: caller.userId,
        correlation_id: caller.correlationId,
        payload: { thoughtId: thought.id, text: 'Buy seeds', tags: ['garden', 'spring'], capturedAt: thought.createdAt },
      }),
    ]);
  });

  it('leaves nothing behind when the command is refused', async () => {
    const caller = newCaller();
    expect(await captureThought(environment, caller, { text: '  ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(await countRows(db.pool, 'thoughts', 'owner_id = $1', [caller.userId])).toBe(0);
  });

  it('updates with a version check (CONFLICT tells the current one) and replaces the tag set', async () => {
    const caller = newCaller();
    const { state: thought } = written(await captureThought(environment, caller, { text: 'draft', tags: ['a', 'b'] }));
    const update = (expectedVersion: number, change: { text?: string; tags?: string[] }) =>
      changeThought(environment, caller, { type: 'UpdateThought', data: { thoughtId: thought.id, callerId: caller.userId, expectedVersion, ...change } });
    expect(written(await update(1, { tags: ['c'] })).state).toMatchObject({ text: 'draft', tags: ['c'], version: 2 });
    expect(await tagsOf(thought.id)).toEqual(['c']);
    expect(await update(1, { text: 'stale' })).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(written(await update(2, { text: 'draft' })).state.version).toBe(2); // nothing changed, nothing written
    expect((await outboxRows(db.pool, thought.id)).map((r) => [r.event_type, r.aggregate_version, r.payload['changedFields']])).toEqual([
      ['ThoughtCaptured', 1, undefined],
      ['ThoughtUpdated', 2, ['tags']],
    ]);
  });

  it("deletes once, and answers NOT_FOUND for another user's thought without touching it", async () => {
    const owner = newCaller();
    const { state: thought } = written(await captureThought(environment, owner, { text: 'private' }));
    const stranger = newCaller();
    expect(await changeThought(environment, stranger, { type: 'DeleteThought', data: { thoughtId: thought.id, callerId: stranger.userId } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await changeThought(environment, stranger, { type: 'UpdateThought', data: { thoughtId: thought.id, callerId: stranger.userId, expectedVersion: 1, text: 'x' } }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const deleted = written(await changeThought(environment, owner, { type: 'DeleteThought', data: { thoughtId: thought.id, callerId: owner.userId } }));
    expect(deleted.state).toMatchObject({ version: 2, deletedAt: expect.any(String) });
    expect(await changeThought(environment, owner, { type: 'DeleteThought', data: { thoughtId: thought.id, callerId: owner.userId } })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await outboxRows(db.pool, thought.id)).map((r) => r.event_type)).toEqual(['ThoughtCaptured', 'ThoughtDeleted']);
  });

  it('captures once per idempotency key, even when the retries race', async () => {
    const caller = newCaller({ idempotencyKey: 'thought-retry' });
    const results = await Promise.all(Array.from({ length: 5 }, () => captureThought(environment, caller, { text: 'only once' })));
    expect(results.some(isDomainError)).toBe(false);
    expect(new Set(results.map((r) => written(r).state.id)).size).toBe(1);
    expect(await countRows(db.pool, 'thoughts', 'owner_id = $1', [caller.userId])).toBe(1);
    expect(written(await captureThought(environment, caller, { text: 'only once' }))).toEqual(written(results[0]!));
  });
});
