import { migrate, type PoolClient } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../test/test-servers.js';
import { journalHistory } from '../../test/test-events.js';
import { appendToOutbox, eventFromOutboxRow, loadOutboxCheckpoint, outboxMigrations, readCommittedOutbox, saveOutboxCheckpoint } from './index.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await testDatabase('outbox_reader');
  await migrate(db.pool, 'outbox-test', outboxMigrations);
});
afterAll(async () => db?.drop());

/** An open transaction on its own connection, so the test decides when (and whether) it commits. */
async function openTransaction(): Promise<{ client: PoolClient; append(events: AnyEvent[]): Promise<void>; commit(): Promise<void>; rollback(): Promise<void> }> {
  const client = await db.pool.connect();
  await client.query('BEGIN');
  const finish = async (sql: string) => {
    await client.query(sql);
    client.release();
  };
  return { client, append: (events) => appendToOutbox(client, events), commit: () => finish('COMMIT'), rollback: () => finish('ROLLBACK') };
}

const ids = (rows: { eventId: string }[]) => rows.map((row) => row.eventId);

/**
 * Reads until `count` rows are readable. The reader rightly waits for every transaction that is open anywhere
 * on the server (another suite's included) to finish, so "committed" is not "readable this instant".
 */
async function readSettled(after: Parameters<typeof readCommittedOutbox>[1], count: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { rows } = await readAll(after);
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Everything readable after `after`, as the relay would take it batch by batch. */
async function readAll(after: Parameters<typeof readCommittedOutbox>[1]) {
  const rows = await readCommittedOutbox(db.pool, after, 1_000);
  return { rows, last: rows.at(-1) ?? after };
}

describe('readCommittedOutbox (gap-safe reading)', () => {
  it('never passes a transaction that is still open, and delivers both once it commits', async () => {
    const start = (await readAll(null)).last;
    const [a] = journalHistory(1);
    const [b] = journalHistory(1);
    const t1 = await openTransaction();
    await t1.append([a!]); // takes the lower position
    const t2 = await openTransaction();
    await t2.append([b!]); // takes the higher position and commits first
    await t2.commit();

    expect(ids((await readAll(start)).rows)).toEqual([]); // b is committed, but a (older) may still commit before it

    await t1.commit();
    const rows = await readSettled(start, 2);
    expect(ids(rows)).toEqual([a!.eventId, b!.eventId]);
    expect(BigInt(rows[0]!.position)).toBeLessThan(BigInt(rows[1]!.position));
  });

  it('orders by transaction, not by position, so a reader never has to go back', async () => {
    const start = (await readAll(null)).last;
    const [early] = journalHistory(1);
    const [late] = journalHistory(1);
    const older = await openTransaction();
    await older.client.query('SELECT pg_current_xact_id()'); // the older transaction id, no row yet
    const newer = await openTransaction();
    await newer.append([late!]); // lower position, newer transaction
    await newer.commit();
    await older.append([early!]); // higher position, older transaction
    expect(ids((await readAll(start)).rows)).toEqual([]);
    await older.commit();
    expect(ids(await readSettled(start, 2))).toEqual([early!.eventId, late!.eventId]);
  });

  it('is not held up by a rolled-back transaction, whose rows never appear', async () => {
    const start = (await readAll(null)).last;
    const [lost] = journalHistory(1);
    const [kept] = journalHistory(1);
    const aborted = await openTransaction();
    await aborted.append([lost!]);
    const committed = await openTransaction();
    await committed.append([kept!]);
    await committed.commit();
    await aborted.rollback();
    expect(ids(await readSettled(start, 1))).toEqual([kept!.eventId]);
  });

  it('reads in batches from a checkpoint, in the order rows were written within a transaction', async () => {
    const start = (await readAll(null)).last;
    const history = journalHistory(5);
    const tx = await openTransaction();
    await tx.append(history);
    await tx.commit();
    await readSettled(start, 5);
    const first = await readCommittedOutbox(db.pool, start, 2);
    const rest = await readCommittedOutbox(db.pool, first.at(-1)!, 10);
    expect([...ids(first), ...ids(rest)]).toEqual(history.map((event) => event.eventId));
    expect(rest.map((row) => row.aggregateVersion)).toEqual([3, 4, 5]);
  });

  it('orders positions as numbers, not as their text (10 after 9)', async () => {
    const start = (await readAll(null)).last;
    const history = journalHistory(12);
    const tx = await openTransaction();
    await tx.append(history);
    await tx.commit();
    expect(ids(await readSettled(start, 12))).toEqual(history.map((event) => event.eventId));
  });

  it('gives back the event as written, with its outbox position and the outbox owner as source', async () => {
    const start = (await readAll(null)).last;
    const [event] = journalHistory(1);
    const tx = await openTransaction();
    await tx.append([event!]);
    await tx.commit();
    const [row] = await readSettled(start, 1);
    expect(eventFromOutboxRow(row!, 'command')).toEqual({ ...event, source: 'command', position: row!.position });
  });

  it('keeps a reader checkpoint, which only moves forward', async () => {
    expect(await loadOutboxCheckpoint(db.pool, 'reader-a')).toBeNull();
    await saveOutboxCheckpoint(db.pool, 'reader-a', { txId: '42', position: '7' });
    await saveOutboxCheckpoint(db.pool, 'reader-a', { txId: '43', position: '9' });
    await saveOutboxCheckpoint(db.pool, 'reader-a', { txId: '43', position: '8' }); // late, from a deposed reader
    expect(await loadOutboxCheckpoint(db.pool, 'reader-a')).toEqual({ txId: '43', position: '9' });
  });
});
