import { randomUUID } from 'node:crypto';
import { migrate, withTransaction, type Migration } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalHistory } from '../../../test/test-events.js';
import { eventually, testDatabase, type TestDatabase } from '../../../test/test-servers.js';
import { createEmbeddedEventLog } from '../../embedded/embedded-event-log.js';
import type { EventLog } from '../../event-log.js';
import { appendToOutbox, outboxMigrations } from '../../outbox/index.js';
import type { ReadModel } from '../projection-handlers.js';
import { runProjector, type Projector } from '../run-projector.js';
import { rebuildProjection, type ProjectionDefinition } from './rebuild-projection.js';

// A rebuild on the embedded log with a read model made of a table, an enum type, a trigger function and
// a view: rebuilt from the start while writers append and readers read, swapped in atomically, and the
// live projector goes on over the rebuilt objects.

const log = createLogger('rebuild-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
let writeDb: TestDatabase;
let readDb: TestDatabase;
let eventLog: EventLog;
let live: Projector;

const migrations: Migration[] = [{
  id: '0001-journal-names',
  sql: `CREATE TYPE name_kind AS ENUM ('first', 'renamed');
    CREATE TABLE journal_names (journal_id uuid PRIMARY KEY, name text NOT NULL, kind name_kind NOT NULL, renames int NOT NULL DEFAULT 0, stamped text);
    CREATE FUNCTION stamp_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.stamped := 'by trigger'; RETURN NEW; END $$;
    CREATE TRIGGER journal_names_stamp BEFORE INSERT OR UPDATE ON journal_names FOR EACH ROW EXECUTE FUNCTION stamp_name();
    CREATE VIEW renamed_journals AS SELECT journal_id, name FROM journal_names WHERE kind = 'renamed';
    CREATE TABLE projection_versions (projection text, aggregate_id uuid, version int NOT NULL, PRIMARY KEY (projection, aggregate_id));`,
}];
const journalNames: ReadModel = {
  name: 'journal_names',
  handlers: {
    async JournalCreated(event, tx) {
      await tx.query(`INSERT INTO journal_names (journal_id, name, kind) VALUES ($1, $2, 'first')`, [event.aggregateId, event.payload.name]);
    },
    async JournalUpdated(event, tx) {
      await tx.query(`UPDATE journal_names SET name = $2, kind = 'renamed', renames = renames + 1 WHERE journal_id = $1`, [event.aggregateId, event.payload.name]);
    },
  },
};
const definition: ProjectionDefinition = { name: 'names', readModels: [journalNames], migrationScope: 'names', migrations };

const appended: AnyEvent[] = [];
async function append(events: AnyEvent[]) {
  await withTransaction(writeDb.pool, (tx) => appendToOutbox(tx, events));
  appended.push(...events);
}
/** What journal_names must hold after everything appended. */
function expected() {
  const rows = new Map<string, { journal_id: string; name: string; kind: string; renames: number; stamped: string }>();
  for (const e of appended) {
    if (e.eventType === 'JournalCreated') rows.set(e.aggregateId, { journal_id: e.aggregateId, name: e.payload.name, kind: 'first', renames: 0, stamped: 'by trigger' });
    if (e.eventType === 'JournalUpdated') Object.assign(rows.get(e.aggregateId)!, { name: e.payload.name, kind: 'renamed', renames: rows.get(e.aggregateId)!.renames + 1 });
  }
  return [...rows.values()].sort((a, b) => a.journal_id.localeCompare(b.journal_id));
}
const rowsOf = async (schema = 'public') =>
  (await readDb.pool.query<{ journal_id: string; name: string; kind: string; renames: number; stamped: string | null }>(
    `SELECT journal_id, name, kind::text, renames, stamped FROM ${schema}.journal_names ORDER BY journal_id::text`)).rows;

beforeAll(async () => {
  [writeDb, readDb] = await Promise.all([testDatabase('rebuild_outbox'), testDatabase('rebuild_read')]);
  await migrate(writeDb.pool, 'command', outboxMigrations);
  await migrate(readDb.pool, 'names', migrations);
  eventLog = createEmbeddedEventLog({ writeDatabaseUrl: writeDb.url, readDatabaseUrl: readDb.url, log, pollMs: 100, lockRetryMs: 200, backoff: { initialMs: 20, maxMs: 100 } });
  live = await runProjector({ name: 'names', group: 'names-live', eventLog, readPool: readDb.pool, readModels: [journalNames], log });
  await live.ready();
});
afterAll(async () => {
  await live?.stop();
  await eventLog?.close();
  await Promise.all([writeDb?.drop(), readDb?.drop()]);
});

describe('rebuildProjection', () => {
  it('rebuilds from the start while writers append and readers read, swaps in atomically, and the live projector goes on', async () => {
    for (let i = 0; i < 40; i++) await append(journalHistory(5));
    await eventually('live caught up', async () => (await rowsOf()).length === 40 && (await live.lag()) === 0);
    await readDb.pool.query(`UPDATE journal_names SET name = 'corrupted by a bug'`); // what the rebuild repairs

    let writing = true;
    const readerErrors: string[] = [];
    let reads = 0;
    const writer = (async () => {
      while (writing) {
        await append(journalHistory(3));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const reader = (async () => {
      while (writing) {
        await readDb.pool.query('SELECT count(*) FROM renamed_journals').then(() => (reads += 1), (error: Error) => readerErrors.push(error.message));
      }
    })();
    const report = await rebuildProjection({
      projection: definition, eventLog, readDatabaseUrl: readDb.url, group: 'names-live', log, progressEveryMs: 500, chunkSize: 50,
    });
    await append(journalHistory(2)); // after the swap: applied by the live projector over the rebuilt tables
    writing = false;
    await Promise.all([writer, reader]);

    await eventually('live caught up after the swap', async () => JSON.stringify(await rowsOf()) === JSON.stringify(expected()), 30_000);
    expect(readerErrors).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    expect(report).toMatchObject({ liveSchema: 'public', relations: ['journal_names', 'renamed_journals'], types: ['name_kind'], functions: ['stamp_name()'] });
    expect(report.applied).toBeGreaterThanOrEqual(200);
    // The replaced objects are kept; the rebuild schema and its group are gone.
    expect((await rowsOf(report.retiredSchema)).filter((r) => r.name === 'corrupted by a bug')).toHaveLength(40);
    const schemas = (await readDb.pool.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'names_%'`)).rows.map((r) => r.nspname);
    expect(schemas).toEqual([report.retiredSchema]);
    expect((await readDb.pool.query(`SELECT 1 FROM event_log_checkpoints WHERE group_id LIKE 'names-live.rebuild-%'`)).rowCount).toBe(0);
    const { rows: versions } = await readDb.pool.query<{ n: string }>(`SELECT sum(version) AS n FROM projection_versions WHERE projection = 'names'`);
    expect(Number(versions[0]!.n)).toBe(appended.length);
    // A second rebuild finds the objects where the first one put them.
    await append([{ ...journalHistory(1)[0]!, eventId: randomUUID() }]);
    const again = await rebuildProjection({ projection: definition, eventLog, readDatabaseUrl: readDb.url, group: 'names-live', log, progressEveryMs: 500 });
    expect(again.applied).toBe(appended.length);
    await eventually('still exact', async () => JSON.stringify(await rowsOf()) === JSON.stringify(expected()));
  });
});
