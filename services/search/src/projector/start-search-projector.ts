import { createPool, ensureDatabase, migrate, migrationsFromDir } from '@mindflow/db';
import { createEventLog, projectorRuntimeOptions, runProjector, type EventLog, type ProjectorRuntimeConfig } from '@mindflow/event-log';
import { createLogger, type Logger } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import { createSearchIndex } from '../adapters/create-search-index.js';
import { searchMigrationsDir } from '../adapters/postgres/postgres-search-index.js';
import { flushBeforeCheckpoint } from '../application/flush-before-checkpoint.js';
import { PendingWrites } from '../application/pending-writes.js';
import type { SearchIndex } from '../application/search-index.js';
import { searchReadModel } from '../application/search-read-model.js';
import { searchProjectorConfigSchema, type SearchProjectorConfig } from './config.js';

/** The name the projector keeps its versions under in `projection_versions`. */
export const searchProjection = 'search';

export interface RunningSearchProjector {
  readonly index: SearchIndex;
  ready(): Promise<void>;
  isReady(): boolean;
  isCaughtUp(): boolean;
  lag(): Promise<number>;
  close(): Promise<void>;
}

export interface SearchProjectorDependencies {
  readonly log?: Logger;
  readonly metrics?: Registry;
  /** An event log to use instead of the one the configuration describes (tests). */
  readonly eventLog?: EventLog;
}

/**
 * Keeps the search index (Elasticsearch, or Postgres full-text search in the read DB) up to date from
 * the event log, with the projector runtime's guarantees: per-aggregate order, retries with backoff,
 * dead letters, lag and readiness. Index writes are bulk writes flushed before each chunk commits.
 */
export async function startSearchProjector(
  input: Partial<SearchProjectorConfig & ProjectorRuntimeConfig> = {},
  dependencies: SearchProjectorDependencies = {},
): Promise<RunningSearchProjector> {
  const config = searchProjectorConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('search-projector');
  await ensureDatabase(config.READ_DATABASE_URL);
  const readConnections = 4;
  const readPool = createPool(config.READ_DATABASE_URL, { applicationName: 'search-projector', max: readConnections });
  // The Postgres index is read and written from inside projection transactions, which hold a readPool connection
  // and the projection's advisory locks: on the same small pool, chunks waiting for those locks took every
  // connection and the holder could not get the one it needed (stall found by the fault drills). Its own pool.
  const indexPool = createPool(config.READ_DATABASE_URL, { applicationName: 'search-index', max: 4 });
  const index = createSearchIndex(config, indexPool);
  const baseLog =
    dependencies.eventLog ??
    createEventLog({
      mode: config.MINDFLOW_MODE,
      log,
      clientId: 'search-projector',
      kafkaBrokers: config.KAFKA_BROKERS,
      kafkaTopicPrefix: config.KAFKA_TOPIC_PREFIX,
      kafkaSessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      writeDatabaseUrl: config.WRITE_DATABASE_URL,
      readDatabaseUrl: config.READ_DATABASE_URL,
    });
  try {
    // The read DB holds the projection's bookkeeping (and, embedded, the index itself) in any mode.
    const applied = await migrate(readPool, 'search', await migrationsFromDir(searchMigrationsDir));
    if (applied.length > 0) log.info({ applied }, 'read DB migrated');
    await index.prepare();
    // Every connection opened before consuming: otherwise the first chunk of each partition consumed at once pays a
    // connection's set-up (tens of ms under load) inside its transaction.
    const opened = await Promise.all(Array.from({ length: readConnections }, () => readPool.connect()));
    for (const client of opened) client.release();
    // Lock keys carry the read DB schema, as the runtime's own do: a projection in another schema never waits for this one.
    const { rows } = await readPool.query<{ schema: string }>('SELECT current_schema() AS schema');
    const writes = new PendingWrites(index, { lockNamespace: `${rows[0]!.schema}:` });
    // The projection transactions run on readPool: what a failed one staged goes when its connection returns.
    writes.discardOnRelease(readPool);
    const projector = await runProjector({
      name: searchProjection,
      group: config.SEARCH_PROJECTOR_GROUP ?? `${config.KAFKA_TOPIC_PREFIX}.search-projector`,
      eventLog: flushBeforeCheckpoint(baseLog, writes),
      readPool,
      readModels: [searchReadModel(writes)],
      ...projectorRuntimeOptions(input),
      log,
      metrics: dependencies.metrics,
    });
    let ready = false;
    let closing: Promise<void> | undefined;
    void projector.ready().then(() => {
      ready = true;
      log.info({ mode: baseLog.kind, index: index.kind }, 'search projector consuming');
    });
    return {
      index,
      ready: () => projector.ready(),
      isReady: () => ready,
      isCaughtUp: () => projector.isCaughtUp(),
      lag: () => projector.lag(),
      close() {
        closing ??= (async () => {
          await projector.stop();
          if (!dependencies.eventLog) await baseLog.close();
          await index.close();
          await readPool.end();
          await indexPool.end();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (!dependencies.eventLog) await baseLog.close().catch(() => undefined);
    await index.close().catch(() => undefined);
    await readPool.end();
    await indexPool.end();
    throw error;
  }
}
