import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { interleave, journalHistory } from '../../../test/test-events.js';
import { effectsDatabase, type TestDatabase } from '../../../test/test-servers.js';
import type { UnreadablePolicy } from '../../dead-letter.js';
import type { EventBatch, EventLog, SubscribeOptions } from '../../event-log.js';
import type { ReadModel } from '../projection-handlers.js';
import { runProjector, type Projector } from '../run-projector.js';
import { redriveDeadLetters } from './redrive.js';

// Dead letters against a real read DB, fed by a log we drive by hand the way an adapter does: a failed
// batch is handed over again from its first event not done (the adapter's backoff is left out).

const log = createLogger('dead-letters-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
let readDb: TestDatabase;
let subscribed: SubscribeOptions;
let projector: Projector;
let metrics: Registry;
const broken = new Set<string>(); // event ids the handler refuses (a bug)
let transientFailures = 0; // the next calls fail as a deadlock would

const handLog: EventLog = {
  kind: 'embedded',
  subscribe(options) {
    subscribed = options;
    return Promise.resolve({ ready: () => Promise.resolve(), lag: () => Promise.resolve(0), stop: () => Promise.resolve() });
  },
  deleteGroup: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

async function record(event: AnyEvent, tx: { query: (q: string, v: unknown[]) => Promise<unknown> }) {
  if (transientFailures > 0) {
    transientFailures -= 1;
    throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
  }
  if (broken.has(event.eventId)) throw new Error(`handler bug on ${event.eventType} v${event.aggregateVersion}`);
  await tx.query('INSERT INTO effects (aggregate_id, version) VALUES ($1, $2)', [event.aggregateId, event.aggregateVersion]);
}
const effects: ReadModel = { name: 'effects', handlers: { JournalCreated: record, JournalUpdated: record } };

/** Delivers `events` like an adapter: after a failure, again from the first event not done; returns the failures. */
async function deliver(events: readonly AnyEvent[], maxRounds = 20): Promise<number> {
  let remaining = [...events];
  let failures = 0;
  for (let round = 0; remaining.length > 0 && round < maxRounds; round++) {
    let done = -1;
    const batch: EventBatch = {
      events: remaining, source: 'hand', done: (i) => void (done = Math.max(done, i)),
      checkpointWithin: () => Promise.resolve(), heartbeat: () => Promise.resolve(), active: () => true,
    };
    try {
      await subscribed.handle(batch);
    } catch {
      failures += 1;
    }
    remaining = remaining.slice(done + 1);
  }
  return failures;
}

const versionsOf = (rows: { aggregate_id: string; version: number }[], id: string) => rows.filter((r) => r.aggregate_id === id).map((r) => r.version);
const effectRows = async () =>
  (await readDb.pool.query<{ aggregate_id: string; version: number }>('SELECT aggregate_id, version FROM effects ORDER BY seq')).rows;
const letters = async () =>
  (await readDb.pool.query<{ aggregate_id: string | null; version: number | null; reason: string; attempts: number; error: string | null; raw: Buffer | null }>(
    'SELECT aggregate_id, version, reason, attempts, error, raw FROM dead_letters ORDER BY id')).rows;
const storedVersion = async (id: string) =>
  (await readDb.pool.query<{ version: number }>('SELECT version FROM projection_versions WHERE aggregate_id = $1', [id])).rows[0]?.version;
const parkedCount = async (reason: string) =>
  (await metrics.getSingleMetric('mindflow_projector_events_parked_total')!.get()).values.filter((v) => v.labels['reason'] === reason).reduce((s, v) => s + v.value, 0);
const redrive = () => redriveDeadLetters({ projection: 'test', readPool: readDb.pool, readModels: [effects], log });

beforeAll(async () => {
  readDb = await effectsDatabase('deadletters');
});
afterAll(async () => {
  await projector?.stop();
  await readDb?.drop();
});
beforeEach(async () => {
  await projector?.stop();
  broken.clear();
  transientFailures = 0;
  metrics = new Registry();
  projector = await runProjector({ name: 'test', eventLog: handLog, readPool: readDb.pool, readModels: [effects], log, metrics, chunkSize: 4, maxAttempts: 3 });
  await readDb.pool.query('TRUNCATE projection_versions, effects, dead_letters');
});

describe('dead letters', () => {
  it('parks a poison event with the later events of its aggregate, keeps serving the others, and a redrive after the fix applies them in order', async () => {
    const a = journalHistory(4);
    const b = journalHistory(3);
    broken.add(a[1]!.eventId);
    expect(await deliver(interleave([a, b]))).toBe(2); // attempts 1 and 2 fail; the 3rd parks

    let rows = await effectRows();
    expect(versionsOf(rows, a[0]!.aggregateId)).toEqual([1]);
    expect(versionsOf(rows, b[0]!.aggregateId)).toEqual([1, 2, 3]);
    expect(await letters()).toMatchObject([
      { aggregate_id: a[0]!.aggregateId, version: 2, reason: 'poison', attempts: 3, error: 'Error: handler bug on JournalUpdated v2' },
      { aggregate_id: a[0]!.aggregateId, version: 3, reason: 'held', attempts: 0 },
      { aggregate_id: a[0]!.aggregateId, version: 4, reason: 'held', attempts: 0 },
    ]);
    expect(await storedVersion(a[0]!.aggregateId)).toBe(1); // the last good version
    expect([await parkedCount('poison'), await parkedCount('held')]).toEqual([1, 2]);

    // Later events of the parked aggregate go straight to the parked set; a redelivered old one stays a duplicate.
    const [a5] = journalHistory(5, a[0]!.aggregateId).slice(4);
    expect(await deliver([a[0]!, a[2]!, a5!])).toBe(0);
    expect((await letters()).map((l) => l.version)).toEqual([2, 3, 4, 5]);

    // Still broken: the redrive leaves everything parked, with the new error counted on the first letter.
    expect(await redrive()).toMatchObject({ applied: 0, stillParked: 4, aggregatesStillParked: 1 });
    expect((await letters())[0]).toMatchObject({ version: 2, attempts: 4, error: 'Error: handler bug on JournalUpdated v2' });

    broken.clear(); // the fix is deployed
    expect(await redrive()).toMatchObject({ applied: 4, skipped: 0, stillParked: 0, aggregatesCleared: 1 });
    rows = await effectRows();
    expect(versionsOf(rows, a[0]!.aggregateId)).toEqual([1, 2, 3, 4, 5]);
    expect(await letters()).toEqual([]);
    expect(await storedVersion(a[0]!.aggregateId)).toBe(5);
    const [a6] = journalHistory(6, a[0]!.aggregateId).slice(5);
    await deliver([a6!]);
    expect(versionsOf(await effectRows(), a[0]!.aggregateId)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('never parks for transient failures or version gaps: those are retried', async () => {
    const a = journalHistory(2);
    transientFailures = 6;
    expect(await deliver(a)).toBeGreaterThanOrEqual(3);
    expect(versionsOf(await effectRows(), a[0]!.aggregateId)).toEqual([1, 2]);

    const gap = journalHistory(3).slice(2); // v3 of an aggregate never seen
    expect(await deliver(gap, 6)).toBe(6);
    expect(await letters()).toEqual([]);
  });

  it('parks unreadable messages: behind them the later events of their aggregate when it is known, nothing when it is not', async () => {
    const policy = subscribed.unreadable as UnreadablePolicy;
    const c = journalHistory(2);
    // c v1 arrived unreadable for this build (it will parse after an upgrade: the bytes are a valid envelope).
    await policy.park({
      source: 'topic/0', position: 'topic/0/7', raw: Buffer.from(JSON.stringify(c[0])), error: new Error('unsupported schema version'), attempts: 3,
      aggregateId: c[0]!.aggregateId, aggregateVersion: 1, eventType: 'JournalCreated', eventId: c[0]!.eventId,
    });
    await policy.park({ source: 'topic/1', position: 'topic/1/9', raw: Buffer.from('\u0000garbage'), error: new Error('value is not JSON'), attempts: 3 });
    await policy.park({ source: 'topic/1', position: 'topic/1/9', raw: Buffer.from('\u0000garbage'), error: new Error('value is not JSON'), attempts: 3 }); // redelivered
    const other = journalHistory(1);
    await deliver([c[1]!, ...other]);

    expect(await letters()).toMatchObject([
      { aggregate_id: c[0]!.aggregateId, version: 1, reason: 'unreadable' },
      { aggregate_id: null, version: null, reason: 'unreadable', raw: Buffer.from('\u0000garbage') },
      { aggregate_id: c[0]!.aggregateId, version: 2, reason: 'held' },
    ]);
    expect(versionsOf(await effectRows(), other[0]!.aggregateId)).toEqual([1]);

    // An unreadable message of a version already applied is a duplicate, not a dead letter.
    await policy.park({ source: 'topic/2', position: 'topic/2/1', raw: null, error: new Error('x'), attempts: 3, aggregateId: other[0]!.aggregateId, aggregateVersion: 1 });
    expect(await letters()).toHaveLength(3);

    expect(await redrive()).toMatchObject({ applied: 2, stillParked: 1, aggregatesCleared: 1 });
    expect(versionsOf(await effectRows(), c[0]!.aggregateId)).toEqual([1, 2]);
    expect(await letters()).toMatchObject([{ aggregate_id: null, attempts: 4 }]);
  });
});
