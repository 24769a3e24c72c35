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
});
