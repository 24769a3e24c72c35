import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../test/test-servers.js';
import { OutboxWakeup } from './outbox-wakeup.js';

/** How long one `next()` took, in ms. */
async function timed(wakeup: OutboxWakeup): Promise<number> {
  const began = performance.now();
  await wakeup.next();
  return performance.now() - began;
}

describe('OutboxWakeup (real Postgres)', () => {
  let db: TestDatabase;
  const wakeups: OutboxWakeup[] = [];
  const wakeup = (pollMs: number, maxIdlePollMs?: number, url = db.url) => {
    const made = new OutboxWakeup(url, pollMs, 'outbox-wakeup-test', maxIdlePollMs);
    wakeups.push(made);
    return made;
  };

  beforeAll(async () => {
    db = await testDatabase('outbox_wakeup');
  });
  afterAll(async () => {
    await Promise.all(wakeups.map((w) => w.close()));
    await db?.drop();
  });

  it('returns at once after it starts listening (a commit just before LISTEN notified nobody), then at a NOTIFY', async () => {
    const w = wakeup(60_000);
    expect(await timed(w)).toBeLessThan(5_000); // connecting, then no pause
    const next = timed(w);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await db.pool.query(`NOTIFY outbox`);
    expect(await next).toBeLessThan(5_000); // not the minute-long poll
  });

  it('while the outbox is quiet, pauses twice as long each time up to its max, and a notification starts over', async () => {
    const w = wakeup(40, 320);
    await w.next(); // the look after connecting
    const quiet = [];
    for (let i = 0; i < 5; i++) quiet.push(await timed(w));
    // 40, 80, 160, 320, 320 ms (timers fire late on a busy machine, never early)
    expect(quiet[0]).toBeGreaterThanOrEqual(38);
    expect(quiet[1]).toBeGreaterThanOrEqual(78);
    expect(quiet[2]).toBeGreaterThanOrEqual(158);
    expect(quiet[3]).toBeGreaterThanOrEqual(318);
    expect(quiet[4]).toBeGreaterThanOrEqual(318);
    expect(quiet[4]).toBeLessThan(320 + 600);
    await db.pool.query(`NOTIFY outbox`);
    expect(await timed(w)).toBeLessThan(300); // the notification, not the 320 ms pause
    const afterNotice = await timed(w);
    expect(afterNotice).toBeGreaterThanOrEqual(38);
    expect(afterNotice).toBeLessThan(318); // back to pollMs, not the max
  });

  it('looks at once when its LISTEN connection is lost, instead of sleeping out a pause no notification can end', async () => {
    const w = new OutboxWakeup(db.url, 30_000, 'outbox-wakeup-lost', 60_000);
    wakeups.push(w);
    await w.next(); // the look after connecting
    const pausing = timed(w); // a 30 s pause
    await new Promise((resolve) => setTimeout(resolve, 100));
    await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'outbox-wakeup-lost' AND datname = current_database()`);
    expect(await pausing).toBeLessThan(5_000);
    expect(await timed(w)).toBeLessThan(5_000); // reconnected: the look after (re)connecting, not a pause
  });

  it('polls at pollMs, without backing off, while it cannot listen (notifications are being lost)', async () => {
    const unreachable = new URL(db.url);
    unreachable.port = '1'; // nothing listens there: every connect is refused at once
    const w = wakeup(60, 10_000, unreachable.toString());
    const pauses = [];
    for (let i = 0; i < 4; i++) pauses.push(await timed(w));
    for (const pause of pauses) {
      expect(pause).toBeGreaterThanOrEqual(58);
      expect(pause).toBeLessThan(1_000);
    }
  });
});
