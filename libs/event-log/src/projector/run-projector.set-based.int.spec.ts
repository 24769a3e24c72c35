import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../test/test-servers.js';
import { interleave, journalHistory } from '../../test/test-events.js';
import type { EventBatch, EventLog, SubscribeOptions } from '../event-log.js';
import type { ReadModel } from './projection-handlers.js';
import { runProjector, type Projector } from './run-projector.js';

// The runtime's set-based path, against a real read DB and a log driven by hand (as in
// run-projector.int.spec.ts): a read model with batch handlers, a chunk holding many events of a type.

const log = createLogger('projector-test', 'silent');
let readDb: TestDatabase;
let handle: SubscribeOptions['handle'];
let projector: Projector;
const calls = { batch: [] as number[], single: 0 };

const handLog: EventLog = {
  kind: 'embedded',
  subscribe(options) {
    handle = (batch) => options.handle(batch);
    return Promise.resolve({ ready: () => Promise.resolve(), lag: () => Promise.resolve(0), stop: () => Promise.resolve() });
  },
  deleteGroup: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

const poisonous = (event: AnyEvent) => event.eventType === 'JournalUpdated' && event.payload.name === 'poison';

/** Records each journal event's effect; an update named `poison` fails, alone or in a set. */
const effects: ReadModel = {
  name: 'effects',
  handlers: {
    async JournalCreated(event, tx) {
      calls.single += 1;
      await tx.query('INSERT INTO effects (aggregate_id, version) VALUES ($1, $2)', [event.aggregateId, event.aggregateVersion]);
    },
    async JournalUpdated(event, tx) {
      calls.single += 1;
      if (poisonous(event)) throw new Error('poison');
      await tx.query('INSERT INTO effects (aggregate_id, version) VALUES ($1, $2)', [event.aggregateId, event.aggregateVersion]);
    },
  },
  batchHandlers: {
    async JournalCreated(events, tx) {
      calls.batch.push(events.length);
      await tx.query('INSERT INTO effects (aggregate_id, version) SELECT * FROM unnest($1::uuid[], $2::int[])', [
        events.map((e) => e.aggregateId), events.map((e) => e.aggregateVersion)]);
    },
    async JournalUpdated(events, tx) {
      calls.batch.push(events.length);
      if (events.some(poisonous)) throw new Error('poison');
      await tx.query('INSERT INTO effects (aggregate_id, version) SELECT * FROM unnest($1::uuid[], $2::int[])', [
        events.map((e) => e.aggregateId), events.map((e) => e.aggregateVersion)]);
    },
  },
};

function batchOf(events: readonly AnyEvent[]) {
  const state = { done: -1 };
  const batch: EventBatch = {
    events,
    source: 'test',
    done: (i) => void (state.done = Math.max(state.done, i)),
    checkpointWithin: () => Promise.resolve(),
    heartbeat: () => Promise.resolve(),
    active: () => true,
  };
  return { batch, state };
}

/** Delivers as an adapter does: after a failure, again from the first event not declared done. */
async function deliverUntilDone(events: readonly AnyEvent[]): Promise<number> {
  let rest = events;
  let failures = 0;
  while (rest.length > 0) {
    const { batch, state } = batchOf(rest);
    try {
      await handle(batch);
    } catch {
      failures += 1;
      if (failures > 20) throw new Error('still failing after 20 deliveries');
    }
    rest = rest.slice(state.done + 1);
  }
  return failures;
}

const effectRows = async () =>
  (await readDb.pool.query<{ aggregate_id: string; version: number }>('SELECT aggregate_id, version FROM effects ORDER BY aggregate_id, version')).rows;
const sorted = (rows: { aggregate_id: string; version: number }[]) =>
  [...rows].sort((a, b) => a.aggregate_id.localeCompare(b.aggregate_id) || a.version - b.version);

beforeAll(async () => {
  readDb = await testDatabase('projector_set_based');
  await readDb.pool.query(`
    CREATE TABLE projection_versions (projection text, aggregate_id uuid, version int NOT NULL, PRIMARY KEY (projection, aggregate_id));
    CREATE TABLE effects (aggregate_id uuid NOT NULL, version int NOT NULL, PRIMARY KEY (aggregate_id, version));`);
});
afterAll(async () => {
  await projector?.stop();
  await readDb?.drop();
});
beforeEach(async () => {
  await projector?.stop();
  await readDb.pool.query('TRUNCATE projection_versions, effects');
  await readDb.pool.query('DELETE FROM dead_letters').catch(() => undefined);
  calls.batch = [];
  calls.single = 0;
  projector = await runProjector({ name: 'test', eventLog: handLog, readPool: readDb.pool, readModels: [effects], log, metrics: new Registry(), chunkSize: 50, maxAttempts: 2 });
});

describe('runProjector, set-based', () => {
  it('writes a chunk\'s events of a type in one call per wave, keeping each aggregate\'s order', async () => {
    const histories = Array.from({ length: 10 }, () => journalHistory(3));
    await deliverUntilDone(interleave(histories));
    // Wave 1: ten creations; waves 2 and 3: ten updates each. No event went one by one.
    expect(calls.batch).toEqual([10, 10, 10]);
    expect(calls.single).toBe(0);
    expect(await effectRows()).toEqual(sorted(histories.flat().map((e) => ({ aggregate_id: e.aggregateId, version: e.aggregateVersion }))));
  });

  it('applies nothing twice when a chunk is redelivered, whole or overlapping', async () => {
    const events = interleave(Array.from({ length: 8 }, () => journalHistory(2)));
    await deliverUntilDone(events);
    const once = await effectRows();
    await deliverUntilDone(events); // the same chunk again
    await deliverUntilDone([...events.slice(5), ...interleave([journalHistory(2)])]); // a tail of it with new events
    const rows = await effectRows();
    expect(rows.filter((r) => once.some((o) => o.aggregate_id === r.aggregate_id))).toEqual(once);
    expect(rows).toHaveLength(once.length + 2); // the effects primary key would have refused a second effect
  });

  it('parks only a poison event and its aggregate\'s later events; its neighbours in the chunk apply', async () => {
    const healthy = Array.from({ length: 6 }, () => journalHistory(3));
    const sick = journalHistory(4);
    sick[1] = { ...sick[1]!, payload: { ...(sick[1]!.payload as object), name: 'poison' } } as AnyEvent;
    const failures = await deliverUntilDone(interleave([...healthy.slice(0, 3), sick, ...healthy.slice(3)]));
    expect(failures).toBe(1); // once alone (after halving), then parked at its second attempt (maxAttempts 2)
    const expected = [...healthy.flat(), sick[0]!].map((e) => ({ aggregate_id: e.aggregateId, version: e.aggregateVersion }));
    expect(await effectRows()).toEqual(sorted(expected));
    const { rows: letters } = await readDb.pool.query('SELECT aggregate_id, version, reason FROM dead_letters ORDER BY id');
    expect(letters).toEqual([
      { aggregate_id: sick[0]!.aggregateId, version: 2, reason: 'poison' },
      { aggregate_id: sick[0]!.aggregateId, version: 3, reason: 'held' },
      { aggregate_id: sick[0]!.aggregateId, version: 4, reason: 'held' },
    ]);
    const { rows: versions } = await readDb.pool.query('SELECT version FROM projection_versions WHERE aggregate_id = $1', [sick[0]!.aggregateId]);
    expect(versions).toEqual([{ version: 1 }]);
  });
});
