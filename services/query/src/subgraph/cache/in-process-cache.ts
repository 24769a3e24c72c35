import type { ReadCache } from './read-cache.js';

/**
 * The embedded adapter: a bounded map in the subgraph's process. Values are kept as JSON text, so a
 * caller gets a fresh copy (as from Redis) and cannot change what the next request reads.
 */
export function createInProcessCache(options: { readonly maxEntries?: number; readonly now?: () => number } = {}): ReadCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { text: string; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return Promise.resolve(undefined);
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return Promise.resolve(undefined);
      }
      return Promise.resolve(JSON.parse(entry.text) as unknown);
    },
    // async so that a value JSON.stringify refuses (a BigInt, a cycle) reaches the caller as a rejection, as from
    // Redis: the cached read skips a cache that fails (.catch), it must not fail the request
    // eslint-disable-next-line @typescript-eslint/require-await
    async set(key, value, ttlSeconds) {
      entries.delete(key);
      // Oldest first: a Map iterates in insertion order, so the first key is the least recently written.
      while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { text: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
    },
    close() {
      entries.clear();
      return Promise.resolve();
    },
  };
}
