import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '../domain/shared/domain-error.js';
import { newCaller } from '../test/callers.js';
import { migratedWriteDb, outboxRows, type TestWriteDb } from '../test/write-db.js';
import { commandEnvironment } from '../adapters/pg/pg-command-store.js';
import type { CommandEnvironment } from './command-environment.js';
import { changeEntry } from './entries/change-entry.js';
import { createEntry } from './entries/create-entry.js';
import { changeJournal } from './journals/change-journal.js';
import { createJournal } from './journals/create-journal.js';

let db: TestWriteDb;
let environment: CommandEnvironment;

beforeAll(async () => {
  db = await migratedWriteDb('command_writes');
  environment = commandEnvironment(db.pool);
});
afterAll(async () => db?.drop());

/** The result, or a failed test naming the refusal. */
function written<T>(result: T | DomainError): T {
  if (isDomainError(result)) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result;
}

const count = async (table: string, where = 'true', values: unknown[] = []) =>
  (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, values)).rows[0]!.n;

/** Makes every outbox insert fail, as a crash between the row write and the outbox write would. */
async function withFailingOutbox(work: () => Promise<unknown>): Promise<void> {
  await db.pool.query(`CREATE FUNCTION fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'forced failure after the row insert'; END $$`);
  await db.pool.query('CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_outbox()');
  try {
    await expect(work()).rejects.toThrow(/forced failure/);
  } finally {
    await db.pool.query('DROP TRIGGER fail_outbox ON outbox; DROP FUNCTION fail_outbox()');
  }
}

describe('CreateJournal', () => {
  it('writes the journal row and its JournalCreated event together', async () => {
    const caller = newCaller();
    const { journal, consistencyToken } = written(await createJournal(environment, caller, { name: 'Dreams', color: '#112233' }));
    expect(journal).toMatchObject({ ownerId: caller.userId, name: 'Dreams', color: '#112233', version: 1 });
    expect(Buffer.from(consistencyToken, 'base64url').toString()).toBe(`${journal.id}:1`);
    expect(await count('journals', 'id = $1', [journal.id])).toBe(1);
    expect(await outboxRows(db.pool, journal.id)).toEqual([
      expect.objectContaining({
        event_type: 'JournalCreated',
        aggregate_version: 1,
        user_id: caller.userId,
        correlation_id: caller.correlationId,
        payload: expect.objectContaining({ journalId: journal.id, name: 'Dreams' }),
      }),
    ]);
  });

  it('leaves neither row nor event when the transaction fails after the row insert', async () => {
    const caller = newCaller();
    const before = await count('outbox');
    await withFailingOutbox(() => createJournal(environment, caller, { name: 'Doomed' }));
    expect(await count('journals', 'owner_id = $1', [caller.userId])).toBe(0);
    expect(await count('outbox')).toBe(before);
  });

  it('keeps the free plan at five live journals, counting deleted ones out', async () => {
    const caller = newCaller();
    const journals = [];
    for (let i = 1; i <= 5; i++) journals.push(written(await createJournal(environment, caller, { name: `J${i}` })).journal);
    expect(await createJournal(environment, caller, { name: 'J6' })).toMatchObject({ code: 'FORBIDDEN', reason: 'PLAN_LIMIT' });
    written(await changeJournal(environment, caller, { type: 'DeleteJournal', data: { journalId: journals[0]!.id, callerId: caller.userId } }));
    written(await createJournal(environment, caller, { name: 'J6' }));
    expect(await count('journals', 'owner_id = $1 AND deleted_at IS NULL', [caller.userId])).toBe(5);
  });

  it('holds the limit under concurrent creates', async () => {
    const caller = newCaller();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => createJournal(environment, caller, { name: `C${i}` })));
    expect(results.filter((r) => !isDomainError(r))).toHaveLength(5);
    expect(results.filter(isDomainError).map((r) => r.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await count('journals', 'owner_id = $1', [caller.userId])).toBe(5);
  });

  it('lets the premium plan past five', async () => {
    const caller = newCaller({ plan: 'premium' });
    for (let i = 1; i <= 6; i++) written(await createJournal(environment, caller, { name: `P${i}` }));
    expect(await count('journals', 'owner_id = $1', [caller.userId])).toBe(6);
  });
});

