// The login limits in both adapters, held to one contract: rate-limiter-flexible over real Redis
// (distributed) and in this process (embedded). Blocks are a second long here so that expiry is real.
import { randomUUID } from 'node:crypto';
import { testServers, uniqueRedisPrefix } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginLimiter } from '../../application/login-limiter.js';
import type { LoginLimits } from '../../domain/login/login-limits.js';
import { memoryLoginLimiter, redisLoginLimiter } from './flexible-login-limiter.js';

const limits: LoginLimits = { maxFailures: 5, blockSeconds: 1, clientMaxFailures: 12, clientWindowSeconds: 60 };
const address = () => `${randomUUID().slice(0, 8)}@example.com`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let nextClient = 0;
const client = () => `203.0.113.${(nextClient += 1)}`;

const adapters: [string, () => Promise<LoginLimiter>][] = [
  ['memory (embedded)', () => Promise.resolve(memoryLoginLimiter(limits))],
  ['Redis (distributed)', async () => redisLoginLimiter(limits, await (await testServers()).redisUrl(), uniqueRedisPrefix('identity-login-limits'))],
];

describe.each(adapters)('login limiter: %s', (_name, create) => {
  let limiter: LoginLimiter;
  beforeAll(async () => {
    limiter = await create();
  });
  afterAll(async () => limiter?.close());

  const attempts = async (from: string, email: string, count: number) => {
    const kinds: string[] = [];
    for (let i = 0; i < count; i += 1) kinds.push((await limiter.attempt(from, email)).kind);
    return kinds;
  };

  it('lets 5 attempts in a row through, then refuses that client at that address for the block', async () => {
    const [from, email] = [client(), address()];
    expect(await attempts(from, email, 5)).toEqual(Array(5).fill('proceed'));
    const refused = await limiter.attempt(from, email);
    expect(refused.kind).toBe('limited');
    expect(refused.kind === 'limited' && refused.retryAfterMs).toBeGreaterThan(500);
    expect(refused.kind === 'limited' && refused.retryAfterMs).toBeLessThanOrEqual(1_000);
  });

  it('keeps the address open to another client, and the client open at another address', async () => {
    const [from, email] = [client(), address()];
    await attempts(from, email, 6);
    expect((await limiter.attempt(client(), email)).kind).toBe('proceed');
    expect((await limiter.attempt(from, address())).kind).toBe('proceed');
  });

  it('lets the client try again once the block is over', async () => {
    const [from, email] = [client(), address()];
    await attempts(from, email, 6);
    await sleep(1_100);
    expect((await limiter.attempt(from, email)).kind).toBe('proceed');
  });

  it('forgets the pair\'s failures after a success', async () => {
    const [from, email] = [client(), address()];
    await attempts(from, email, 4);
    await limiter.succeeded(from, email);
    expect(await attempts(from, email, 5)).toEqual(Array(5).fill('proceed'));
    expect((await limiter.attempt(from, email)).kind).toBe('limited');
  });

  it('lets no more than 5 through when attempts arrive all at once', async () => {
    const [from, email] = [client(), address()];
    const kinds = (await Promise.all(Array.from({ length: 12 }, () => limiter.attempt(from, email)))).map((a) => a.kind);
    expect(kinds.filter((k) => k === 'proceed')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'limited')).toHaveLength(7);
  });

  it('caps one client\'s failures across addresses (spraying), and no other client', async () => {
    const from = client();
    const kinds: string[] = [];
    for (let i = 0; i < 14; i += 1) kinds.push((await limiter.attempt(from, address())).kind);
    expect(kinds).toEqual([...Array(12).fill('proceed'), 'limited', 'limited']);
    expect((await limiter.attempt(client(), address())).kind).toBe('proceed');
  });

  it('does not count a success or a pair refusal against the client\'s cap', async () => {
    const [from, email] = [client(), address()];
    for (let i = 0; i < 20; i += 1) {
      expect((await limiter.attempt(from, email)).kind).toBe('proceed');
      await limiter.succeeded(from, email);
    }
    await attempts(from, email, 10); // 5 failures, then 5 refused by the pair
    const elsewhere: string[] = [];
    for (let i = 0; i < 8; i += 1) elsewhere.push((await limiter.attempt(from, address())).kind);
    expect(elsewhere).toEqual([...Array(7).fill('proceed'), 'limited']);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as the IPv4 address', async () => {
    const email = address();
    for (let i = 1; i <= 5; i += 1) await limiter.attempt(`2001:db8:77:1::${i}`, email);
    expect((await limiter.attempt('2001:db8:77:1:ffff::9', email)).kind).toBe('limited');
    expect((await limiter.attempt('2001:db8:77:2::1', email)).kind).toBe('proceed');
    const v4 = client();
    await attempts(v4, email, 5);
    expect((await limiter.attempt(`::ffff:${v4}`, email)).kind).toBe('limited');
  });
});
