import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { withTransaction, type Pool } from '@mindflow/db';
import { appendToOutbox, loadOutboxCheckpoint } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { createLogger } from '@mindflow/platform';
import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillOutbox } from './test/sample-histories.js';
import { outboxDb, type TestOutboxDb } from './test/outbox-db.js';
import { relayConfigSchema, type RelayConfig } from './relay-config.js';
import { startRelay, type RunningRelay } from './start-relay.js';

// RELAY_TARGET=outbox: the relay copies one database's outbox (identity's, embedded) into another's (the write DB's).
const log = createLogger('relay-outbox-test', 'silent');
let source: TestOutboxDb;
let target: TestOutboxDb;
let config: RelayConfig;
const running: RunningRelay[] = [];

beforeAll(async () => {
  source = await outboxDb('relay_out_src');
  target = await outboxDb('relay_out_dst');
  config = relayConfigSchema.parse({
    WRITE_DATABASE_URL: source.url,
    RELAY_TARGET: 'outbox',
    RELAY_TARGET_DATABASE_URL: target.url,
    RELAY_SOURCE: 'identity',
    RELAY_BATCH_SIZE: '100',
    // Long on purpose: events must arrive because of NOTIFY, not because of the poll.
    RELAY_POLL_MS: '20000',
    RELAY_LOCK_RETRY_MS: '200',
    // The sample events are old: keep the published rows, the specs count them.
    OUTBOX_RETENTION_HOURS: '0',
  });
});
afterAll(async () => {
  for (const relay of running) await relay.close().catch(() => undefined);
  await source?.drop();
  await target?.drop();
});

async function relay(): Promise<RunningRelay> {
  const started = await startRelay(config, { log, metrics: new Registry() });
  running.push(started);
  return started;
}

async function stop(relay: RunningRelay): Promise<void> {
  running.splice(running.indexOf(relay), 1);
  await relay.close();
}

/** Every column an event is made of, as stored (the target's own position and tx_id aside), by event id. */
async function storedRows(pool: Pool, eventIds?: readonly string[]) {
  const { rows } = await pool.query<Record<string, unknown>>(
    `SELECT event_id, event_type, schema_version, aggregate_type, aggregate_id, aggregate_version, user_id, correlation_id,
            causation_id, occurred_at, payload, trace_context
       FROM outbox ${eventIds ? 'WHERE event_id = ANY($1::uuid[])' : ''} ORDER BY position`,
    eventIds ? [eventIds] : [],
  );
  return rows;
}

const countIn = async (pool: Pool) => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n;

/** A user's identity history: UserRegistered (v1), then `logins` UserLoggedIn (v2…). */
function userHistory(logins: number): AnyEvent[] {
  const userId = randomUUID();
  const base = { userId, aggregateId: userId, correlationId: `c-${userId}` };
  return [
    sampleEvent('UserRegistered', { ...base, eventId: randomUUID(), payload: { ...samplePayloads.UserRegistered, userId, email: `${userId}@example.com` } }),
    ...Array.from({ length: logins }, (_, i) =>
      sampleEvent('UserLoggedIn', { ...base, eventId: randomUUID(), aggregateVersion: i + 2, payload: { ...samplePayloads.UserLoggedIn, userId } })),
  ];
}