describe('CreateEntry', () => {
  it('writes the entry, its tags and its JournalEntryCreated event together', async () => {
    const caller = newCaller();
    const { journal } = written(await createJournal(environment, caller, { name: 'Days' }));
    const { entry } = written(
      await createEntry(environment, caller, { journalId: journal.id, content: 'Sun and wind today', mood: 'GOOD', tags: ['Sea', 'walk'] }),
    );
    expect(entry).toMatchObject({ journalId: journal.id, ownerId: caller.userId, wordCount: 4, tags: ['sea', 'walk'], version: 1 });
    expect(await count('entries', 'id = $1', [entry.id])).toBe(1);
    expect((await db.pool.query('SELECT tag FROM entry_tags WHERE entry_id = $1 ORDER BY ordinal', [entry.id])).rows).toEqual([
      { tag: 'sea' },
      { tag: 'walk' },
    ]);
    expect(await outboxRows(db.pool, entry.id)).toEqual([
      expect.objectContaining({
        event_type: 'JournalEntryCreated',
        aggregate_version: 1,
        payload: expect.objectContaining({ entryId: entry.id, journalId: journal.id, wordCount: 4, mood: 'GOOD', tags: ['sea', 'walk'] }),
      }),
    ]);
  });

  it('backdates an entry: its row and its JournalEntryCreated carry the moment given, and it stays through an edit', async () => {
    const caller = newCaller();
    const { journal } = written(await createJournal(environment, caller, { name: 'Late' }));
    const { entry } = written(
      await createEntry(environment, caller, { journalId: journal.id, content: 'Yesterday by the sea', createdAt: '2026-01-10T19:00:00Z' }),
    );
    expect(entry.createdAt).toBe('2026-01-10T19:00:00.000Z');
    expect(await outboxRows(db.pool, entry.id)).toEqual([
      expect.objectContaining({ event_type: 'JournalEntryCreated', payload: expect.objectContaining({ createdAt: '2026-01-10T19:00:00.000Z' }) }),
    ]);
    const changed = written(await changeEntry(environment, caller, {
      type: 'UpdateEntry', data: { entryId: entry.id, callerId: caller.userId, expectedVersion: 1, content: 'Yesterday by the sea, windy' },
    }));
    expect(changed.entry.createdAt).toBe('2026-01-10T19:00:00.000Z');
  });

  it('redates an entry: its row and a JournalEntryUpdated V2 carry the new moment, and it is read back with it', async () => {
    const caller = newCaller();
    const { journal } = written(await createJournal(environment, caller, { name: 'Late' }));
    const { entry } = written(await createEntry(environment, caller, { journalId: journal.id, content: 'The wrong day' }));
    const redated = written(await changeEntry(environment, caller, {
      type: 'UpdateEntry', data: { entryId: entry.id, callerId: caller.userId, expectedVersion: 1, createdAt: '2026-01-08T12:00:00Z' },
    }));
    expect(redated.entry).toMatchObject({ createdAt: '2026-01-08T12:00:00.000Z', version: 2 });
    expect((await outboxRows(db.pool, entry.id)).at(-1)).toMatchObject({
      event_type: 'JournalEntryUpdated',
      payload: expect.objectContaining({ createdAt: '2026-01-08T12:00:00.000Z', changedFields: ['createdAt'] }),
    });
    // the next command loads the row with its new date
    const edited = written(await changeEntry(environment, caller, {
      type: 'UpdateEntry', data: { entryId: entry.id, callerId: caller.userId, expectedVersion: 2, content: 'The right day' },
    }));
    expect(edited.entry.createdAt).toBe('2026-01-08T12:00:00.000Z');
  });

  it('leaves neither entry, tags nor event when the transaction fails after the row insert', async () => {
    const caller = newCaller();
    const { journal } = written(await createJournal(environment, caller, { name: 'Days' }));
    await withFailingOutbox(() => createEntry(environment, caller, { journalId: journal.id, content: 'lost', tags: ['x'] }));
    expect(await count('entries', 'journal_id = $1', [journal.id])).toBe(0);
    expect(await count('entry_tags', 'tag = $1', ['x'])).toBe(0);
    expect(await count('outbox', "event_type = 'JournalEntryCreated' AND payload->>'journalId' = $1", [journal.id])).toBe(0);
  });

  it("refuses another owner's journal and a deleted one as NOT_FOUND", async () => {
    const owner = newCaller();
    const { journal } = written(await createJournal(environment, owner, { name: 'Mine' }));
    expect(await createEntry(environment, newCaller(), { journalId: journal.id, content: 'sneaky' })).toMatchObject({ code: 'NOT_FOUND' });
    written(await changeJournal(environment, owner, { type: 'DeleteJournal', data: { journalId: journal.id, callerId: owner.userId } }));
    expect(await createEntry(environment, owner, { journalId: journal.id, content: 'late' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('idempotency keys', () => {
  it('answers a retried create with the first result and writes nothing twice', async () => {
    const caller = newCaller({ idempotencyKey: 'retry-1' });
    const { journal } = written(await createJournal(environment, newCaller({ userId: caller.userId }), { name: 'Days' }));
    const first = written(await createEntry(environment, caller, { journalId: journal.id, content: 'once' }));
    const again = written(await createEntry(environment, caller, { journalId: journal.id, content: 'once' }));
    expect(again).toEqual(first);
    expect(await count('entries', 'journal_id = $1', [journal.id])).toBe(1);
    expect(await count('outbox', 'aggregate_id = $1', [first.entry.id])).toBe(1);
  });

  it('creates once when the retries race each other', async () => {
    const caller = newCaller({ idempotencyKey: 'race-1' });
    const { journal } = written(await createJournal(environment, newCaller({ userId: caller.userId }), { name: 'Days' }));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => createEntry(environment, caller, { journalId: journal.id, content: 'raced' })),
    );
    const ids = new Set(results.map((r) => written(r).entry.id));
    expect(ids.size).toBe(1);
    expect(await count('entries', 'journal_id = $1', [journal.id])).toBe(1);
  });

  it('keeps a key free when its command was refused, and refuses a key reused for another command', async () => {
    const caller = newCaller({ idempotencyKey: 'fix-1' });
    expect(await createJournal(environment, caller, { name: ' ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const { journal } = written(await createJournal(environment, caller, { name: 'Fixed' }));
    expect(await createEntry(environment, caller, { journalId: journal.id, content: 'x' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
    });
  });
});

describe('updates and deletes', () => {
  it('versions each change, refuses a stale one with the current version, and records every fact', async () => {
    const caller = newCaller();
    const { journal } = written(await createJournal(environment, caller, { name: 'Draft' }));
    const update = (expectedVersion: number, name: string) =>
      changeJournal(environment, caller, { type: 'UpdateJournal', data: { journalId: journal.id, callerId: caller.userId, expectedVersion, name } });
    expect(written(await update(1, 'Final')).journal).toMatchObject({ name: 'Final', version: 2 });
    expect(await update(1, 'Stale')).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(written(await update(2, 'Final')).journal.version).toBe(2); // nothing changed, nothing written
    const deleted = written(await changeJournal(environment, caller, { type: 'DeleteJournal', data: { journalId: journal.id, callerId: caller.userId, expectedVersion: 2 } }));
    expect(deleted.journal).toMatchObject({ version: 3, deletedAt: expect.any(String) });
    expect((await outboxRows(db.pool, journal.id)).map((r) => [r.event_type, r.aggregate_version])).toEqual([
      ['JournalCreated', 1],
      ['JournalUpdated', 2],
      ['JournalDeleted', 3],
    ]);
  });

  it('edits, moves and deletes an entry', async () => {
    const caller = newCaller();
    const { journal } = written(await createJournal(environment, caller, { name: 'A' }));
    const { journal: other } = written(await createJournal(environment, caller, { name: 'B' }));
    const { entry } = written(await createEntry(environment, caller, { journalId: journal.id, content: 'one two', tags: ['t'] }));
    const edited = written(
      await changeEntry(environment, caller, {
        type: 'UpdateEntry',
        data: { entryId: entry.id, callerId: caller.userId, expectedVersion: 1, content: 'one two three', tags: [], journalId: other.id },
      }),
    );
    expect(edited.entry).toMatchObject({ journalId: other.id, wordCount: 3, tags: [], version: 2 });
    expect(await count('entry_tags', 'entry_id = $1', [entry.id])).toBe(0);
    const [, updated] = await outboxRows(db.pool, entry.id);
    expect(updated?.payload).toMatchObject({ changedFields: ['journalId', 'content', 'tags'], journalId: other.id });
    written(await changeEntry(environment, caller, { type: 'DeleteEntry', data: { entryId: entry.id, callerId: caller.userId } }));
    expect(await changeEntry(environment, caller, { type: 'DeleteEntry', data: { entryId: entry.id, callerId: caller.userId } })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
