import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadOutboxCheckpoint } from '@mindflow/event-log';
import { topicForAggregate } from '@mindflow/events';
import { testServers, uniqueTopicPrefix } from '@mindflow/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allArrived, checkPerAggregateOrder, collectEvents } from './test/kafka-events.js';
import { fillOutbox } from './test/sample-histories.js';
import { outboxDb, type TestOutboxDb } from './test/outbox-db.js';

const tsx = createRequire(import.meta.url).resolve('tsx');
const relayMain = join(import.meta.dirname, 'main.ts');
let db: TestOutboxDb;
let env: Record<string, string>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await outboxDb('relay_crash');
  env = {
    WRITE_DATABASE_URL: db.url,
    KAFKA_BROKERS: (await (await testServers()).kafkaBrokers()).join(','),
    KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('relay-crash'),
    // Batches small enough that the kill lands with dozens still to go.
    RELAY_BATCH_SIZE: '100',
    RELAY_POLL_MS: '200',
    RELAY_LOCK_RETRY_MS: '200',
    OPS_PORT: '0',
    LOG_LEVEL: 'warn',
  };
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.drop();
});

/** The relay as its own OS process, as in production (`main.ts` run by tsx). */
function startRelayProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', tsx, relayMain], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

it('loses nothing when the relay is killed (-9) mid-run and restarted: every event arrives at least once, in per-aggregate order', async () => {
  const events = await fillOutbox(db.pool, { aggregates: 40, versions: 100, perTransaction: 50 });
  const first = startRelayProcess();
  // Kill it a quarter of the way in, most likely while a batch is in flight (publishing is most of its time).
  const checkpointed = async () => Number((await loadOutboxCheckpoint(db.pool, 'kafka'))?.position ?? 0);
  await expect.poll(checkpointed, { timeout: 60_000, interval: 5 }).toBeGreaterThan(events.length / 4);
  first.kill('SIGKILL');
  await exited(first);
  const atCrash = await loadOutboxCheckpoint(db.pool, 'kafka');
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE (tx_id, position) <= ($1::xid8, $2::bigint)', [
    atCrash!.txId,
    atCrash!.position,
  ]);
  expect(rows[0]!.n, 'the kill should land before the relay finished').toBeLessThan(events.length);

  const second = startRelayProcess();
  const received = await collectEvents(topicForAggregate('journal', env['KAFKA_TOPIC_PREFIX']), allArrived(events.map((e) => e.eventId)), 90_000);
  const duplicates = checkPerAggregateOrder(received, new Map(events.map((e) => [e.aggregateId, 100])));
  console.info(`relay crash: killed after ${rows[0]!.n}/${events.length} checkpointed; ${received.length} received, ${duplicates} duplicates`);
  expect(new Set(received.map((r) => r.event.eventId)).size).toBe(events.length);

  second.kill('SIGTERM');
  await exited(second);
  expect(second.exitCode).toBe(0);
});
