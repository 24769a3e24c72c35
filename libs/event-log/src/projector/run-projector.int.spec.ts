import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { effectsDatabase, type TestDatabase } from '../../test/test-servers.js';
import { journalHistory } from '../../test/test-events.js';
import type { EventBatch, EventLog, SubscribeOptions } from '../event-log.js';
import type { ReadModel } from './projection-handlers.js';
import { runProjector, type Projector } from './run-projector.js';
import { VersionGapError } from './version-decision.js';

// The runtime against a real read DB, fed by a log we drive by hand: batches are handed to the
// projector's `handle` exactly as an adapter would, so duplicates, gaps and overlaps are precise.

const log = createLogger('projector-test', 'silent');
let readDb: TestDatabase;
let handle: SubscribeOptions['handle'];
let projector: Projector;
let metrics: Registry;

const handLog: EventLog = {
  kind: 'embedded',
  subscribe(options) {
    handle = (batch) => options.handle(batch);
    return Promise.resolve({ ready: () => Promise.resolve(), lag: () => Promise.resolve(0), stop: () => Promise.resolve() });
  },
  deleteGroup: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

/** A read model that counts how often each journal event took effect, in order. */
const effects: ReadModel = {
  name: 'effects',
  handlers: {
    async JournalCreated(event, tx) {
      await tx.query('INSERT INTO effects (aggregate_id, version) VALUES ($1, $2)', [event.aggregateId, event.aggregateVersion]);
    },
    // JournalUpdated deliberately not handled: its versions must still be tracked.
    async JournalDeleted(event, tx) {
      await tx.query('INSERT INTO effects (aggregate_id, version) VALUES ($1, $2)', [event.aggregateId, event.aggregateVersion]);
    },
  },
};

function batchOf(events: AnyEvent[]) {
  const state = { done: -1, checkpoints: [] as number[] };
  const batch: EventBatch = {
    events,
    source: 'test',
    done: (i) => void (state.done = Math.max(state.done, i)),
    checkpointWithin: (_tx, i) => {
      state.checkpoints.push(i);
      return Promise.resolve();
    },
    heartbeat: () => Promise.resolve(),
    active: () => true,
  };
  return { batch, state };
}

const effectRows = async () =>
  (await readDb.pool.query<{ aggregate_id: string; version: number }>('SELECT aggregate_id, version FROM effects ORDER BY seq')).rows;
const counter = async (name: string) => (await metrics.getSingleMetric(name)!.get()).values.reduce((sum, v) => sum + v.value, 0);

beforeAll(async () => {
  readDb = await effectsDatabase('projector');
});
afterAll(async () => {
  await projector?.stop();
  await readDb?.drop();
});
beforeEach(async () => {
  await projector?.stop();
  await readDb.pool.query('TRUNCATE projection_versions, effects');
  metrics = new Registry();
  projector = await runProjector({ name: 'test', eventLog: handLog, readPool: readDb.pool, readModels: [effects], log, metrics, chunkSize: 3 });
});

describe('runProjector', () => {
  it('applies each event once, skipping redelivered ones, and declares the whole batch done', async () => {
    const [created, renamed] = journalHistory(2);
    const first = batchOf([created!, renamed!]);
    await handle(first.batch);
    const again = batchOf([created!, renamed!, created!]);
    await handle(again.batch);
    expect(await effectRows()).toEqual([{ aggregate_id: created!.aggregateId, version: 1 }]);
    expect(again.state.done).toBe(2);
    expect(await counter('mindflow_projector_events_applied_total')).toBe(2);
    expect(await counter('mindflow_projector_duplicates_skipped_total')).toBe(3);
  });

  it('lets a failed heartbeat (a rebalance) end the batch without counting it against the next event', async () => {
    await projector.stop();
    projector = await runProjector({ name: 'test', eventLog: handLog, readPool: readDb.pool, readModels: [effects], log, metrics, chunkSize: 1, maxAttempts: 1 });
    const [a, b] = [journalHistory(1)[0]!, journalHistory(1)[0]!];
    const { batch, state } = batchOf([a, b]);
    const rebalance = Object.assign(new Error('The group is rebalancing, so a rejoin is needed'), { type: 'REBALANCE_IN_PROGRESS' });
    let beats = 0;
    const failingOnce: EventBatch = { ...batch, heartbeat: () => ((beats += 1) === 1 ? Promise.reject(rebalance) : Promise.resolve()) };
    await expect(handle(failingOnce)).rejects.toBe(rebalance);
    expect(state.done).toBe(0);
    // Redelivered (as the log does after a rebalance), the second event applies: it was never taken for poison.
    await handle(batchOf([a, b]).batch);
    expect((await effectRows()).map((r) => r.aggregate_id)).toEqual([a.aggregateId, b.aggregateId]);
    expect(await counter('mindflow_projector_events_parked_total')).toBe(0);
  });

  it('tracks versions of event types it ignores, so later events do not look like gaps', async () => {
    const history = journalHistory(3);
    await handle(batchOf(history).batch);
    const deleted = { ...history[0]!, eventType: 'JournalDeleted', eventId: crypto.randomUUID(), aggregateVersion: 4,
      payload: { journalId: history[0]!.aggregateId, deletedAt: '2025-03-15T00:00:00.000Z' } } as AnyEvent;
    await handle(batchOf([deleted]).batch);
    expect((await effectRows()).map((r) => r.version)).toEqual([1, 4]);
  });

  it('refuses an event ahead of its aggregate, keeping everything before it (chunk falls back to single events)', async () => {
    const a = journalHistory(1);
    const b = journalHistory(3);
    const { batch, state } = batchOf([a[0]!, b[0]!, b[2]!, b[1]!]); // b v3 before v2: a gap
    await expect(handle(batch)).rejects.toBeInstanceOf(VersionGapError);
    expect(state.done).toBe(1);
    expect((await effectRows()).map((r) => r.version)).toEqual([1, 1]);
    expect(await counter('mindflow_projector_failures_total')).toBe(1);
    // Redelivered in order (as the log does after backoff), it completes.
    const retry = batchOf([b[1]!, b[2]!]);
    await handle(retry.batch);
    expect(retry.state.done).toBe(1);
    const { rows } = await readDb.pool.query('SELECT version FROM projection_versions WHERE aggregate_id = $1', [b[0]!.aggregateId]);
    expect(rows).toEqual([{ version: 3 }]);
  });

  it('announces each applied chunk on commit (projection_applied, its name), and nothing for a chunk of duplicates', async () => {
    const listener = await readDb.pool.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(`${message.channel}:${message.payload}`));
    try {
      await listener.query('LISTEN projection_applied');
      const history = journalHistory(5);
      await handle(batchOf(history).batch); // chunks of 3: two commits
      await handle(batchOf(history.slice(0, 3)).batch); // all duplicates: nothing applied, nothing announced
      await listener.query('SELECT 1'); // notifications sent so far have reached this connection
      expect(heard).toEqual(['projection_applied:test', 'projection_applied:test']);
    } finally {
      await listener.query('UNLISTEN *');
      listener.release();
    }
  });

  it('writes the checkpoint inside each projection transaction', async () => {
    const { batch, state } = batchOf(journalHistory(7));
    await handle(batch);
    expect(state.checkpoints).toEqual([2, 5, 6]); // chunks of 3
  });

  it('has exactly-once effects when two members apply the same events at once (rebalance overlap)', async () => {
    const histories = Array.from({ length: 20 }, () => journalHistory(1)[0]!);
    // A member that loses the race for an aggregate gets a transient ConcurrentProjectionError and its log
    // redelivers the batch (as both adapters do); redelivery then skips what the other member applied.
    const deliver = async (events: AnyEvent[]) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await handle(batchOf(events).batch);
        } catch (error) {
          if ((error as Error).name !== 'ConcurrentProjectionError' || attempt === 5) throw error;
        }
      }
    };
    await Promise.all([deliver(histories), deliver([...histories].reverse())]);
    const rows = await effectRows();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.aggregate_id)).size).toBe(20);
  });
});
