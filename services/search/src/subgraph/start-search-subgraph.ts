import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { ProjectionNotices } from '@mindflow/event-log';
import { createLogger, traceGraphQLRequests, type Logger } from '@mindflow/platform';
import { parse, type GraphQLSchema } from 'graphql';
import { createSearchIndex } from '../adapters/create-search-index.js';
import { searchMigrationsDir } from '../adapters/postgres/postgres-search-index.js';
import type { SearchIndex } from '../application/search-index.js';
import { searchSubgraphConfigSchema, type SearchSubgraphConfig } from './config.js';
import { buildContext, type SearchContext } from './context.js';
import { maskInternalErrors, requestGuardPlugin } from './request-guard-plugin.js';
import { resolvers } from './resolvers.js';

/** The SDL file, which the gateway's composition reads too. */
export const searchSchemaPath = join(import.meta.dirname, 'schema.graphql');

export function buildSearchSchema(): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readFileSync(searchSchemaPath, 'utf8')), resolvers: resolvers as never }]);
}

export interface RunningSearchSubgraph {
  /** `http://127.0.0.1:<port>/` — answers GraphQL on every path, `/graphql` included. */
  readonly url: string;
  readonly index: SearchIndex;
  readonly readPool: Pool;
  close(): Promise<void>;
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
  // Read-your-writes waits end the moment the search projector commits the write, not at their next poll.
  const notices = new ProjectionNotices(config.READ_DATABASE_URL, (err) => log.warn({ err }, 'projection notices: not listening, polling until reconnected'));
  const server = new ApolloServer<SearchContext>({
    schema: buildSearchSchema(),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), requestGuardPlugin(notices)],
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false, // only the gateway calls a subgraph
  });
  // One span per request, continuing the gateway's trace; log lines inside carry the correlation id.
  traceGraphQLRequests(server, 'search-subgraph request');
  try {
    // Searches (and waits for the projection's progress) work before the projector's first write.
    await migrate(readPool, 'search', await migrationsFromDir(searchMigrationsDir));
    await index.prepare();
    await notices.start();
    const { url } = await startStandaloneServer(server, {
      listen: { port: config.SEARCH_SUBGRAPH_PORT, host: config.SEARCH_SUBGRAPH_HOST },
      context: async ({ req }) =>
        buildContext(req.headers, { index, readPool, readWaitMs: config.CONSISTENCY_WAIT_MS, callerSecret: config.INTERNAL_CALLER_SECRET, log }),
    });
    log.info({ url, index: index.kind }, 'search subgraph listening');
    return {
      url,
      index,
      readPool,
      async close() {
        await server.stop();
        await index.close();
        await notices.close();
        await readPool.end();
      },
    };
  } catch (error) {
    await index.close().catch(() => undefined);
    await notices.close();
    await readPool.end();
    throw error;
  }
}
