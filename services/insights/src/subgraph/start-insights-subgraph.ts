import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createPool, ensureDatabase, type Pool } from '@mindflow/db';
import { createLogger, traceGraphQLRequests, type Logger } from '@mindflow/platform';
import { parse, type GraphQLSchema } from 'graphql';
import { migrateInsightsDatabase } from '../adapters/pg/insights-migrations.js';
import { insightsSubgraphConfigSchema, type InsightsSubgraphConfig } from './config.js';
import { buildContext, type InsightsContext } from './context.js';
import { maskInternalErrors, requestGuardPlugin } from './request-guard-plugin.js';
import { resolvers } from './resolvers.js';

/** The SDL file, which the gateway's composition reads too. */
export const insightsSchemaPath = join(import.meta.dirname, 'schema.graphql');

export function buildInsightsSchema(): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readFileSync(insightsSchemaPath, 'utf8')), resolvers: resolvers as never }]);
}

export interface RunningInsightsSubgraph {
  readonly url: string;
  readonly pool: Pool;
  close(): Promise<void>;
}

/**
 * The insights subgraph over HTTP, reading the insights DB (which it migrates too, so it can start before
 * the projector). Binds to 127.0.0.1 unless INSIGHTS_SUBGRAPH_HOST says otherwise; port 0 picks a free one.
 */
export async function startInsightsSubgraph(
  input: Partial<InsightsSubgraphConfig> = {},
  dependencies: { log?: Logger; now?: () => Date } = {},
): Promise<RunningInsightsSubgraph> {
  const config = insightsSubgraphConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('insights-subgraph');
  const now = dependencies.now ?? (() => new Date());
  await ensureDatabase(config.INSIGHTS_DATABASE_URL);
  const pool = createPool(config.INSIGHTS_DATABASE_URL, { applicationName: 'insights-subgraph' });
  const server = new ApolloServer<InsightsContext>({
    schema: buildInsightsSchema(),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), requestGuardPlugin()],
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // Only the gateway calls a subgraph, and its requests are not browser requests.
    csrfPrevention: false,
  });
  // One span per request, continuing the gateway's trace; log lines inside carry the correlation id.
  traceGraphQLRequests(server, 'insights-subgraph request');
  try {
    await migrateInsightsDatabase(pool);
    const { url } = await startStandaloneServer(server, {
      listen: { port: config.INSIGHTS_SUBGRAPH_PORT, host: config.INSIGHTS_SUBGRAPH_HOST },
      context: async ({ req }) => buildContext(req.headers, { pool, log, callerSecret: config.INTERNAL_CALLER_SECRET, now }),
    });
    log.info({ url }, 'insights subgraph listening');
    return {
      url,
      pool,
      async close() {
        await server.stop();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
