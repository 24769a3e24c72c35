import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServers, uniqueRedisPrefix } from './index.js';

describe('Redis for suites', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(await (await testServers()).redisUrl(), { lazyConnect: true });
    await redis.connect();
  });
  afterAll(() => redis.quit());

  it('answers', async () => {
    expect(await redis.ping()).toBe('PONG');
  });

  it('keeps two key prefixes apart', async () => {
    const a = uniqueRedisPrefix('isolation');
    const b = uniqueRedisPrefix('isolation');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^mft:isolation:[0-9a-z]+:$/);
    await redis.set(`${a}greeting`, 'hello from a', 'EX', 60);
    expect(await redis.get(`${a}greeting`)).toBe('hello from a');
    expect(await redis.get(`${b}greeting`)).toBeNull();
    const [, keysOfB] = await redis.scan('0', 'MATCH', `${b}*`, 'COUNT', 1000);
    expect(keysOfB).toEqual([]);
  });
});
