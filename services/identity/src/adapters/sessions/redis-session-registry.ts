import { Redis } from 'ioredis';
import type { SessionRegistry } from '../../application/session-registry.js';

/** The Redis key of a live session: `<REDIS_KEY_PREFIX>identity:session:<sid>`, value the user id, expiring with the session. */
export const sessionKey = (prefix: string, sessionId: string) => `${prefix}identity:session:${sessionId}`;

/** The distributed registry: one key per live session, shared by every identity replica. */
export function redisSessionRegistry(url: string, prefix: string): SessionRegistry & { readonly redis: Redis } {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', () => undefined); // reconnects by itself; failing commands reach their callers
  return {
    redis,
    async open({ sessionId, userId, expiresAt }) {
      await redis.set(sessionKey(prefix, sessionId), userId, 'PXAT', expiresAt.getTime());
    },
    async isLive(sessionId) {
      return (await redis.exists(sessionKey(prefix, sessionId))) === 1;
    },
    async end(sessionIds) {
      if (sessionIds.length > 0) await redis.del(...sessionIds.map((id) => sessionKey(prefix, id)));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
