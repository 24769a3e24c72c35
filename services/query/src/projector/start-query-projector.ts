import { join } from 'node:path';
import { createPool, ensureDatabase, migrate, migrationsFromDir } from '@mindflow/db';
import { createEventLog, projectorRuntimeOptions, runProjector, type EventLog, type ProjectorRuntimeConfig } from '@mindflow/event-log';
import { createLogger, type Logger } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import { queryProjectorConfigSchema, type QueryProjectorConfig } from './config.js';
import { queryProjection, queryReadModels } from './query-read-models.js';

export { queryProjection, queryReadModels } from './query-read-models.js';

export const queryMigrationsDir = join(import.meta.dirname, '..', '..', 'migrations');

/**
 * The query projector's PROJECTOR_CHUNK_SIZE unless set: its read models write sets, so a chunk of 500 costs
 * little more than one of 100 (events/s ×2 over 100 in BENCHMARKS.md §3; the runtime's default stays 100).
 */
export const queryChunkSize = 500;

export interface RunningQueryProjector {
  /** Resolves once the projector consumes (joined its group / holds the embedded group lock). */
  ready(): Promise<void>;
  isReady(): boolean;
  /** Not far behind the log (PROJECTOR_READY_MAX_LAG_EVENTS / _MS); false until its first lag reading. */
  isCaughtUp(): boolean;
  lag(): Promise<number>;
  close(): Promise<void>;
}

export interface QueryProjectorDependencies {
  readonly log?: Logger;
  /** Where the projector's metrics go (the ops server's registry). */
  readonly metrics?: Registry;
  /** An event log to use instead of the one the configuration describes (tests). */
  readonly eventLog?: EventLog;
}

/**
 * Keeps the read models (`journals_view`, `entries_view`, `thoughts_view`, …) in the read DB up to date
 * from the event log: migrates the read DB, then runs the `query` projection over the Kafka topics
 * (distributed) or the outbox (embedded).
 */
export async function startQueryProjector(
  input: Partial<QueryProjectorConfig & ProjectorRuntimeConfig> = {},
  dependencies: QueryProjectorDependencies = {},
): Promise<RunningQueryProjector> {
  const config = queryProjectorConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('query-projector');
  await ensureDatabase(config.READ_DATABASE_URL);
  const readPool = createPool(config.READ_DATABASE_URL, { applicationName: 'query-projector', max: 8 });
  const eventLog =
    dependencies.eventLog ??
    createEventLog({
      mode: config.MINDFLOW_MODE,
      log,
      clientId: 'query-projector',
      kafkaBrokers: config.KAFKA_BROKERS,
      kafkaTopicPrefix: config.KAFKA_TOPIC_PREFIX,
      kafkaSessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      kafkaMaxBytesPerPartition: config.KAFKA_FETCH_MAX_BYTES_PER_PARTITION,
      writeDatabaseUrl: config.WRITE_DATABASE_URL,
      readDatabaseUrl: config.READ_DATABASE_URL,
    });
  try {
    const applied = await migrate(readPool, 'query', await migrationsFromDir(queryMigrationsDir));
    if (applied.length > 0) log.info({ applied }, 'read DB migrated');
    const runtime = projectorRuntimeOptions(input);
    const projector = await runProjector({
      name: queryProjection,
      group: config.QUERY_PROJECTOR_GROUP ?? `${config.KAFKA_TOPIC_PREFIX}.query-projector`,
      eventLog,
      readPool,
      readModels: queryReadModels,
      ...runtime,
      chunkSize: runtime.chunkSize ?? queryChunkSize,
      log,
      metrics: dependencies.metrics,
    });
    let ready = false;
    let closing: Promise<void> | undefined;
    void projector.ready().then(() => {
      ready = true;
      log.info({ mode: eventLog.kind }, 'query projector consuming');
    });
    return {
      ready: () => projector.ready(),
      isReady: () => ready,
      isCaughtUp: () => projector.isCaughtUp(),
      lag: () => projector.lag(),
      close() {
        closing ??= (async () => {
          await projector.stop();
          if (!dependencies.eventLog) await eventLog.close();
          await readPool.end();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (!dependencies.eventLog) await eventLog.close().catch(() => undefined);
    await readPool.end();
    throw error;
  }
}
