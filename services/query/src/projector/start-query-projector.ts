import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { erasingReadModels, outboxMigrations, startProjection, type ProjectionDependencies, type ProjectorDefinition, type RunningProjection } from '@mindflow/event-log';
import { queryProjectorConfigSchema, type QueryProjectorConfig } from './config.js';
import { queryProjection, queryReadModels as keptReadModels } from './query-read-models.js';
import { queryUserEraser } from './user-erasure.js';

export { queryProjection } from './query-read-models.js';

/**
 * The query projection's read models as the runtime, rebuilds and redrives run them: each skips events of erased
 * users, and a last one erases a user on UserErasureRequested (issue 16, user-erasure.ts).
 */
export const queryReadModels = erasingReadModels(keptReadModels, queryUserEraser);

export const queryMigrationsDir = join(import.meta.dirname, '..', '..', 'migrations');

/**
 * The query projection: keeps the read models (`journals_view`, `entries_view`, `thoughts_view`, …) in the read DB
 * up to date from the event log (Kafka topics distributed, the outbox embedded). Its read models write sets, so a
 * chunk of 500 costs little more than one of 100 (events/s ×2 over 100 in BENCHMARKS.md §3; the runtime's default
 * stays 100).
 */
export const queryProjector = {
  name: queryProjection,
  role: 'query-projector',
  config: queryProjectorConfigSchema,
  database: (config) => config.READ_DATABASE_URL,
  group: (config) => config.QUERY_PROJECTOR_GROUP,
  migrations: migrateQueryDatabase,
  chunkSize: 500,
  readModels: queryReadModels,
} satisfies ProjectorDefinition<typeof queryProjectorConfigSchema>;

/**
 * The read DB: the outbox (scope `command`, as every service's; issue 16: the projection's UserDataErased, written in
 * the erasure's transaction, published by the query relay), then the read models (scope `query`). A rebuild applies
 * only the read models to its schema: its acknowledgements land in the live outbox (search_path), one row per receipt.
 */
export async function migrateQueryDatabase(pool: Pool): Promise<string[]> {
  const outbox = await migrate(pool, 'command', outboxMigrations);
  const own = await migrate(pool, 'query', await migrationsFromDir(queryMigrationsDir));
  return [...outbox, ...own];
}

export type RunningQueryProjector = RunningProjection;
export type QueryProjectorDependencies = ProjectionDependencies;

/** Runs the query projection (tests, benchmarks, tools; its process is `projector-main.ts`). */
export const startQueryProjector = (input: Partial<QueryProjectorConfig> = {}, dependencies: QueryProjectorDependencies = {}): Promise<RunningQueryProjector> =>
  startProjection(queryProjector, input, dependencies);
