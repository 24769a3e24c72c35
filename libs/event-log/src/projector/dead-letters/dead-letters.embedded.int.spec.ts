import { migrate, withTransaction } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalHistory } from '../../../test/test-events.js';
import { effectsDatabase, eventually, testDatabase, type TestDatabase } from '../../../test/test-servers.js';
import { createEmbeddedEventLog } from '../../embedded/embedded-event-log.js';
import type { EventLog } from '../../event-log.js';
import { appendToOutbox, outboxMigrations } from '../../outbox/index.js';
import type { ReadModel } from '../projection-handlers.js';
import { runProjector, type Projector } from '../run-projector.js';

// The embedded log (the outbox as a log): a row no schema accepts is parked after its attempts, with its
// aggregate known from the row's columns, and the later events of that aggregate are held behind it.

const log = createLogger('dead-letters-embedded-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
let writeDb: TestDatabase;
let readDb: TestDatabase;
let eventLog: EventLog;
let projector: Projector;

const record = async (event: AnyEvent, tx: { query: (q: string, v: unknown[]) => Promise<unknown> }) => {
  await tx.query('INSERT INTO effects (aggregate_id, version) VALUES ($1, $2)', [event.aggregateId, event.aggregateVersion]);
};
const effects: ReadModel = { name: 'effects', handlers: { JournalCreated: record, JournalUpdated: record } };
const append = (events: AnyEvent[]) => withTransaction(writeDb.pool, (tx) => appendToOutbox(tx, events));

beforeAll(async () => {
  [writeDb, readDb] = await Promise.all([testDatabase('dl_outbox'), effectsDatabase('dl_read')]);
  await migrate(writeDb.pool, 'command', outboxMigrations);
  eventLog = createEmbeddedEventLog({
    writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, log, pollMs: 100, lockRetryMs: 200, backoff: { initialMs: 20, maxMs: 100 },
  });
  projector = await runProjector({ name: 'effects', eventLog, readPool: readDb.pool, readModels: [effects], log, maxAttempts: 3 });
  await projector.ready();
});
afterAll(async () => {
  await projector?.stop();
  await eventLog?.close();
  await Promise.all([writeDb?.drop(), readDb?.drop()]);
});

describe('dead letters on the embedded log', () => {
  it('parks an outbox row that does not parse, holds its aggregate\'s later events behind it, and goes on with the others', async () => {
    const e = journalHistory(3);
    const f = journalHistory(1);
    const broken = { ...e[1]!, payload: { journalId: e[0]!.aggregateId, name: 42 } } as unknown as AnyEvent; // no schema accepts it
    await append([e[0]!]);
    await append([broken]);
    await append([e[2]!]);
    await append(f);

    await eventually('f applied and e parked', async () =>
      (await readDb.pool.query('SELECT 1 FROM effects WHERE aggregate_id = $1', [f[0]!.aggregateId])).rowCount === 1);
    const { rows } = await readDb.pool.query<{ version: number; reason: string; attempts: number; event_type: string; raw: Buffer | null }>(
      'SELECT version, reason, attempts, event_type, raw FROM dead_letters WHERE aggregate_id = $1 ORDER BY id', [e[0]!.aggregateId]);
    expect(rows.map((r) => [r.version, r.reason])).toEqual([[2, 'unreadable'], [3, 'held']]);
    expect(rows[0]).toMatchObject({ attempts: 3, event_type: 'JournalUpdated' });
    expect(JSON.parse(rows[0]!.raw!.toString())).toHaveProperty('payload', { journalId: e[0]!.aggregateId, name: 42 });
    const applied = await readDb.pool.query('SELECT version FROM effects WHERE aggregate_id = $1', [e[0]!.aggregateId]);
    expect(applied.rows).toEqual([{ version: 1 }]);
    await eventually('no lag', async () => (await projector.lag()) === 0);
  });
});
