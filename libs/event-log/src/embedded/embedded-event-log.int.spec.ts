import { migrate, withTransaction } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, testDatabase, type TestDatabase } from '../../test/test-servers.js';
import { interleave, journalHistory, unrelatedEvent } from '../../test/test-events.js';
import type { EventBatch, EventLog, Subscription } from '../event-log.js';
import { appendToOutbox, outboxMigrations } from '../outbox/index.js';
import { createEmbeddedEventLog } from './embedded-event-log.js';

const log = createLogger('embedded-log-test', 'silent');
let writeDb: TestDatabase;
let readDb: TestDatabase;
let eventLog: EventLog;

beforeAll(async () => {
  [writeDb, readDb] = await Promise.all([testDatabase('outbox'), testDatabase('ckpt')]);
  await migrate(writeDb.pool, 'command', outboxMigrations);
  eventLog = createEmbeddedEventLog({
    writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, log, pollMs: 200, lockRetryMs: 200, backoff: { initialMs: 20, maxMs: 100 },
  });
});
afterAll(async () => {
  await eventLog?.close();
  await Promise.all([writeDb?.drop(), readDb?.drop()]);
});

const append = (events: AnyEvent[]) => withTransaction(writeDb.pool, (tx) => appendToOutbox(tx, events));

/** A subscriber that records what it sees and declares each batch done (optionally failing once). */
function recorder(options: { failOnceAt?: string } = {}) {
  const seen: AnyEvent[] = [];
  let failAt = options.failOnceAt;
  const handle = (batch: EventBatch) => {
    for (const [i, event] of batch.events.entries()) {
      if (event.eventId === failAt) {
        failAt = undefined;
        return Promise.reject(new Error('transient failure'));
      }
      seen.push(event);
      batch.done(i);
    }
    return Promise.resolve();
  };
  return { seen, handle };
}

describe('embedded event log (the outbox as a log)', () => {
  it('delivers the subscribed streams in commit order, resumes from its checkpoint, and retries failures without loss', async () => {
    const a = journalHistory(3);
    const b = journalHistory(2);
    await append([...interleave([a, b]), unrelatedEvent()]);

    const first = recorder({ failOnceAt: a[1]!.eventId });
    let subscription: Subscription = await eventLog.subscribe({ group: 'g1', eventTypes: ['JournalCreated'], fromBeginning: true, handle: first.handle });
    await subscription.ready();
    await eventually('5 journal events', () => first.seen.length === 5);
    expect(first.seen.map((e) => e.eventId)).toEqual(interleave([a, b]).map((e) => e.eventId));
    await eventually('no lag', async () => (await subscription.lag()) === 0);
    await subscription.stop();

    const c = journalHistory(2);
    await append(c);
    const second = recorder();
    subscription = await eventLog.subscribe({ group: 'g1', eventTypes: ['JournalCreated'], fromBeginning: true, handle: second.handle });
    await eventually('the 2 new events', () => second.seen.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.seen.map((e) => e.eventId)).toEqual(c.map((e) => e.eventId));
    await subscription.stop();
  });

  it('never passes a row whose transaction may still commit (gap-safe), then delivers it in commit order', async () => {
    const early = journalHistory(1);
    const late = journalHistory(1);
    const seen = recorder();
    const subscription = await eventLog.subscribe({ group: 'g2', eventTypes: ['JournalCreated'], fromBeginning: false, handle: seen.handle });
    await subscription.ready();

    const open = await writeDb.pool.connect();
    await open.query('BEGIN');
    await appendToOutbox(open, early); // takes its position (and tx id) first, commits last
    await append(late);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen.seen).toEqual([]); // `late` waits behind the open transaction
    await open.query('COMMIT');
    open.release();
    await eventually('both events', () => seen.seen.length === 2);
    expect(seen.seen.map((e) => e.eventId)).toEqual([early[0]!.eventId, late[0]!.eventId]);
    await subscription.stop();
  });

  it('keeps one active member per group; a standby takes over when it stops', async () => {
    const one = recorder();
    const two = recorder();
    const first = await eventLog.subscribe({ group: 'g3', eventTypes: ['JournalCreated'], fromBeginning: false, handle: one.handle });
    await first.ready();
    const second = await eventLog.subscribe({ group: 'g3', eventTypes: ['JournalCreated'], fromBeginning: false, handle: two.handle });
    await append(journalHistory(1));
    await eventually('the active member to see it', () => one.seen.length === 1);
    // liveness: the standby has nothing of its own waiting (it has no checkpoint of its own: its group lag is the log)
    const standby = await second.memberLag!();
    expect(standby.group).toBeGreaterThan(0); // counted from the log's start: what stalled a standby before
    expect(standby.member).toBe(0);
    await append(journalHistory(1));
    await eventually('the active member to see that too', () => one.seen.length === 2);
    await eventually('the active member\'s own lag to be its group\'s', async () => {
      const reading = await first.memberLag!();
      return reading.member === reading.group && reading.member === 0;
    });
    await first.stop();
    await second.ready();
    await append(journalHistory(1));
    await eventually('the standby to take over', () => two.seen.length === 1);
    expect(one.seen.length + two.seen.length).toBe(3);
    await second.stop();
  });

  it('delivers rows whose NOTIFY came while an older transaction held them back as soon as it ends, not at the poll', async () => {
    // The log below polls every 200 ms; this one every 20 s, so only the held-back re-check can be in time.
    const slowPoll = createEmbeddedEventLog({
      writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, log, pollMs: 20_000, lockRetryMs: 200, backoff: { initialMs: 20, maxMs: 100 },
    });
    const blocker = await writeDb.pool.connect();
    try {
      const seen = recorder();
      const subscription = await slowPoll.subscribe({ group: 'held-back', eventTypes: ['JournalCreated'], fromBeginning: false, handle: seen.handle });
      await subscription.ready();
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()'); // an older transaction with an id: holds xmin back
      const history = journalHistory(2);
      await append(history);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(seen.seen).toEqual([]); // not readable while the older transaction may still commit
      await blocker.query('ROLLBACK');
      await expect.poll(() => seen.seen.map((e) => e.eventId), { timeout: 10_000, interval: 50 }).toEqual(history.map((e) => e.eventId));
      await subscription.stop();
    } finally {
      blocker.release();
      await slowPoll.close();
    }
  });
});
