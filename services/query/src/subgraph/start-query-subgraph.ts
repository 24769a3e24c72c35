import { createPool, type Pool } from '@mindflow/db';
import { createLogger, type Logger } from '@mindflow/platform';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@mindflow/subgraph';
import { queryProjectedTypes, queryProjection } from '../projector/query-read-models.js';
import { createInProcessCache } from './cache/in-process-cache.js';
import type { ReadCache } from './cache/read-cache.js';
import { createRedisCache } from './cache/redis-cache.js';
import { querySubgraphConfigSchema, type QuerySubgraphConfig } from './config.js';
import { buildContext, type SubgraphContext } from './context.js';
import { unauthenticated } from './errors.js';
import { createGrpcCommands } from './mutations/command-client/command-client.js';
import type { Commands } from './mutations/command-client/command-port.js';
import { ReaderPool } from './read-model/reader.js';
import { resolvers } from './resolvers/index.js';
import { schemaPath } from './schema.js';

export interface RunningQuerySubgraph extends RunningSubgraph {
  readonly pool: Pool;
}

export interface QuerySubgraphDependencies {
  /** The command service port; by default the gRPC client for COMMAND_GRPC_ADDRESS. */
  readonly commands?: Commands;
  readonly log?: Logger;
  /** The read cache; by default in-process (embedded) or Redis (distributed), per MINDFLOW_MODE. */
  readonly cache?: ReadCache;
}

/**
 * The query subgraph over HTTP: reads from the read DB (the *_view tables), writes through the command
 * service. Binds to 127.0.0.1 unless QUERY_SUBGRAPH_HOST says otherwise; port 0 picks a free one.
 */
export async function startQuerySubgraph(
  input: Partial<QuerySubgraphConfig> = {},
  dependencies: QuerySubgraphDependencies = {},
): Promise<RunningQuerySubgraph> {
  const config = querySubgraphConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('query-subgraph');
  // The owner's pool serves the consistency wait only (one short statement per read-your-writes request);
  // callers' reads go through their own connections, set up once as the reader role.
  const pool = createPool(config.READ_DATABASE_URL, { applicationName: 'query-subgraph', max: 4 });
  const readers = ReaderPool.connect(config.READ_DATABASE_URL, { applicationName: 'query-subgraph-reader' });
  const commands = dependencies.commands ?? createGrpcCommands(config.COMMAND_GRPC_ADDRESS);
  const cache =
    dependencies.cache ??
    (config.MINDFLOW_MODE === 'distributed'
      ? createRedisCache({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, log })
      : createInProcessCache());
  const definition: SubgraphDefinition<SubgraphContext> = {
    name: 'query-subgraph',
    schemaPath,
    resolvers,
    context: (req) =>
      buildContext(req.headers, {
        readers,
        cache,
        cacheTtlSeconds: config.QUERY_CACHE_TTL_SECONDS,
        commands,
        log,
        callerSecret: config.INTERNAL_CALLER_SECRET,
        readWaitMs: config.CONSISTENCY_WAIT_MS,
      }),
    unauthenticated,
    // Writes of an aggregate type the query projection follows, or untyped; a token for, say, insights passes.
    readYourWrites: {
      databaseUrl: config.READ_DATABASE_URL,
      pool,
      projection: queryProjection,
      aggregateTypes: queryProjectedTypes,
      waitMs: config.CONSISTENCY_WAIT_MS,
      subject: 'the read side',
    },
  };
  const subgraph = await startSubgraph(definition, {
    log,
    port: config.QUERY_SUBGRAPH_PORT,
    host: config.QUERY_SUBGRAPH_HOST,
    close: async () => {
      commands.close();
      await cache.close();
      await Promise.all([pool.end(), readers.end()]);
    },
  });
  return { ...subgraph, pool };
}
