import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createPool, type Pool } from '@mindflow/db';
import { ProjectionNotices } from '@mindflow/event-log';
import { createLogger, traceGraphQLRequests, type Logger } from '@mindflow/platform';
import { createInProcessCache } from './cache/in-process-cache.js';
import type { ReadCache } from './cache/read-cache.js';
import { createRedisCache } from './cache/redis-cache.js';
import type { Commands } from './commands/command-port.js';
import { createGrpcCommands } from './commands/grpc-commands.js';
import { querySubgraphConfigSchema, type QuerySubgraphConfig } from './config.js';
import { buildContext, type SubgraphContext } from './context.js';
import { ReaderPool } from './read-model/reader.js';
import { errorLoggingPlugin, maskInternalErrors } from './error-plugin.js';
import { requestGuardPlugin } from './request-guard-plugin.js';
import { buildQuerySchema } from './schema.js';

export interface RunningQuerySubgraph {
  /** `http://127.0.0.1:<port>/` — the subgraph answers GraphQL on every path, `/graphql` included. */
  readonly url: string;
  readonly pool: Pool;
  close(): Promise<void>;
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
  // Read-your-writes waits end the moment the query projector commits the write, not at their next poll.
  const notices = new ProjectionNotices(config.READ_DATABASE_URL, (err) => log.warn({ err }, 'projection notices: not listening, polling until reconnected'));
  const commands = dependencies.commands ?? createGrpcCommands(config.COMMAND_GRPC_ADDRESS);
  const cache =
    dependencies.cache ??
    (config.MINDFLOW_MODE === 'distributed'
      ? createRedisCache({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, log })
      : createInProcessCache());
  const server = new ApolloServer<SubgraphContext>({
    schema: buildQuerySchema(),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces feed Apollo's hosted usage reporting, which we do not use.
      ApolloServerPluginInlineTraceDisabled(),
      requestGuardPlugin(config.CONSISTENCY_WAIT_MS, notices),
      errorLoggingPlugin(),
    ],
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // Only the gateway calls a subgraph, and its requests are not browser requests.
    csrfPrevention: false,
  });
  // One span per request, continuing the gateway's trace; log lines inside carry the correlation id.
  traceGraphQLRequests(server, 'query-subgraph request');
  try {
    await notices.start();
    const { url } = await startStandaloneServer(server, {
      listen: { port: config.QUERY_SUBGRAPH_PORT, host: config.QUERY_SUBGRAPH_HOST },
      context: async ({ req }) => buildContext(req.headers, {
        pool,
        readers,
        cache,
        cacheTtlSeconds: config.QUERY_CACHE_TTL_SECONDS,
        commands,
        log,
        callerSecret: config.INTERNAL_CALLER_SECRET,
        readWaitMs: config.CONSISTENCY_WAIT_MS,
      }),
    });
    log.info({ url }, 'query subgraph listening');
    return {
      url,
      pool,
      async close() {
        await server.stop();
        commands.close();
        await cache.close();
        await notices.close();
        await Promise.all([pool.end(), readers.end()]);
      },
    };
  } catch (error) {
    commands.close();
    await cache.close();
    await notices.close();
    await Promise.all([pool.end(), readers.end()]);
    throw error;
  }
}
