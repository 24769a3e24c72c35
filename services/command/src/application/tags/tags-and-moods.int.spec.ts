import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandEnvironment } from '../../adapters/pg/pg-command-store.js';
import { newCaller } from '../../test/callers.js';
import { countRows, migratedWriteDb, outboxRows, type TestWriteDb } from '../../test/write-db.js';
import { written } from '../../test/written.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { changeEntry } from '../entries/change-entry.js';
import { createEntry } from '../entries/create-entry.js';
import { createJournal } from '../journals/create-journal.js';
import { captureThought } from '../thoughts/capture-thought.js';
import { changeThought } from '../thoughts/change-thought.js';

let db: TestWriteDb;
let environment: CommandEnvironment;

beforeAll(async () => {
  db = await migratedWriteDb('command_tags');
  environment = commandEnvironment(db.pool);
});
afterAll(async () => db?.drop());

/** The TagCreated rows of a user, in commit order, with the transaction that wrote each. */
async function tagsCreated(userId: string) {
  const { rows } = await db.pool.query<{ tx_id: string; aggregate_id: string; aggregate_version: number; correlation_id: string; payload: Record<string, unknown> }>(
    `SELECT tx_id::text, aggregate_id, aggregate_version, correlation_id, payload FROM outbox
      WHERE event_type = 'TagCreated' AND aggregate_type = 'tag' AND user_id = $1 ORDER BY tx_id, position`,
    [userId],
  );
  return rows;
}

const txOf = async (aggregateId: string, version: number) =>
  (await db.pool.query<{ tx_id: string }>('SELECT tx_id::text FROM outbox WHERE aggregate_id = $1 AND aggregate_version = $2', [aggregateId, version])).rows[0]?.tx_id;

async function journalOf(caller: Caller): Promise<string> {
  return written(await createJournal(environment, caller, { name: 'Days' })).journal.id;
}

