import { join } from 'node:path';
import { createPool, ensureDatabase, type Pool } from '@mindflow/db';
import { keyStoreDatabaseUrl, openKeyStore, type OpenKeyStore } from '@mindflow/event-log';
import { createLogger, type Logger } from '@mindflow/platform';
import { serveSubgraphHttp, subgraphHandler, type RunningSubgraph, type SubgraphDefinition, type SubgraphHandler } from '@mindflow/subgraph';
import { migrateNotificationsDatabase } from '../adapters/pg/notifications-migrations.js';
import { claudeReflectionsFrom } from '../reflection/claude-config.js';
import type { ClaudeReflections } from '../reflection/weekly-reflections.js';
import { unsubscribeHandler, unsubscribePath } from '../adapters/smtp/unsubscribe-handler.js';
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
  /** Claude for premium callers' reflections instead of the configured one (tests). */
  readonly claude?: ClaudeReflections;
}

/**
 * The notifications subgraph over HTTP, reading and writing the notifications DB (which it migrates first, so
 * it can start before the projector). Binds to 127.0.0.1 unless NOTIFICATIONS_SUBGRAPH_HOST says otherwise;
 * port 0 picks a free one. Every GraphQL caller must be one the gateway vouches for, `_entities` included. The
 * same port serves the emails' one-click unsubscribe (`/unsubscribe`, links signed with
 * NOTIFICATIONS_UNSUBSCRIBE_SECRET): the subgraph runtime's handler inside a server of its own, as identity's.
 */
export async function startNotificationsSubgraph(
  input: Partial<NotificationsSubgraphConfig> = {},
  dependencies: NotificationsSubgraphDependencies = {},
): Promise<RunningNotificationsSubgraph> {
  const config = notificationsSubgraphConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('notifications-subgraph');
  const now = dependencies.now ?? (() => new Date());
  const reschedule = dependencies.reschedule ?? rescheduleUser;
  const allowHttpWebhooks = config.MINDFLOW_WEBHOOK_ALLOW_LOOPBACK ?? config.MINDFLOW_MODE === 'embedded';
  await ensureDatabase(config.NOTIFICATIONS_DATABASE_URL);
  // The data keys generateWeeklyReflection seals its event with (crypto-shredding): embedded, the write DB's
  // (the notifications DB when no write DB is named: the launcher makes them one); distributed, KEY_STORE_DATABASE_URL.
  const keyDatabase = keyStoreDatabaseUrl(config, config.WRITE_DATABASE_URL ?? config.NOTIFICATIONS_DATABASE_URL);
  const keyStore: OpenKeyStore | undefined = keyDatabase === undefined ? undefined : await openKeyStore({ ...config, databaseUrl: keyDatabase }, { log });
  const pool = createPool(config.NOTIFICATIONS_DATABASE_URL, { applicationName: 'notifications-subgraph' });
  const claude = dependencies.claude ?? claudeReflectionsFrom(config, log);
  const definition: SubgraphDefinition<NotificationsContext> = {
    name: 'notifications-subgraph',
    schemaPath: notificationsSchemaPath,
    resolvers,
    context: (req) => buildContext(req.headers, {
      pool, log, now, reschedule, callerSecret: config.INTERNAL_CALLER_SECRET, allowHttpWebhooks, keys: keyStore?.keys, claude,
    }),
    unauthenticated,
  };
  let handler: SubgraphHandler | undefined;
  try {
    await migrateNotificationsDatabase(pool);
    handler = await subgraphHandler(definition, { log });
    const unsubscribe = unsubscribeHandler({ pool, secret: config.NOTIFICATIONS_UNSUBSCRIBE_SECRET, now });
    const http = await serveSubgraphHttp({
      name: 'notifications',
      host: config.NOTIFICATIONS_SUBGRAPH_HOST,
      port: config.NOTIFICATIONS_SUBGRAPH_PORT,
      subgraph: handler,
      // The one-click unsubscribe of the emails (README "Channels"), beside GraphQL on the same port.
      routes: async (req, res, url) => url.pathname === unsubscribePath && (await unsubscribe(req, res), true),
      log,
    });
    log.info({ url: `${http.origin}/graphql` }, 'notifications-subgraph listening');
    const running = handler;
    return {
      url: `${http.origin}/graphql`,
      pool,
      async close() {
        await http.close();
        await running.stop();
        await pool.end();
        await keyStore?.close();
      },
    };
  } catch (error) {
    await handler?.stop().catch(() => undefined);
    await pool.end();
    await keyStore?.close();
    throw error;
  }
}

