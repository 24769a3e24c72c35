import { createPool, ensureDatabase, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { createLogger, modeSchema, port, runRole, type Logger, type RunningRole } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { KeyStore } from '@mindflow/events';
import { createEventLog } from '../create-event-log.js';
import { keyStoreConfigSchema, keyStoreDatabaseUrl, openKeyStore } from '../keys/open-key-store.js';
import type { EventLog } from '../event-log.js';
import type { ReadModel } from './projection-handlers.js';
import { projectorRuntimeConfigSchema, projectorRuntimeOptions } from './projector-runtime-config.js';
import { runProjector } from './run-projector.js';

/**
 * Every projector process's environment (docs/CONVENTIONS.md, "Configuration"): the event log, the ops port and the
 * runtime settings. A projection extends it with its database and consumer-group variables.
 */
export const projectorConfigSchema = z.object({
  MINDFLOW_MODE: modeSchema,
  /** embedded mode: the command service's DB, whose outbox is the event log. */
  WRITE_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write'),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default('mindflow'),
  /** A crashed member's partitions move to the others after this long (Kafka allows 6 s and up). */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).default(30_000),
  /** The most one Kafka fetch brings of a partition: the batches the projector cuts into chunks (BENCHMARKS.md §3). */
  KAFKA_FETCH_MAX_BYTES_PER_PARTITION: z.coerce.number().int().min(64 * 1024).default(1024 * 1024),
  OPS_PORT: port(0),
  ...projectorRuntimeConfigSchema.shape,
  /** Where the data keys are (crypto-shredding): sealed personal fields are opened with them for every read model. */
  ...keyStoreConfigSchema.shape,
});

export type ProjectorConfig = z.infer<typeof projectorConfigSchema>;

/** What a projection's `setUp` gets: its configuration, its database's pool (migrated), and where to hang clean-up. */
export interface ProjectionSetUpContext<C, D> {
  readonly config: C;
  readonly pool: Pool;
  readonly log: Logger;
  readonly metrics: Registry | undefined;
  readonly dependencies: D;
  /**
   * The key store the projection opens sealed events with: its workers seal the events they append with it too
   * (`appendToOutbox(tx, events, { keys })`, issue 16). Absent when a test hands in an event log and no `keys`.
   */
  readonly keys: KeyStore | undefined;
  /** Closes something `setUp` opened: at close (after the projector and the event log) or when start-up fails. */
  onClose: (close: () => Promise<void> | void) => void;
}

/** What a projection adds to the runtime beyond read models (search's index, insights' analysis worker). */
export interface ProjectionParts<X extends object = object> {
  readonly readModels: readonly ReadModel[];
  /** Wraps the event log the projector reads (search flushes its index writes before each checkpoint). */
  readonly eventLog?: (eventLog: EventLog) => EventLog;
  /** Runs once the projector runs (insights' analysis worker). */
  readonly start?: () => void;
  /** Runs first at close, before the projector stops. */
  readonly stop?: () => Promise<void>;
  /** More of the running projection's face (search's `index`, insights' `worker`). */
  readonly exposed?: X;
  /** Fields of the "consuming" line. */
  readonly consuming?: Record<string, unknown>;
}

/**
 * A projection as data: what it keeps and where. `startProjection` runs it (tests, benchmarks, tools) and
 * `runProjection` makes it a process (its `projector-main.ts`).
 */
