import type { SessionRegistry } from '../../application/session-registry.js';

/** The embedded registry: a map in this process, filled from Postgres at start (see identity-service.ts). */
export function memorySessionRegistry(now: () => Date): SessionRegistry {
  const live = new Map<string, number>();
  return {
    async open({ sessionId, expiresAt }) {
      live.set(sessionId, expiresAt.getTime());
    },
    async isLive(sessionId) {
      const expiresAt = live.get(sessionId);
      if (expiresAt === undefined) return false;
      if (expiresAt > now().getTime()) return true;
      live.delete(sessionId);
      return false;
    },
    async end(sessionIds) {
      for (const id of sessionIds) live.delete(id);
    },
    async close() {
      live.clear();
    },
  };
}
