import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { createLogger, type Logger } from '@mindflow/platform';
import { createTestDatabase } from '@mindflow/testing';
import { Registry } from 'prom-client';
import { devMasterKey, keyStoreMigrations, MasterKeyWrapper, PgKeyStore } from '../../keys/index.js';
import { appendToOutbox, outboxMigrations } from '../../outbox/index.js';
import type { ProjectionControls } from '../start-projection.js';

/** The configuration a projection under test runs with: embedded, over its own write and read DBs. */
export interface EmbeddedProjectionConfig {
  readonly MINDFLOW_MODE: 'embedded';
  readonly READ_DATABASE_URL: string;
  readonly WRITE_DATABASE_URL: string;
}

export interface EmbeddedProjection<R extends ProjectionControls> {
  /** The read DB the projector writes, and the write DB whose outbox is its log. */
  readonly read: Pool;
  readonly readUrl: string;
  readonly write: Pool;
  /** The projection running now (a restart starts another). */
  projector: () => R;
  /** The key store the projection opens sealed events with (the write DB's `user_data_keys`, the dev master key). */
  readonly keys: PgKeyStore;
  /** Appends events to the outbox as the command service does, one transaction each, personal fields sealed. */
  append: (events: readonly AnyEvent[]) => Promise<void>;
  /** Appends events in one outbox transaction: the projector reads them as one batch (set-based chunks). */
  appendTogether: (events: readonly AnyEvent[]) => Promise<void>;
  /** Resolves once every event appended so far is applied (versions are contiguous per aggregate: their sum counts them). */
  caughtUp: () => Promise<void>;
  /** Waits until the projection has applied `version` of the aggregate. */
  versionApplied: (aggregateId: string, version: number) => Promise<void>;
  /** Stops the projector, runs `meanwhile` (e.g. forgets some of its bookkeeping), forgets its checkpoint and starts it anew. */
  restart: (meanwhile?: () => Promise<void>) => Promise<void>;
  /**
   * Delivers the whole log again: restarts with the checkpoint forgotten, and waits until it has skipped every
   * event it had applied. Returns how many it re-applied (should be none).
   */
  redeliverEverything: () => Promise<number>;
  close: () => Promise<void>;
}

export interface EmbeddedProjectionOptions<R extends ProjectionControls> {
  /** Its name in `projection_versions`. */
  readonly projection: string;
  /** Starts it (`startQueryProjector`, …) with the test DBs' configuration. */
  readonly start: (config: EmbeddedProjectionConfig, dependencies: { log: Logger; metrics: Registry }) => Promise<R>;
  readonly readConnections?: number;
  /** Runs once the projection is closed, before the databases are dropped (e.g. deleting an Elasticsearch index). */
  readonly cleanUp?: () => Promise<void>;
}

const log = createLogger('projection-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

const total = async (metrics: Registry, name: string) =>
  (await metrics.getSingleMetric(name)?.get())?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;

async function poll(done: () => Promise<boolean>, failure: () => Promise<string>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(await failure());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A projection on the embedded event log (the outbox of a real write DB) over a real read DB: a read model's
 * integration test drives events through the same runtime as production.
 */
export async function embeddedProjection<R extends ProjectionControls>(label: string, options: EmbeddedProjectionOptions<R>): Promise<EmbeddedProjection<R>> {
  const [writeDb, readDb] = await Promise.all([createTestDatabase(`${label}_write`), createTestDatabase(`${label}_read`)]);
  const write = createPool(writeDb.url, { applicationName: `${label}-write`, max: 2 });
  const read = createPool(readDb.url, { applicationName: `${label}-read`, max: options.readConnections ?? 4 });
  await migrate(write, 'command', outboxMigrations);
  await migrate(write, 'keys', keyStoreMigrations);
  const keys = new PgKeyStore(write, MasterKeyWrapper.fromBase64(devMasterKey));
  const config: EmbeddedProjectionConfig = { MINDFLOW_MODE: 'embedded', READ_DATABASE_URL: readDb.url, WRITE_DATABASE_URL: writeDb.url };
  let metrics = new Registry();
  const start = async () => {
    metrics = new Registry();
    const started = await options.start(config, { log, metrics });
    await started.ready();
    return started;
  };
  let projector = await start();
  const appended: AnyEvent[] = [];
  // The table appears with the first migration or chunk.
  const applied = async () =>
    Number((await read.query<{ n: string | null }>('SELECT sum(version) AS n FROM projection_versions WHERE projection = $1', [options.projection]).catch(() => ({ rows: [] }))).rows[0]?.n ?? 0);
  const versionOf = async (aggregateId: string) =>
    (await read.query<{ version: number }>('SELECT version FROM projection_versions WHERE projection = $1 AND aggregate_id = $2', [options.projection, aggregateId])).rows[0]?.version;
  const restart = async (meanwhile?: () => Promise<void>) => {
    await projector.close();
    await meanwhile?.();
    await read.query('DELETE FROM event_log_checkpoints');
    projector = await start();
  };
  return {
    read,
    readUrl: readDb.url,
    write,
    projector: () => projector,
    keys,
    async append(events) {
      for (const event of events) await withTransaction(write, (tx) => appendToOutbox(tx, [event], { keys }));
      appended.push(...events);
    },
    async appendTogether(events) {
      await withTransaction(write, (tx) => appendToOutbox(tx, events, { keys }));
      appended.push(...events);
    },
    caughtUp: () => poll(async () => (await applied()) >= appended.length, async () => `${options.projection} projection applied ${await applied()} of ${appended.length} events within 30 s`),
    versionApplied: (aggregateId, version) =>
      poll(async () => (await versionOf(aggregateId)) === version, async () => `${options.projection} projection did not apply version ${version} of ${aggregateId} within 30 s (at ${await versionOf(aggregateId)})`),
    restart,
    async redeliverEverything() {
      await restart();
      await poll(async () => (await total(metrics, 'mindflow_projector_duplicates_skipped_total')) >= appended.length, () => Promise.resolve('the projector did not see the whole log again within 30 s'));
      return total(metrics, 'mindflow_projector_events_applied_total');
    },
    async close() {
      await projector.close();
      await options.cleanUp?.();
      await Promise.all([write.end(), read.end()]);
      await Promise.all([writeDb.drop(), readDb.drop()]);
    },
  };
}