export interface ProjectorDefinition<S extends typeof projectorConfigSchema = typeof projectorConfigSchema, D extends object = object, X extends object = object> {
  /** Its key in `projection_versions` and `dead_letters` (read-your-writes waits on it). */
  readonly name: string;
  /** The process: logger, pool and event-log client names, the default consumer group `<KAFKA_TOPIC_PREFIX>.<role>`. */
  readonly role: string;
  /** Its environment: `projectorConfigSchema` extended with its own variables. */
  readonly config: S;
  /** The database its read models, `projection_versions` and checkpoints live in (created when missing). */
  readonly database: (config: z.infer<S>) => string;
  /** The consumer group the configuration names, if any. */
  readonly group?: (config: z.infer<S>) => string | undefined;
  /** Its migrations: a folder of SQL files applied under a scope, or a function that applies them. */
  readonly migrations: { readonly scope: string; readonly dir: string } | ((pool: Pool) => Promise<readonly string[]>);
  /** Connections of its pool (default 8). */
  readonly poolSize?: number;
  /** PROJECTOR_CHUNK_SIZE unless set (default: the runtime's `defaultChunkSize`). */
  readonly chunkSize?: number;
  /** The read models it keeps, in the order their handlers run; or `setUp`, for a projection with more parts. */
  readonly readModels?: readonly ReadModel[];
  readonly setUp?: (context: ProjectionSetUpContext<z.infer<S>, D>) => Promise<ProjectionParts<X>> | ProjectionParts<X>;
  /** Fields of the process's "started" line besides the mode. */
  readonly startedFields?: (projection: RunningProjection<X>, config: z.infer<S>) => Record<string, unknown>;
}

export interface ProjectionDependencies {
  readonly log?: Logger;
  /** Where the projector's metrics go (the ops server's registry). */
  readonly metrics?: Registry;
  /** An event log to use instead of the one the configuration describes (tests); not closed by the projection. */
  readonly eventLog?: EventLog;
  /** A key store to use instead of the one the configuration describes (tests); not closed by the projection. */
  readonly keys?: KeyStore;
}

export interface ProjectionControls {
  /** Resolves once the projector consumes (joined its group / holds the embedded group lock). */
  ready(): Promise<void>;
  isReady(): boolean;
  /** Not far behind the log (PROJECTOR_READY_MAX_LAG_EVENTS / _MS); false until its first lag reading. */
  isCaughtUp(): boolean;
  /** Events waiting and none finished for longer than PROJECTOR_LIVE_MAX_STALL_MS: `/health/live` fails. */
  isStalled(): boolean;
  lag(): Promise<number>;
  close(): Promise<void>;
}

export type RunningProjection<X extends object = object> = ProjectionControls & X;

/**
 * Runs a projection: creates its database if missing, opens its pool and the event log (Kafka distributed, the
 * write DB's outbox embedded), migrates, sets up its parts and runs the projector over its read models. Close
 * stops the parts, the projector, the event log, what `setUp` opened, then the pool; a failed start closes them too.
 */
