import { createPool, migrate, PgChannelListener } from '@mindflow/db';
import { CachedKeyStore } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import { z } from 'zod';
import { MasterKeyWrapper, type KeyWrapper } from './key-wrapper.js';
import { keyStoreMigrations } from './key-store-migrations.js';
import { PgKeyStore } from './pg-key-store.js';

/** Dev only: a fixed master key, so `npm start` needs no secret. Deployments set their own (or a KMS wrapper). */
export const devMasterKey = Buffer.from('mindflow dev master key, never in production!', 'utf8').subarray(0, 32).toString('base64');
export const devMasterKeyWarning = 'KEY_STORE_MASTER_KEY is the dev default: set one (32 random bytes, base64) before deploying';

/** What every process that writes or reads events needs to reach the key store (docs/CONVENTIONS.md). */
export const keyStoreConfigSchema = z.object({
  /**
   * Where `user_data_keys` lives. Unset: the write DB in embedded mode; in distributed mode crypto-shredding is off
   * (nothing sealed, a sealed event not read) until deployments set it, for producers and consumers alike.
   */
  KEY_STORE_DATABASE_URL: z.string().min(1).optional(),
  KEY_STORE_MASTER_KEY: z.string().min(1).default(devMasterKey),
  /** How long a process reuses a key: the bound on a destroy elsewhere being seen when its NOTIFY is lost. */
  KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
});
export type KeyStoreConfig = z.infer<typeof keyStoreConfigSchema>;

/** The key store's database for a process of this mode, or undefined when it has none (`keyStoreConfigSchema`). */
export function keyStoreDatabaseUrl(config: KeyStoreConfig & { readonly MINDFLOW_MODE: string }, writeDatabaseUrl: string | undefined): string | undefined {
  return config.KEY_STORE_DATABASE_URL ?? (config.MINDFLOW_MODE === 'embedded' ? writeDatabaseUrl : undefined);
}

export interface OpenKeyStore {
  readonly keys: CachedKeyStore;
  close(): Promise<void>;
}

/**
 * The key store of a process: the Postgres table (migrated here, scope `keys`) behind a per-process cache that
 * forgets a key when any process destroys it (`NOTIFY user_key_destroyed`), and at the latest after the TTL.
 */
export async function openKeyStore(
  config: KeyStoreConfig & { readonly databaseUrl: string },
  options: { readonly log: Logger; readonly wrapper?: KeyWrapper; readonly migrate?: boolean },
): Promise<OpenKeyStore> {
  const url = config.KEY_STORE_DATABASE_URL ?? config.databaseUrl;
  if (config.KEY_STORE_MASTER_KEY === devMasterKey && !options.wrapper) options.log.warn(devMasterKeyWarning);
  const pool = createPool(url, { applicationName: 'key-store', max: 4 });
  try {
    if (options.migrate !== false) await migrate(pool, 'keys', keyStoreMigrations);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const keys = new CachedKeyStore(new PgKeyStore(pool, options.wrapper ?? MasterKeyWrapper.fromBase64(config.KEY_STORE_MASTER_KEY)), {
    ttlMs: config.KEY_CACHE_TTL_MS,
  });
  const listener = new PgChannelListener({
    url,
    channel: 'user_key_destroyed',
    applicationName: 'key-store:destroyed',
    onNotification: (userId) => keys.evict(userId || undefined),
    onError: (error) => options.log.warn({ err: error }, 'key store: not listening for destroyed keys (the cache TTL bounds it)'),
  });
  await listener.listen();
  // Reconnects after a lost connection; the TTL covers the notices missed meanwhile.
  const relisten = setInterval(() => {
    if (!listener.listening) {
      keys.evict();
      void listener.listen({ eager: false });
    }
  }, Math.max(1_000, Math.min(config.KEY_CACHE_TTL_MS, 30_000) / 2));
  relisten.unref();
  return {
    keys,
    async close() {
      clearInterval(relisten);
      await listener.close();
      await pool.end();
    },
  };
}
