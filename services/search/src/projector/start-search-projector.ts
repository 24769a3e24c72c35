import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { erasingReadModels, outboxMigrations, startProjection, type ProjectionDependencies, type ProjectorDefinition, type RunningProjection } from '@mindflow/event-log';
import { createSearchIndex } from '../adapters/create-search-index.js';
import { searchMigrationsDir } from '../adapters/postgres/postgres-search-index.js';
import { flushBeforeCheckpoint } from '../application/flush-before-checkpoint.js';
import { PendingWrites } from '../application/pending-writes.js';
import type { SearchIndex } from '../application/search-index.js';
import { searchReadModel } from '../application/search-read-model.js';
import { searchProjectorConfigSchema, type SearchProjectorConfig } from './config.js';
import { searchUserEraser } from './user-erasure.js';

/** The name the projector keeps its versions under in `projection_versions`. */
export const searchProjection = 'search';

/** The projection's read connections, all opened before it consumes. */
const readConnections = 4;

/**
 * The search projection: keeps the search index (Elasticsearch, or Postgres full-text search in the read DB) up to
 * date from the event log, with the projector runtime's guarantees: per-aggregate order, retries with backoff, dead
 * letters, lag and readiness. Index writes are bulk writes flushed before each chunk commits.
 */
export const searchProjector = {
  name: searchProjection,
  role: 'search-projector',
  config: searchProjectorConfigSchema,
  database: (config) => config.READ_DATABASE_URL,
  group: (config) => config.SEARCH_PROJECTOR_GROUP,
  // The read DB holds the projection's bookkeeping (and, embedded, the index itself) in any mode, and its outbox.
  migrations: migrateSearchDatabase,
  // One bulk write per chunk: 500 documents a request instead of the runtime's 100 halve what each event costs in
  // requests and bookkeeping statements (3,000 events: 1,128 → 1,687 events/s into Elasticsearch, back to back at
  // load 10; BENCHMARKS.md §6). A chunk is only as large as what the log has at hand, so a quiet system still
  // writes each event as it comes.
  chunkSize: 500,
  poolSize: readConnections,
  async setUp({ config, pool, onClose }) {
    // The Postgres index is read and written from inside projection transactions, which hold a pool connection and
    // the projection's advisory locks: on the same small pool, chunks waiting for those locks took every connection
    // and the holder could not get the one it needed (stall found by the fault drills). Its own pool.
    const indexPool = createPool(config.READ_DATABASE_URL, { applicationName: 'search-index', max: 4 });
    onClose(() => indexPool.end());
    const index = createSearchIndex(config, indexPool);
    onClose(() => index.close());
    await index.prepare();
    // Every connection opened before consuming: otherwise the first chunk of each partition consumed at once pays a
    // connection's set-up (tens of ms under load) inside its transaction.
    const opened = await Promise.all(Array.from({ length: readConnections }, () => pool.connect()));
    for (const client of opened) client.release();
    // Lock keys carry the read DB schema, as the runtime's own do: a projection in another schema never waits for this one.
    const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
    const writes = new PendingWrites(index, { lockNamespace: `${rows[0]!.schema}:` });
    // The projection transactions run on the pool: what a failed one staged goes when its connection returns.
    writes.discardOnRelease(pool);
    return {
      // Each skips events of erased users; the last erases a user and acknowledges (issue 16, user-erasure.ts).
      readModels: erasingReadModels([searchReadModel(writes)], searchUserEraser(searchProjection, index, writes)),
      eventLog: (eventLog) => flushBeforeCheckpoint(eventLog, writes),
      exposed: { index },
      consuming: { index: index.kind },
    };
  },
  startedFields: (projector) => ({ index: projector.index.kind }),
} satisfies ProjectorDefinition<typeof searchProjectorConfigSchema, object, { index: SearchIndex }>;

/**
 * The read DB as the search projection needs it: the outbox (scope `command`, shared with the query projection: the
 * erasure's UserDataErased, published by the query relay; issue 16), then the search tables (scope `search`).
 */
export async function migrateSearchDatabase(pool: Pool): Promise<string[]> {
  const outbox = await migrate(pool, 'command', outboxMigrations);
  const own = await migrate(pool, 'search', await migrationsFromDir(searchMigrationsDir));
  return [...outbox, ...own];
}

export type RunningSearchProjector = RunningProjection<{ readonly index: SearchIndex }>;
export type SearchProjectorDependencies = ProjectionDependencies;

/** Runs the search projection (tests, benchmarks; its process is `projector-main.ts`). */
export const startSearchProjector = (input: Partial<SearchProjectorConfig> = {}, dependencies: SearchProjectorDependencies = {}): Promise<RunningSearchProjector> =>
  startProjection(searchProjector, input, dependencies);
