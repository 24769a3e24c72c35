import type { Logger } from '@mindflow/platform';
import { Redis } from 'ioredis';
import type { ReadCache } from './read-cache.js';

export interface RedisCacheOptions {
  readonly url: string;
  /** `REDIS_KEY_PREFIX` (ends in `:`): keys are `<prefix>query:cache:<key>`. */
  readonly keyPrefix: string;
  readonly log: Logger;
}

/** The distributed adapter: one Redis shared by every subgraph replica, `SET … EX ttl`. */
export function createRedisCache(options: RedisCacheOptions): ReadCache {
  const redis = new Redis(options.url, {
    connectionName: 'mindflow-query-cache',
    keyPrefix: `${options.keyPrefix}query:cache:`,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
    lazyConnect: true,
  }).on('error', (error: Error) => options.log.warn({ err: error }, 'redis cache connection error'));
  return {
    async get(key) {
      const text = await redis.get(key);
      return text === null ? undefined : (JSON.parse(text) as unknown);
    },
    async set(key, value, ttlSeconds) {
      await redis.set(key, JSON.stringify(value), 'EX', Math.max(1, Math.ceil(ttlSeconds)));
    },
    close() {
      redis.disconnect();
      return Promise.resolve();
    },
  };
}
