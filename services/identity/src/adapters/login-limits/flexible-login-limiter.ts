import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LoginAllowance, LoginLimiter } from '../../application/login-limiter.js';
import { clientKey, type LoginLimits } from '../../domain/login/login-limits.js';

type Store = (options: { keyPrefix: string; points: number; duration: number; blockDuration?: number }) => RateLimiterAbstract;

/** Embedded: counters in this process (rate-limiter-flexible's memory store). */
export function memoryLoginLimiter(limits: LoginLimits): LoginLimiter {
  return flexibleLoginLimiter(limits, (options) => new RateLimiterMemory(options), () => Promise.resolve());
}

/** Distributed: counters in Redis under `<REDIS_KEY_PREFIX>identity:login:…`, shared by every replica, expiring by themselves. */
export function redisLoginLimiter(limits: LoginLimits, url: string, prefix: string): LoginLimiter & { readonly redis: Redis } {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', () => undefined); // reconnects by itself; failing commands reach their callers (login answers an error)
  const limiter = flexibleLoginLimiter(
    limits,
    (options) => new RateLimiterRedis({ ...options, keyPrefix: `${prefix}identity:login:${options.keyPrefix}`, storeClient: redis }),
    async () => void (await redis.quit().catch(() => redis.disconnect())),
  );
  return { ...limiter, redis };
}

function flexibleLoginLimiter(limits: LoginLimits, store: Store, close: () => Promise<void>): LoginLimiter {
  // Consecutive failures of one client at one address: the attempt after the last allowed one blocks the pair.
  const pairs = store({ keyPrefix: 'pair', points: limits.maxFailures, duration: limits.blockSeconds, blockDuration: limits.blockSeconds });
  // All failures of one client, whatever address it tries: a looser cap against spraying one password over many.
  const clients = store({ keyPrefix: 'client', points: limits.clientMaxFailures, duration: limits.clientWindowSeconds });
  // Keys are hashes: the store holds no email address (nor, hashed with it, which address a client tried).
  const pairKey = (client: string, emailKey: string) => createHash('sha256').update(`${clientKey(client)}\n${emailKey}`).digest('base64url');
  return {
    async attempt(client, emailKey): Promise<LoginAllowance> {
      const byClient = clientKey(client);
      const spraying = await refusal(clients.consume(byClient));
      if (spraying) return spraying;
      const guessing = await refusal(pairs.consume(pairKey(client, emailKey)));
      // Refused before any password was checked: not a failure of this client's.
      if (guessing) await clients.reward(byClient, 1);
      return guessing ?? { kind: 'proceed' };
    },
    async succeeded(client, emailKey) {
      await Promise.all([pairs.delete(pairKey(client, emailKey)), clients.reward(clientKey(client), 1)]);
    },
    close,
  };
}

/** rate-limiter-flexible rejects with a `RateLimiterRes` when over the limit, and with an `Error` when the store fails. */
async function refusal(consumed: Promise<RateLimiterRes>): Promise<LoginAllowance | null> {
  try {
    await consumed;
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return { kind: 'limited', retryAfterMs: Math.max(1, error.msBeforeNext) };
    throw error;
  }
}
