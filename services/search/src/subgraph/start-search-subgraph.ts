import { join } from 'node:path';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { createLogger, type Logger } from '@mindflow/platform';
import { buildSchema, startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@mindflow/subgraph';
import type { GraphQLSchema } from 'graphql';
import { createSearchIndex } from '../adapters/create-search-index.js';
import { searchMigrationsDir } from '../adapters/postgres/postgres-search-index.js';
import { searchedAggregateTypes } from '../application/search-read-model.js';
import type { SearchIndex } from '../application/search-index.js';
import { searchProjection } from '../projector/start-search-projector.js';
import { searchSubgraphConfigSchema, type SearchSubgraphConfig } from './config.js';
import { buildContext, type SearchContext } from './context.js';
import { unauthenticated } from './errors.js';
import { resolvers } from './resolvers.js';

/** The SDL file, which the gateway's composition reads too. */
export const searchSchemaPath = join(import.meta.dirname, 'schema.graphql');

export function buildSearchSchema(): GraphQLSchema {
  return buildSchema({ schemaPath: searchSchemaPath, resolvers });
}

export interface RunningSearchSubgraph extends RunningSubgraph {
  readonly index: SearchIndex;
  readonly readPool: Pool;
}

/**
 * The search subgraph over HTTP: `search` and `suggest` over the caller's documents in the configured
 * index (Elasticsearch, or Postgres full-text search in the read DB). Port 0 picks a free one.
 */
export async function startSearchSubgraph(input: Partial<SearchSubgraphConfig> = {}, dependencies: { log?: Logger } = {}): Promise<RunningSearchSubgraph> {
  const config = searchSubgraphConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('search-subgraph');
  const readPool = createPool(config.READ_DATABASE_URL, { applicationName: 'search-subgraph', max: 5 });
  const index = createSearchIndex(config, readPool);
  const definition: SubgraphDefinition<SearchContext> = {
    name: 'search-subgraph',
    schemaPath: searchSchemaPath,
    resolvers,
    context: (req) => buildContext(req.headers, { index, callerSecret: config.INTERNAL_CALLER_SECRET, log }),
    unauthenticated,
    // A query sent with `x-consistent-with` waits until the search projection has applied those writes
    // (entries, thoughts, tasks; journal deletions), then makes them visible to search (`refresh`:
    // Elasticsearch shows a write to searches only after its next refresh, once a second).
    readYourWrites: {
      databaseUrl: config.READ_DATABASE_URL,
      pool: readPool,
      projection: searchProjection,
      aggregateTypes: searchedAggregateTypes,
      waitMs: config.CONSISTENCY_WAIT_MS,
      subject: 'search',
      afterWait: () => index.refresh(),
    },
  };
  const subgraph = await startSubgraph(definition, {
    log,
    port: config.SEARCH_SUBGRAPH_PORT,
    host: config.SEARCH_SUBGRAPH_HOST,
    // Searches (and waits for the projection's progress) work before the projector's first write.
    migrate: async () => {
      await migrate(readPool, 'search', await migrationsFromDir(searchMigrationsDir));
      await index.prepare();
    },
    close: async () => {
      await index.close().catch(() => undefined);
      await readPool.end();
    },
  });
  log.info({ index: index.kind }, 'search index in use');
  return { ...subgraph, index, readPool };
}
