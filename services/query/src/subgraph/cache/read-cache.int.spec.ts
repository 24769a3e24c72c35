import { createLogger } from '@mindflow/platform';
import { testServers, uniqueRedisPrefix } from '@mindflow/testing';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { userCache } from './cached-read.js';
import { createInProcessCache } from './in-process-cache.js';
import type { ReadCache } from './read-cache.js';
import { createRedisCache } from './redis-cache.js';

const log = createLogger('read-cache-test', 'silent');
const opened: ReadCache[] = [];
afterAll(async () => {
  for (const cache of opened) await cache.close();
});

/** Two handles on one cache: two replicas of the subgraph (Redis), or the same process (in-process). */
const adapters: [string, () => Promise<[ReadCache, ReadCache]>][] = [
  ['in-process', () => {
    const cache = createInProcessCache();
    opened.push(cache);
    return Promise.resolve([cache, cache]);
  }],
  ['redis', async () => {
    const url = await (await testServers()).redisUrl();
    const keyPrefix = uniqueRedisPrefix('query-cache');
    const pair: [ReadCache, ReadCache] = [createRedisCache({ url, keyPrefix, log }), createRedisCache({ url, keyPrefix, log })];
    opened.push(...pair);
    return pair;
  }],
];

describe.each(adapters)('ReadCache contract: %s', (_name, open) => {
  it('returns what was stored, as a copy, to every replica; nothing for an unknown key', async () => {
    const [a, b] = await open();
    const value = { list: [1, 2], at: '2030-01-01T00:00:00.000Z', none: null };
    await a.set('k1', value, 60);
    expect(await b.get('k1')).toEqual(value);
    const copy = (await a.get('k1')) as typeof value;
    copy.list.push(3);
    expect(await b.get('k1')).toEqual(value);
    expect(await b.get('missing')).toBeUndefined();
  });

  it('replaces a value and forgets it once its time to live is over', async () => {
    const [a, b] = await open();
    await a.set('k2', 'first', 60);
    await a.set('k2', 'second', 1);
    expect(await b.get('k2')).toBe('second');
    const deadline = Date.now() + 10_000;
    while ((await b.get('k2')) !== undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await b.get('k2')).toBeUndefined();
  });

  it('serves a user\'s part until their read stamp moves, then computes it anew', async () => {
    const [a, b] = await open();
    let stamp = '1';
    let computed = 0;
    const read = (cache: ReadCache) =>
      userCache({ cache, userId: 'U1', stamp: () => Promise.resolve(stamp), ttlSeconds: 60, log }).read('part', () => Promise.resolve({ n: ++computed }));
    expect(await read(a)).toEqual({ n: 1 });
    expect(await read(b)).toEqual({ n: 1 });
    stamp = '2';
    expect(await read(b)).toEqual({ n: 2 });
    expect(await read(a)).toEqual({ n: 2 });
  });
});

describe('a cache that fails', () => {
  it('is skipped: the read goes to the read DB', async () => {
    const broken: ReadCache = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      close: () => Promise.resolve(),
    };
    const cache = userCache({ cache: broken, userId: 'U1', stamp: () => Promise.resolve('1'), ttlSeconds: 60, log });
    expect(await cache.read('part', () => Promise.resolve(42))).toBe(42);
  });

  it('(redis) uses REDIS_KEY_PREFIX for every key', async () => {
    const url = await (await testServers()).redisUrl();
    const keyPrefix = uniqueRedisPrefix('query-cache-prefix');
    const cache = createRedisCache({ url, keyPrefix, log });
    opened.push(cache);
    await cache.set('k', 1, 60);
    const redis = new Redis(url);
    try {
      expect(await redis.keys(`${keyPrefix}*`)).toEqual([`${keyPrefix}query:cache:k`]);
    } finally {
      redis.disconnect();
    }
  });
});