describe('TagCreated', () => {
  it('is written with the entry that first uses a tag, once per user and tag, in the same transaction', async () => {
    const caller = newCaller();
    const journalId = await journalOf(caller);
    const { entry } = written(await createEntry(environment, caller, { journalId, content: 'Sun and wind', tags: ['Sea', 'walk'] }));
    const created = await tagsCreated(caller.userId);
    expect(created).toEqual([
      expect.objectContaining({ aggregate_version: 1, correlation_id: caller.correlationId, payload: expect.objectContaining({ userId: caller.userId, tag: 'sea' }) }),
      expect.objectContaining({ aggregate_version: 1, payload: expect.objectContaining({ userId: caller.userId, tag: 'walk' }) }),
    ]);
    for (const row of created) {
      expect(row.payload.tagId).toBe(row.aggregate_id);
      expect(row.tx_id).toBe(await txOf(entry.id, 1));
    }

    // Used again, on an entry or a thought: nothing new. A new one beside it: that one only.
    written(await createEntry(environment, caller, { journalId, content: 'Again', tags: ['walk'] }));
    const { state: thought } = written(await captureThought(environment, caller, { text: 'Buy figs', tags: ['sea', 'Garden'] }));
    expect((await tagsCreated(caller.userId)).map((row) => row.payload.tag)).toEqual(['sea', 'walk', 'garden']);
    expect((await tagsCreated(caller.userId)).at(-1)?.tx_id).toBe(await txOf(thought.id, 1));

    // Another user's first use of the same tag is theirs.
    const other = newCaller();
    written(await captureThought(environment, other, { text: 'Swim', tags: ['sea'] }));
    expect((await tagsCreated(other.userId)).map((row) => row.payload.tag)).toEqual(['sea']);
  });

  it('is written when an update adds a tag, and not for an update that leaves the tags', async () => {
    const caller = newCaller();
    const journalId = await journalOf(caller);
    const { entry } = written(await createEntry(environment, caller, { journalId, content: 'one' }));
    expect(await tagsCreated(caller.userId)).toEqual([]);
    written(await changeEntry(environment, caller, { type: 'UpdateEntry', data: { entryId: entry.id, callerId: caller.userId, expectedVersion: 1, tags: ['dusk'] } }));
    written(await changeEntry(environment, caller, { type: 'UpdateEntry', data: { entryId: entry.id, callerId: caller.userId, expectedVersion: 2, content: 'one two' } }));
    const { state: thought } = written(await captureThought(environment, caller, { text: 'x' }));
    written(await changeThought(environment, caller, { type: 'UpdateThought', data: { thoughtId: thought.id, callerId: caller.userId, expectedVersion: 1, tags: ['dusk', 'dawn'] } }));
    const created = await tagsCreated(caller.userId);
    expect(created.map((row) => row.payload.tag)).toEqual(['dusk', 'dawn']);
    expect(created[0]?.tx_id).toBe(await txOf(entry.id, 2));
    expect(created[1]?.tx_id).toBe(await txOf(thought.id, 2));
  });

  it('is written once when concurrent commands first use the same tag', async () => {
    const caller = newCaller();
    await Promise.all(Array.from({ length: 6 }, (_, i) => captureThought(environment, caller, { text: `t${i}`, tags: ['same', `own-${i}`] })).map(async (p) => written(await p)));
    const tags = (await tagsCreated(caller.userId)).map((row) => row.payload.tag);
    expect(tags.filter((tag) => tag === 'same')).toHaveLength(1);
    expect(tags).toHaveLength(7);
    expect(await countRows(db.pool, 'user_tags', 'user_id = $1', [caller.userId])).toBe(7);
  });

  it('leaves no remembered tag when the command rolls back', async () => {
    const caller = newCaller();
    await db.pool.query(`CREATE FUNCTION fail_outbox_tags() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced failure after the row insert'; END $$`);
    await db.pool.query('CREATE TRIGGER fail_outbox_tags BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_outbox_tags()');
    try {
      await expect(captureThought(environment, caller, { text: 'lost', tags: ['lost'] })).rejects.toThrow(/forced failure/);
    } finally {
      await db.pool.query('DROP TRIGGER fail_outbox_tags ON outbox; DROP FUNCTION fail_outbox_tags()');
    }
    expect(await countRows(db.pool, 'user_tags', 'user_id = $1', [caller.userId])).toBe(0);
    written(await captureThought(environment, caller, { text: 'kept', tags: ['lost'] }));
    expect((await tagsCreated(caller.userId)).map((row) => row.payload.tag)).toEqual(['lost']);
  });
});

describe('MoodRecorded', () => {
  it('is the entry’s next version when an update only sets its mood', async () => {
    const caller = newCaller();
    const journalId = await journalOf(caller);
    const { entry } = written(await createEntry(environment, caller, { journalId, content: 'Grey sky', mood: 'LOW', tags: ['sky'] }));
    const set = written(await changeEntry(environment, caller, { type: 'UpdateEntry', data: { entryId: entry.id, callerId: caller.userId, expectedVersion: 1, mood: 'CALM' } }));
    expect(set.entry).toMatchObject({ mood: 'CALM', version: 2, content: 'Grey sky', tags: ['sky'], updatedAt: expect.any(String) });
    expect(Buffer.from(set.consistencyToken, 'base64url').toString()).toBe(`${entry.id}:2`);
    const cleared = written(await changeEntry(environment, caller, { type: 'UpdateEntry', data: { entryId: entry.id, callerId: caller.userId, expectedVersion: 2, mood: null } }));
    expect(cleared.entry).toMatchObject({ mood: null, version: 3 });
    expect((await outboxRows(db.pool, entry.id)).map((row) => [row.event_type, row.aggregate_version, row.payload.mood])).toEqual([
      ['JournalEntryCreated', 1, 'LOW'],
      ['MoodRecorded', 2, 'CALM'],
      ['JournalEntryUpdated', 3, null],
    ]);
    expect((await outboxRows(db.pool, entry.id))[1]?.payload).toEqual({ entryId: entry.id, mood: 'CALM', recordedAt: set.entry.updatedAt });
    const { rows } = await db.pool.query('SELECT mood, version FROM entries WHERE id = $1', [entry.id]);
    expect(rows).toEqual([{ mood: null, version: 3 }]);
  });
});
