import { join } from 'node:path';
import { createPool, ensureDatabase, type Pool } from '@mindflow/db';
import { createLogger, type Logger } from '@mindflow/platform';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@mindflow/subgraph';
import { migrateNotificationsDatabase } from '../adapters/pg/notifications-migrations.js';
import { rescheduleUser } from '../adapters/pg/task-schedule.js';
import { notificationsSubgraphConfigSchema, type NotificationsSubgraphConfig } from './config.js';
import { buildContext, type NotificationsContext, type Reschedule } from './context.js';
import { unauthenticated } from './errors.js';
import { resolvers } from './resolvers.js';

/** The SDL file, which the gateway's composition reads too. */
export const notificationsSchemaPath = join(import.meta.dirname, 'schema.graphql');

export interface RunningNotificationsSubgraph extends RunningSubgraph {
  readonly pool: Pool;
}

export interface NotificationsSubgraphDependencies {
  readonly log?: Logger;
  readonly now?: () => Date;
  /** What moves the caller's schedule in the transaction of a preferences write (default: rescheduleUser). */
  readonly reschedule?: Reschedule;
}

/**
 * The notifications subgraph over HTTP, reading and writing the notifications DB (which it migrates too, so
 * it can start before the projector). Binds to 127.0.0.1 unless NOTIFICATIONS_SUBGRAPH_HOST says otherwise;
 * port 0 picks a free one. Every caller must be one the gateway vouches for, `_entities` included.
 */
export async function startNotificationsSubgraph(
  input: Partial<NotificationsSubgraphConfig> = {},
  dependencies: NotificationsSubgraphDependencies = {},
): Promise<RunningNotificationsSubgraph> {
  const config = notificationsSubgraphConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('notifications-subgraph');
  const now = dependencies.now ?? (() => new Date());
  const reschedule = dependencies.reschedule ?? rescheduleUser;
  await ensureDatabase(config.NOTIFICATIONS_DATABASE_URL);
  const pool = createPool(config.NOTIFICATIONS_DATABASE_URL, { applicationName: 'notifications-subgraph' });
  const definition: SubgraphDefinition<NotificationsContext> = {
    name: 'notifications-subgraph',
    schemaPath: notificationsSchemaPath,
    resolvers,
    context: (req) => buildContext(req.headers, {
      pool, log, now, reschedule, callerSecret: config.INTERNAL_CALLER_SECRET, allowHttpWebhooks: config.MINDFLOW_WEBHOOK_ALLOW_LOOPBACK,
    }),
    unauthenticated,
  };
  const subgraph = await startSubgraph(definition, {
    log,
    port: config.NOTIFICATIONS_SUBGRAPH_PORT,
    host: config.NOTIFICATIONS_SUBGRAPH_HOST,
    migrate: () => migrateNotificationsDatabase(pool),
    close: () => pool.end(),
  });
  return { ...subgraph, pool };
}

