import { randomUUID } from 'node:crypto';
import { loadSigningKeys } from '@mindflow/auth';
import { createPool, ensureDatabase, type Pool } from '@mindflow/db';
import { keyStoreDatabaseUrl, openKeyStore } from '@mindflow/event-log';
import type { KeyStore } from '@mindflow/events';
import { createLogger, type Logger } from '@mindflow/platform';
import { accessTokenSigner } from './adapters/crypto/access-token-signer.js';
import { argon2PasswordHasher } from './adapters/crypto/argon2-password-hasher.js';
import { refreshTokens } from './adapters/crypto/refresh-token.js';
import { jwksPath, serveIdentityHttp, sessionsPath } from './adapters/http/identity-http-server.js';
import { migrateIdentityDatabase } from './adapters/pg/identity-migrations.js';
import { pgIdentityStore } from './adapters/pg/pg-identity-store.js';
import { liveSessions, purgeEnded } from './adapters/pg/session-rows.js';
import { memorySessionRegistry } from './adapters/sessions/memory-session-registry.js';
import { memoryLoginLimiter, redisLoginLimiter } from './adapters/login-limits/flexible-login-limiter.js';
import { redisSessionRegistry } from './adapters/sessions/redis-session-registry.js';
import { runErasureRound } from './application/erasure-saga.js';
import type { IdentityEnvironment } from './application/identity-environment.js';
import type { DataKeys } from './application/ports/data-keys.js';
import { unwiredDataKeys } from './adapters/keys/unwired-data-keys.js';
import type { LoginLimiter } from './application/login-limiter.js';
import type { SessionRegistry } from './application/session-registry.js';
import type { IdentityConfig } from './identity-config.js';
import { startErasureReceipts } from './projector/erasure-receipts.js';
import { startIdentitySubgraph } from './subgraph/identity-subgraph.js';
import { smtpPasswordResetMailer } from './adapters/mail/smtp-password-reset-mailer.js';
import { pgPasswordResetStore } from './adapters/pg/pg-password-reset-store.js';
import type { PasswordResets } from './application/password-reset.js';
import { defaultResetPolicy } from './domain/password-reset/reset-policy.js';

const day = 24 * 60 * 60_000;

export interface RunningIdentityService {
  /** `http://host:port/graphql` (the gateway's IDENTITY_SUBGRAPH_URL). */
  readonly subgraphUrl: string;
  /** The gateway's AUTH_JWKS_URL. */
  readonly jwksUrl: string;
  /** The gateway's AUTH_SESSIONS_URL: `GET <url>/<sid>` answers 200 while the session is live. */
  readonly sessionsUrl: string;
  /** The use cases' environment as wired here, with the pool behind its store (tests read the database). */
  readonly environment: IdentityEnvironment & { readonly pool: Pool };
  /** True while the identity DB (and, distributed, Redis) answers. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface IdentityDependencies {
  readonly log?: Logger;
  /** Tests move time (lockout, expiry); everything else stays real. */
  readonly now?: () => Date;
  /** The users' data keys (the crypto-shredding key store); until one is wired, erasures wait for it. */
  readonly dataKeys?: DataKeys;
}

/**
 * Starts the identity service in this process: migrates its database (outbox + accounts + sessions),
 * fills the session registry, then serves the subgraph, the JWKS and the liveness check on one port.
 * `main.ts` adds the ops server and signals; the launcher and tests call this directly.
 */
