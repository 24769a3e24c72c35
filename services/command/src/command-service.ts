import { createPool, ensureDatabase, migrate } from '@mindflow/db';
import { keyStoreDatabaseUrl, openKeyStore, type OpenKeyStore } from '@mindflow/event-log';
import { createLogger, type Logger } from '@mindflow/platform';
import { commandServiceHandlers } from './adapters/grpc/command-service-handlers.js';
import { serveCommandService } from './adapters/grpc/grpc-server.js';
import { commandMigrations } from './adapters/pg/command-migrations.js';
import { commandEnvironment } from './adapters/pg/pg-command-store.js';
import { purgeIdempotencyKeys } from './adapters/pg/idempotency-keys.js';
import type { CommandConfig } from './command-config.js';
import { startCommandErasure } from './erasure/command-erasure.js';

export interface RunningCommandService {
  /** host:port the gRPC server listens on. */
  readonly address: string;
  /** True while the write DB answers. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Starts the command service in this process: migrates the write DB (scope `command`: outbox, journals,
 * entries, idempotency keys), then serves CommandService over gRPC. `main.ts` adds the ops server and
 * signals; the embedded launcher and tests call this directly.
 */
export async function startCommandService(config: CommandConfig, options: { log?: Logger } = {}): Promise<RunningCommandService> {
  const log = options.log ?? createLogger('command', config.LOG_LEVEL);
  await ensureDatabase(config.WRITE_DATABASE_URL);
  const pool = createPool(config.WRITE_DATABASE_URL, { applicationName: 'command' });
  let keyStore: OpenKeyStore | undefined;
  let erasure: { close(): Promise<void> } | undefined;
  try {
    const applied = await migrate(pool, 'command', await commandMigrations());
    if (applied.length > 0) log.info({ applied }, 'write DB migrated');
    // The data keys (crypto-shredding): embedded in the write DB; distributed wherever KEY_STORE_DATABASE_URL says.
    const keyDatabase = keyStoreDatabaseUrl(config, config.WRITE_DATABASE_URL);
    if (keyDatabase === undefined) log.warn('KEY_STORE_DATABASE_URL is not set: events are written with their personal fields in the clear');
    else keyStore = await openKeyStore({ ...config, databaseUrl: keyDatabase }, { log });
    if (config.COMMAND_ERASURE) {
      erasure = await startCommandErasure(
        {
          MINDFLOW_MODE: config.MINDFLOW_MODE,
          WRITE_DATABASE_URL: config.WRITE_DATABASE_URL,
          KAFKA_BROKERS: config.KAFKA_BROKERS,
          KAFKA_TOPIC_PREFIX: config.KAFKA_TOPIC_PREFIX,
          KEY_STORE_MASTER_KEY: config.KEY_STORE_MASTER_KEY,
          ...(config.KEY_STORE_DATABASE_URL ? { KEY_STORE_DATABASE_URL: config.KEY_STORE_DATABASE_URL } : {}),
          ...(config.COMMAND_ERASURE_GROUP ? { COMMAND_ERASURE_GROUP: config.COMMAND_ERASURE_GROUP } : {}),
        },
        log,
      );
    }
    const server = await serveCommandService(config.COMMAND_GRPC_ADDRESS, commandServiceHandlers(commandEnvironment(pool, keyStore?.keys), log));
    const purge = setInterval(() => {
      purgeIdempotencyKeys(pool, config.IDEMPOTENCY_KEY_TTL_HOURS).catch((error: unknown) => log.warn({ err: error }, 'idempotency key purge failed'));
    }, 60 * 60 * 1000);
    purge.unref();
    log.info({ address: server.address }, 'command service listening');
    return {
      address: server.address,
      ready: () => pool.query('SELECT 1').then(() => true, () => false),
      async close() {
        clearInterval(purge);
        await server.close();
        await erasure?.close();
        await pool.end();
        await keyStore?.close();
      },
    };
  } catch (error) {
    await erasure?.close().catch(() => undefined);
    await pool.end();
    await keyStore?.close();
    throw error;
  }
}
