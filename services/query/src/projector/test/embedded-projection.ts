import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import { appendToOutbox, outboxMigrations, type ProjectorRuntimeConfig } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase } from '@mindflow/testing';
import { Registry } from 'prom-client';
import { startQueryProjector, type RunningQueryProjector } from '../start-query-projector.js';
import { whenApplied } from './progress.js';

export interface EmbeddedProjection {
  /** The read DB the projector writes. */
  readonly read: Pool;
  readonly readUrl: string;
  /** Appends events to the outbox as the command service does, one transaction each. */
  append(events: readonly AnyEvent[]): Promise<void>;
  /** Appends events in one outbox transaction: the projector reads them as one batch (set-based chunks). */
  appendTogether(events: readonly AnyEvent[]): Promise<void>;
  /** Resolves once every event appended so far is applied (versions are contiguous per aggregate). */
  caughtUp(): Promise<void>;
  /**
   * Delivers the whole log again: stops the projector, forgets its checkpoint, starts it anew, and waits
   * until it has skipped every event it had applied. Returns how many it re-applied (should be none).
   */
  redeliverEverything(): Promise<number>;
  close(): Promise<void>;
}

const log = createLogger('read-model-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

const total = async (metrics: Registry, name: string) =>
  (await metrics.getSingleMetric(name)?.get())?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;

/**
 * The query projector on the embedded event log (the outbox of a real write DB) over a real read DB:
 * a read-model handler's integration test drives events through the same runtime as production.
 */
export async function embeddedProjection(label: string, runtime: Partial<Pick<ProjectorRuntimeConfig, 'PROJECTOR_SET_BASED' | 'PROJECTOR_CHUNK_SIZE'>> = {}): Promise<EmbeddedProjection> {
  const [writeDb, readDb] = await Promise.all([createTestDatabase(`${label}_write`), createTestDatabase(`${label}_read`)]);
  const write = createPool(writeDb.url, { applicationName: `${label}-write`, max: 2 });
  const read = createPool(readDb.url, { applicationName: `${label}-read`, max: 4 });
  await migrate(write, 'command', outboxMigrations);
  const config = { MINDFLOW_MODE: 'embedded' as const, READ_DATABASE_URL: readDb.url, WRITE_DATABASE_URL: writeDb.url, ...runtime };
  const start = async (metrics: Registry) => {
    const projector = await startQueryProjector(config, { log, metrics });
    await projector.ready();
    return projector;
  };
  let metrics = new Registry();
  let projector: RunningQueryProjector = await start(metrics);
  const appended: AnyEvent[] = [];
  return {
    read,
    readUrl: readDb.url,
    async append(events) {
      for (const event of events) await withTransaction(write, (tx) => appendToOutbox(tx, [event]));
      appended.push(...events);
    },
    async appendTogether(events) {
      await withTransaction(write, (tx) => appendToOutbox(tx, events));
      appended.push(...events);
    },
    async caughtUp() {
      await whenApplied(read, appended, 30_000);
    },
    async redeliverEverything() {
      await projector.close();
      await read.query('DELETE FROM event_log_checkpoints');
      metrics = new Registry();
      projector = await start(metrics);
      const deadline = Date.now() + 30_000;
      while ((await total(metrics, 'mindflow_projector_duplicates_skipped_total')) < appended.length) {
        if (Date.now() > deadline) throw new Error('the projector did not see the whole log again within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return total(metrics, 'mindflow_projector_events_applied_total');
    },
    async close() {
      await projector.close();
      await Promise.all([write.end(), read.end()]);
      await Promise.all([writeDb.drop(), readDb.drop()]);
    },
  };
}