export async function startIdentityService(config: IdentityConfig, dependencies: IdentityDependencies = {}): Promise<RunningIdentityService> {
  const log = dependencies.log ?? createLogger('identity', config.LOG_LEVEL);
  const now = dependencies.now ?? (() => new Date());
  await ensureDatabase(config.IDENTITY_DATABASE_URL);
  const pool = createPool(config.IDENTITY_DATABASE_URL, { applicationName: 'identity' });
  const closers: (() => Promise<unknown>)[] = [() => pool.end()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error: unknown) => log.warn({ err: error }, 'close failed'));
  };
  try {
    const applied = await migrateIdentityDatabase(pool);
    if (applied.length > 0) log.info({ applied }, 'identity DB migrated');
    const keys = await loadSigningKeys(config);
    const sessions = await sessionRegistry(config, pool, now);
    closers.push(() => sessions.close());
    const loginLimits = loginLimiter(config);
    closers.push(() => loginLimits.close());
    const keyStore = await keyStoreOf(config, log, closers);
    const environment = {
      pool,
      store: pgIdentityStore(pool, keyStore),
      now,
      newId: randomUUID,
      passwords: argon2PasswordHasher({
        memoryKiB: config.IDENTITY_ARGON2_MEMORY_KIB,
        passes: config.IDENTITY_ARGON2_PASSES,
        parallelism: config.IDENTITY_ARGON2_PARALLELISM,
      }),
      refreshTokens,
      accessTokens: accessTokenSigner(keys),
      sessions,
      loginLimits,
      sessionPolicy: { refreshTtlMs: config.IDENTITY_REFRESH_TTL_DAYS * day, sessionMaxMs: config.IDENTITY_SESSION_MAX_DAYS * day },
      passwordResets: passwordResets(config, pool, closers),
      log,
      dataKeys: dependencies.dataKeys ?? keyStore ?? unwiredDataKeys,
      erasure: { services: config.IDENTITY_ERASURE_SERVICES, retryAfterMs: config.IDENTITY_ERASURE_RETRY_SECONDS * 1000 },
    } satisfies IdentityEnvironment & { readonly pool: Pool };
    const subgraph = await startIdentitySubgraph(environment, config.INTERNAL_CALLER_SECRET);
    closers.push(() => subgraph.stop());
    const http = await serveIdentityHttp({ host: config.IDENTITY_HOST, port: config.IDENTITY_PORT, env: environment, subgraph, keys, log });
    closers.push(() => http.close());
    const purge = setInterval(() => {
      purgeEnded(pool, now(), 30 * day).catch((error: unknown) => log.warn({ err: error }, 'session purge failed'));
    }, 60 * 60_000);
    purge.unref();
    closers.push(() => Promise.resolve(clearInterval(purge)));
    // Embedded, the acknowledgements are in the write DB's outbox: without WRITE_DATABASE_URL (identity started
    // alone, as some suites do) there is no log to hear them from, and the saga keeps asking until one is given.
    const receiptsLog = config.MINDFLOW_MODE === 'distributed' || config.WRITE_DATABASE_URL !== undefined;
    if (config.IDENTITY_ERASURE_RECEIPTS && !receiptsLog) log.warn('erasure receipts not heard: embedded without WRITE_DATABASE_URL');
    if (config.IDENTITY_ERASURE_RECEIPTS && receiptsLog) {
      const receipts = await startErasureReceipts(
        {
          MINDFLOW_MODE: config.MINDFLOW_MODE,
          IDENTITY_DATABASE_URL: config.IDENTITY_DATABASE_URL,
          KAFKA_BROKERS: config.KAFKA_BROKERS,
          KAFKA_TOPIC_PREFIX: config.KAFKA_TOPIC_PREFIX,
          KEY_STORE_MASTER_KEY: config.KEY_STORE_MASTER_KEY,
          ...(config.KEY_STORE_DATABASE_URL ? { KEY_STORE_DATABASE_URL: config.KEY_STORE_DATABASE_URL } : {}),
          ...(config.WRITE_DATABASE_URL ? { WRITE_DATABASE_URL: config.WRITE_DATABASE_URL } : {}),
          ...(config.IDENTITY_ERASURE_RECEIPTS_GROUP ? { IDENTITY_ERASURE_RECEIPTS_GROUP: config.IDENTITY_ERASURE_RECEIPTS_GROUP } : {}),
        },
        environment,
        log,
      );
      closers.push(() => receipts.close());
    }
    const erasureRounds = setInterval(() => {
      runErasureRound(environment).catch((error: unknown) => log.warn({ err: error }, 'erasure round failed'));
    }, config.IDENTITY_ERASURE_ROUND_SECONDS * 1000);
    erasureRounds.unref();
    closers.push(() => Promise.resolve(clearInterval(erasureRounds)));
    log.info({ origin: http.origin, mode: config.MINDFLOW_MODE }, 'identity listening');
    return {
      subgraphUrl: `${http.origin}/graphql`,
      jwksUrl: `${http.origin}${jwksPath}`,
      sessionsUrl: `${http.origin}${sessionsPath.replace(/\/$/, '')}`,
      environment,
      async ready() {
        const db = await pool.query('SELECT 1').then(() => true, () => false);
        return db && (await sessions.isLive('00000000-0000-4000-8000-000000000000').then(() => true, () => false));
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * The key store (KEY_STORE_DATABASE_URL; embedded, the write DB): identity's events are sealed with it and erasure
 * destroys a user's key there. None where the deployment has none: nothing sealed, and erasures wait for a key
 * store (README "Erasure").
 */
async function keyStoreOf(config: IdentityConfig, log: Logger, closers: (() => Promise<unknown>)[]): Promise<KeyStore | undefined> {
  const url = keyStoreDatabaseUrl(config, config.WRITE_DATABASE_URL);
  if (!url) return undefined;
  const store = await openKeyStore({ ...config, databaseUrl: url }, { log });
  closers.push(() => store.close());
  return store.keys;
}

/** Redis in distributed mode (shared by replicas, survives restarts); this process in embedded mode, filled from Postgres. */
async function sessionRegistry(config: IdentityConfig, pool: Pool, now: () => Date): Promise<SessionRegistry> {
  if (config.MINDFLOW_MODE === 'distributed') return redisSessionRegistry(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  const registry = memorySessionRegistry(now);
  for (const session of await liveSessions(pool, now())) await registry.open(session);
  return registry;
}

/** Forgotten passwords: reset links in identity's database, mailed by SMTP (embedded: the local mail catcher). */
function passwordResets(config: IdentityConfig, pool: Pool, closers: (() => Promise<unknown>)[]): PasswordResets {
  const mailer = smtpPasswordResetMailer({ smtpUrl: config.SMTP_URL, from: config.IDENTITY_MAIL_FROM });
  closers.push(() => Promise.resolve(mailer.close()));
  return {
    store: pgPasswordResetStore(pool),
    mailer,
    policy: { ...defaultResetPolicy, tokenTtlMs: config.IDENTITY_RESET_TTL_MINUTES * 60_000 },
    pageUrl: new URL('/reset-password', config.MINDFLOW_APP_URL).toString(),
  };
}

/** Redis in distributed mode (every replica counts the same attempts); this process in embedded mode. */
function loginLimiter(config: IdentityConfig): LoginLimiter {
  const limits = {
    maxFailures: config.IDENTITY_LOGIN_MAX_FAILURES,
    blockSeconds: config.IDENTITY_LOGIN_BLOCK_SECONDS,
    clientMaxFailures: config.IDENTITY_LOGIN_CLIENT_MAX_FAILURES,
    clientWindowSeconds: config.IDENTITY_LOGIN_CLIENT_WINDOW_SECONDS,
  };
  return config.MINDFLOW_MODE === 'distributed' ? redisLoginLimiter(limits, config.REDIS_URL, config.REDIS_KEY_PREFIX) : memoryLoginLimiter(limits);
}
