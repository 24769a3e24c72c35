import type { SessionRegistry } from '../../application/session-registry.js';

/**
 * The embedded registry: a map in this process, filled from Postgres at start (see identity-service.ts).
 * Its methods only touch the map, so they return settled promises rather than being async.
 */
export function memorySessionRegistry(now: () => Date): SessionRegistry {
  const live = new Map<string, number>();
  return {
    open({ sessionId, expiresAt }) {
      live.set(sessionId, expiresAt.getTime());
      return Promise.resolve();
    },
    isLive(sessionId) {
      const expiresAt = live.get(sessionId);
      if (expiresAt === undefined) return Promise.resolve(false);
      if (expiresAt > now().getTime()) return Promise.resolve(true);
      live.delete(sessionId);
      return Promise.resolve(false);
    },
    end(sessionIds) {
      for (const id of sessionIds) live.delete(id);
      return Promise.resolve();
    },
    close() {
      live.clear();
      return Promise.resolve();
    },
  };
}
