import { join } from 'node:path';
import { createPool, ensureDatabase, type Pool } from '@mindflow/db';
import { createLogger, type Logger } from '@mindflow/platform';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@mindflow/subgraph';
import { migrateInsightsDatabase } from '../adapters/pg/insights-migrations.js';
import { publishUnpublishedSettings } from '../adapters/pg/user-settings.js';
import { insightsSubgraphConfigSchema, type InsightsSubgraphConfig } from './config.js';
import { buildContext, unauthenticated, type InsightsContext } from './context.js';
import { resolvers } from './resolvers.js';

/** The SDL file, which the gateway's composition reads too. */
export const insightsSchemaPath = join(import.meta.dirname, 'schema.graphql');

export interface RunningInsightsSubgraph extends RunningSubgraph {
  readonly pool: Pool;
}

/**
 * The insights subgraph over HTTP, reading the insights DB (which it migrates too, so it can start before
 * the projector). Binds to 127.0.0.1 unless INSIGHTS_SUBGRAPH_HOST says otherwise; port 0 picks a free one.
 * Every caller must be one the gateway vouches for, `_entities` included (it returns user data).
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
  const definition: SubgraphDefinition<InsightsContext> = {
    name: 'insights-subgraph',
    schemaPath: insightsSchemaPath,
    resolvers,
    context: (req) => buildContext(req.headers, { pool, log, callerSecret: config.INTERNAL_CALLER_SECRET, now }),
    unauthenticated,
  };
  const subgraph = await startSubgraph(definition, {
    log,
    port: config.INSIGHTS_SUBGRAPH_PORT,
    host: config.INSIGHTS_SUBGRAPH_HOST,
    migrate: async () => {
      const applied = await migrateInsightsDatabase(pool);
      const published = await publishUnpublishedSettings(pool, now());
      if (published > 0) log.info({ published }, 'insights settings stored before InsightsSettingChanged existed: published');
      return applied;
    },
    close: () => pool.end(),
  });
  return { ...subgraph, pool };
}