export async function startProjection<S extends typeof projectorConfigSchema, D extends object, X extends object>(
  definition: ProjectorDefinition<S, D, X>,
  input: Partial<z.infer<S>> = {},
  dependencies: ProjectionDependencies & D = {} as ProjectionDependencies & D,
): Promise<RunningProjection<X>> {
  const config = definition.config.parse(input);
  const log = dependencies.log ?? createLogger(definition.role);
  const database = definition.database(config);
  await ensureDatabase(database);
  // The key store opens every sealed event this projection reads (a log handed in brings its own, or none).
  const keyDatabase = dependencies.eventLog || dependencies.keys ? undefined : keyStoreDatabaseUrl(config, config.WRITE_DATABASE_URL);
  const keyStore = keyDatabase === undefined ? undefined : await openKeyStore({ ...config, databaseUrl: keyDatabase }, { log });
  const keys = dependencies.keys ?? keyStore?.keys;
  const pool = createPool(database, { applicationName: definition.role, max: definition.poolSize ?? 8 });
  const eventLog =
    dependencies.eventLog ??
    createEventLog({
      mode: config.MINDFLOW_MODE,
      log,
      clientId: definition.role,
      kafkaBrokers: config.KAFKA_BROKERS,
      kafkaTopicPrefix: config.KAFKA_TOPIC_PREFIX,
      kafkaSessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      kafkaMaxBytesPerPartition: config.KAFKA_FETCH_MAX_BYTES_PER_PARTITION,
      writeDatabaseUrl: config.WRITE_DATABASE_URL,
      readDatabaseUrl: database,
      keys,
    });
  const closers: (() => Promise<void> | void)[] = [];
  const closeOwn = async (quietly: boolean) => {
    if (!dependencies.eventLog) await (quietly ? eventLog.close().catch(() => undefined) : eventLog.close());
    for (const close of closers.reverse()) await (quietly ? Promise.resolve().then(close).catch(() => undefined) : close());
    await pool.end();
    await (quietly ? keyStore?.close().catch(() => undefined) : keyStore?.close());
  };
  try {
    const applied = await applyMigrations(definition.migrations, pool);
    if (applied.length > 0) log.info({ applied }, 'projection DB migrated');
    const parts: ProjectionParts<X> = definition.setUp
      ? await definition.setUp({ config, pool, log, metrics: dependencies.metrics, dependencies, keys, onClose: (close) => closers.push(close) })
      : { readModels: definition.readModels ?? [] };
    const runtime = projectorRuntimeOptions(config);
    const projector = await runProjector({
      name: definition.name,
      group: definition.group?.(config) ?? `${config.KAFKA_TOPIC_PREFIX}.${definition.role}`,
      eventLog: parts.eventLog ? parts.eventLog(eventLog) : eventLog,
      readPool: pool,
      readModels: parts.readModels,
      ...runtime,
      chunkSize: runtime.chunkSize ?? definition.chunkSize,
      log,
      metrics: dependencies.metrics,
    });
    parts.start?.();
    let ready = false;
    let closing: Promise<void> | undefined;
    void projector.ready().then(() => {
      ready = true;
      log.info({ mode: eventLog.kind, ...parts.consuming }, `${spaced(definition.role)} consuming`);
    });
    const controls: ProjectionControls = {
      ready: () => projector.ready(),
      isReady: () => ready,
      isCaughtUp: () => projector.isCaughtUp(),
      isStalled: () => projector.isStalled(),
      lag: () => projector.lag(),
      close() {
        closing ??= (async () => {
          await parts.stop?.();
          await projector.stop();
          await closeOwn(false);
        })();
        return closing;
      },
    };
    return { ...(parts.exposed as X), ...controls };
  } catch (error) {
    await closeOwn(true);
    throw error;
  }
}

/**
 * A projection as a process (its `projector-main.ts`): `runRole` with its configuration, `startProjection`, readiness
 * "consuming and caught up", liveness "not stopped while behind", and the started line.
 */
export function runProjection<S extends typeof projectorConfigSchema, D extends object, X extends object>(
  definition: ProjectorDefinition<S, D, X>,
): Promise<RunningRole<RunningProjection<X>>> {
  return runRole({
    name: definition.role,
    config: definition.config,
    start: (config, { log, metrics }) => startProjection(definition, config, { log, metrics } as ProjectionDependencies & D),
    closeAs: spaced(definition.role),
    ready: (projector) => ({ consuming: () => projector.isReady(), caughtUp: () => projector.isCaughtUp() }),
    // A projector that stopped consuming while behind (a Kafka consumer that cannot join or keeps crashing, a chunk
    // that hangs) is restarted by its supervisor or Kubernetes: kafkajs #1466.
    live: (projector) => ({ consuming: () => !projector.isStalled() }),
    started: {
      message: `${spaced(definition.role)} started`,
      fields: (projection, config) => ({ mode: config.MINDFLOW_MODE, ...definition.startedFields?.(projection, config) }),
    },
  });
}

async function applyMigrations(migrations: ProjectorDefinition['migrations'], pool: Pool): Promise<readonly string[]> {
  if (typeof migrations === 'function') return migrations(pool);
  return migrate(pool, migrations.scope, await migrationsFromDir(migrations.dir));
}

/** `query-projector` → `query projector`: how its log lines name it. */
const spaced = (role: string) => role.replaceAll('-', ' ');
