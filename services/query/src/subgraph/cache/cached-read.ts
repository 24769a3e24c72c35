import type { Logger } from '@mindflow/platform';
import type { ReadCache } from './read-cache.js';

export interface UserCache {
  /**
   * The value of `part` for this user as of their current read stamp: from the cache, or computed and
   * stored. A cache that fails is skipped (the read goes to the read DB), never the request.
   */
  read<T>(part: string, compute: () => Promise<T>, revive?: (cached: unknown) => T): Promise<T>;
}

export interface UserCacheOptions {
  readonly cache: ReadCache;
  readonly userId: string;
  /** The user's read stamp, read once per request (after any `x-consistent-with` wait). */
  readonly stamp: () => Promise<string>;
  readonly ttlSeconds: number;
  readonly log: Logger;
}

export function userCache({ cache, userId, stamp, ttlSeconds, log }: UserCacheOptions): UserCache {
  return {
    async read<T>(part: string, compute: () => Promise<T>, revive = (cached: unknown) => cached as T) {
      const key = `user:${userId.toLowerCase()}:${await stamp()}:${part}`;
      const hit = await cache.get(key).catch((error: unknown) => {
        log.warn({ err: error }, 'read cache unavailable; reading the read DB');
        return undefined;
      });
      if (hit !== undefined) return revive(hit);
      const value = await compute();
      await cache.set(key, value, ttlSeconds).catch((error: unknown) => log.warn({ err: error }, 'read cache unavailable; not stored'));
      return value;
    },
  };
}