describe('relay to another outbox (RELAY_TARGET=outbox)', () => {
  it('refuses an outbox target without a database, or with its own database, saying which variable', () => {
    const missing = relayConfigSchema.safeParse({ WRITE_DATABASE_URL: source.url, RELAY_TARGET: 'outbox' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      expect.stringMatching(/^RELAY_TARGET_DATABASE_URL: with RELAY_TARGET=outbox, the database whose outbox receives the events/),
    ]);
    const itself = relayConfigSchema.safeParse({ WRITE_DATABASE_URL: source.url, RELAY_TARGET: 'outbox', RELAY_TARGET_DATABASE_URL: `${source.url}/` });
    expect(itself.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/another database than WRITE_DATABASE_URL/)]);
    const unknown = relayConfigSchema.safeParse({ WRITE_DATABASE_URL: source.url, RELAY_TARGET: 'redis' });
    expect(unknown.error?.issues.map((i) => i.path.join('.'))).toEqual(['RELAY_TARGET']);
    expect(relayConfigSchema.parse({ WRITE_DATABASE_URL: source.url }).RELAY_TARGET).toBe('kafka');
  });

  it('appends every event once to the target outbox, as written (ids, versions, payload, metadata), in per-aggregate order, woken by NOTIFY', async () => {
    const listener = new pg.Client({ connectionString: target.url });
    await listener.connect();
    let notified = 0;
    listener.on('notification', () => (notified += 1));
    await listener.query('LISTEN outbox');
    try {
      const started = await relay();
      const users = Array.from({ length: 30 }, () => userHistory(4));
      const events = users.flat();
      // Several transactions, the users interleaved as concurrent registrations and logins would leave them.
      for (let v = 0; v < 5; v++) {
        await withTransaction(source.pool, (tx) => appendToOutbox(tx, users.map((history) => history[v]!)));
      }
      await expect.poll(() => countIn(target.pool), { timeout: 30_000, interval: 50 }).toBe(events.length);

      const written = await storedRows(source.pool);
      const copied = await storedRows(target.pool);
      const byId = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a['event_id']).localeCompare(String(b['event_id'])));
      expect(byId(copied)).toEqual(byId(written));
      expect(new Set(copied.map((r) => r['event_id'])).size).toBe(events.length);
      // In the target's position order every user's versions still climb 1, 2, 3…
      const last = new Map<string, number>();
      for (const row of copied) {
        const id = String(row['aggregate_id']);
        expect(row['aggregate_version']).toBe((last.get(id) ?? 0) + 1);
        last.set(id, row['aggregate_version'] as number);
      }
      expect(notified, 'the target outbox_notify trigger wakes its readers').toBeGreaterThan(0);
      await expect.poll(async () => (await loadOutboxCheckpoint(source.pool, 'outbox'))?.position, { timeout: 10_000 })
        .toBe((await source.pool.query<{ p: string }>('SELECT max(position)::text AS p FROM outbox')).rows[0]!.p);
      await stop(started);
    } finally {
      await listener.end();
    }
  });

  it('republishes nothing twice: a relay that published but never checkpointed starts over, and the target keeps one row per event', async () => {
    const before = await countIn(target.pool);
    const history = userHistory(2);
    await withTransaction(source.pool, (tx) => appendToOutbox(tx, history));
    const first = await relay();
    await expect.poll(() => countIn(target.pool), { timeout: 30_000, interval: 50 }).toBe(before + history.length);
    await stop(first);
    // As if it had died after the target's commit and before its checkpoint, every time since the start.
    await source.pool.query("DELETE FROM outbox_checkpoints WHERE reader = 'outbox'");
    const second = await relay();
    const everything = (await source.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n;
    await expect.poll(async () => (await loadOutboxCheckpoint(source.pool, 'outbox'))?.position, { timeout: 30_000, interval: 50 })
      .toBe((await source.pool.query<{ p: string }>('SELECT max(position)::text AS p FROM outbox')).rows[0]!.p);
    expect(await countIn(target.pool)).toBe(before + history.length);
    expect(await countIn(target.pool)).toBe(everything);
    await stop(second);
  });
});

describe('relay to another outbox, killed (-9) mid-run and restarted', () => {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const relayMain = join(import.meta.dirname, 'main.ts');
  const children: ChildProcess[] = [];
  let crashSource: TestOutboxDb;
  let crashTarget: TestOutboxDb;
  beforeAll(async () => {
    crashSource = await outboxDb('relay_out_crash_src');
    crashTarget = await outboxDb('relay_out_crash_dst');
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await crashSource?.drop();
    await crashTarget?.drop();
  });
  const startProcess = () => {
    const env = {
      WRITE_DATABASE_URL: crashSource.url, RELAY_TARGET: 'outbox', RELAY_TARGET_DATABASE_URL: crashTarget.url, RELAY_SOURCE: 'identity',
      RELAY_BATCH_SIZE: '50', RELAY_POLL_MS: '200', RELAY_LOCK_RETRY_MS: '200', OUTBOX_RETENTION_HOURS: '0', OPS_PORT: '0', LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, ['--import', tsx, relayMain], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    return child;
  };
  const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

  it('delivers every event exactly once to the target outbox', async () => {
    const events = await fillOutbox(crashSource.pool, { aggregates: 40, versions: 50, perTransaction: 50 });
    const first = startProcess();
    await expect.poll(() => countIn(crashTarget.pool), { timeout: 60_000, interval: 5 }).toBeGreaterThan(events.length / 4);
    first.kill('SIGKILL');
    await exited(first);
    const checkpoint = await loadOutboxCheckpoint(crashSource.pool, 'outbox');
    const checkpointed = checkpoint
      ? (await crashSource.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE (tx_id, position) <= ($1::xid8, $2::bigint)', [checkpoint.txId, checkpoint.position])).rows[0]!.n
      : 0;
    const copiedAtCrash = await countIn(crashTarget.pool);
    expect(checkpointed, 'the kill should land before the relay finished').toBeLessThan(events.length);

    const second = startProcess();
    await expect.poll(() => countIn(crashTarget.pool), { timeout: 60_000, interval: 50 }).toBe(events.length);
    await expect.poll(async () => (await loadOutboxCheckpoint(crashSource.pool, 'outbox'))?.position, { timeout: 30_000, interval: 50 })
      .toBe((await crashSource.pool.query<{ p: string }>('SELECT max(position)::text AS p FROM outbox')).rows[0]!.p);
    console.info(`relay to outbox, crash: killed with ${checkpointed} checkpointed and ${copiedAtCrash} in the target (of ${events.length}); after restart ${await countIn(crashTarget.pool)}`);
    const ids = (await storedRows(crashTarget.pool)).map((r) => r['event_id']);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.eventId)));
    expect(ids.length).toBe(events.length);
    second.kill('SIGTERM');
    await exited(second);
    expect(second.exitCode).toBe(0);
  });
});
