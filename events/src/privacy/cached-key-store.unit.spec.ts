import { describe, expect, it } from 'vitest';
import { CachedKeyStore } from './cached-key-store.js';
import { InMemoryKeyStore } from './in-memory-key-store.js';
import type { KeyStore } from './key-store.js';

const user = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

function counted(store: KeyStore) {
  const calls = { get: 0 };
  const wrapped: KeyStore = {
    getOrCreate: (id) => store.getOrCreate(id),
    get: (id) => ((calls.get += 1), store.get(id)),
    destroy: (id) => store.destroy(id),
  };
  return { wrapped, calls };
}

describe('CachedKeyStore', () => {
  it('asks the store once per user and TTL, and again once the entry expired', async () => {
    let now = 0;
    const shared = new InMemoryKeyStore();
    const { wrapped, calls } = counted(shared);
    const cache = new CachedKeyStore(wrapped, { ttlMs: 1_000, now: () => now });
    const key = await shared.getOrCreate(user);
    for (let i = 0; i < 5; i++) expect(await cache.get(user)).toEqual({ state: 'active', key });
    expect(calls.get).toBe(1);
    expect(cache.stats).toEqual({ hits: 4, misses: 1 });
    now = 1_000;
    await cache.get(user);
    expect(calls.get).toBe(2);
  });

  it('sees a destroy made through another process within the TTL, and its own at once', async () => {
    let now = 0;
    const shared = new InMemoryKeyStore();
    const here = new CachedKeyStore(shared, { ttlMs: 1_000, now: () => now });
    const there = new CachedKeyStore(shared, { ttlMs: 1_000, now: () => now });
    await here.getOrCreate(user);
    await there.get(user);
    await here.destroy(user);
    expect(await here.get(user)).toEqual({ state: 'destroyed' });
    expect((await there.get(user)).state).toBe('active'); // the bound: stale for at most the TTL
    now = 1_000;
    expect(await there.get(user)).toEqual({ state: 'destroyed' });
    await expect(there.getOrCreate(user)).rejects.toThrow(/destroyed/);
  });

  it('never caches absence, and caches a tombstone for good', async () => {
    let now = 0;
    const shared = new InMemoryKeyStore();
    const { wrapped, calls } = counted(shared);
    const cache = new CachedKeyStore(wrapped, { ttlMs: 1_000, now: () => now });
    expect(await cache.get(user)).toEqual({ state: 'absent' });
    await shared.getOrCreate(user);
    expect((await cache.get(user)).state).toBe('active');
    await cache.destroy(user);
    now = 10_000_000;
    const before = calls.get;
    expect(await cache.get(user)).toEqual({ state: 'destroyed' });
    expect(calls.get).toBe(before);
  });

  it('keeps at most maxEntries users, dropping the oldest', async () => {
    const shared = new InMemoryKeyStore();
    const { wrapped, calls } = counted(shared);
    const cache = new CachedKeyStore(wrapped, { maxEntries: 2 });
    const users = ['a', 'b', 'c'].map((c) => `${c.repeat(8)}-0000-4000-8000-000000000000`);
    for (const id of users) await shared.getOrCreate(id);
    for (const id of users) await cache.get(id);
    await cache.get(users[2]!);
    expect(calls.get).toBe(3);
    await cache.get(users[0]!);
    expect(calls.get).toBe(4);
  });

  it('does not cache a key read before a destroy announced while the read was in flight (issue 16)', async () => {
    const shared = new InMemoryKeyStore();
    const key = await shared.getOrCreate(user);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: KeyStore = {
      getOrCreate: (id) => shared.getOrCreate(id),
      get: async (id) => {
        const lookup = await shared.get(id); // reads the live key ...
        await gate; // ... and answers only after the destroy's NOTIFY evicted the user
        return lookup;
      },
      destroy: (id) => shared.destroy(id),
    };
    const cache = new CachedKeyStore(slow, { ttlMs: 60_000 });
    const inFlight = cache.get(user);
    await new Promise((resolve) => setImmediate(resolve));
    await shared.destroy(user); // another process destroys it ...
    cache.evict(user); // ... and its NOTIFY arrives here
    release();
    expect(await inFlight).toEqual({ state: 'active', key }); // the read itself answers what it found
    expect(await cache.get(user)).toEqual({ state: 'destroyed' }); // but the next lookup asks the store again
  });

  it('does not cache a key read before an evict-all (a lost listener) either', async () => {
    const shared = new InMemoryKeyStore();
    await shared.getOrCreate(user);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: KeyStore = {
      getOrCreate: (id) => shared.getOrCreate(id),
      get: async (id) => {
        const lookup = await shared.get(id);
        await gate;
        return lookup;
      },
      destroy: (id) => shared.destroy(id),
    };
    const cache = new CachedKeyStore(slow, { ttlMs: 60_000 });
    const inFlight = cache.get(user);
    await new Promise((resolve) => setImmediate(resolve));
    await shared.destroy(user);
    cache.evict();
    release();
    await inFlight;
    expect(await cache.get(user)).toEqual({ state: 'destroyed' });
  });
});
