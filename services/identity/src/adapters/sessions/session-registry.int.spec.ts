// The live-session registry in both adapters: Redis keys that expire with the session (distributed), and an
// in-process map refilled from Postgres when identity restarts (embedded).
import { randomUUID } from 'node:crypto';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueRedisPrefix, type TestDatabase } from '@mindflow/testing';
import { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityConfigSchema } from '../../identity-config.js';
import { startIdentityService, type RunningIdentityService } from '../../identity-service.js';
import { sessionKey } from './redis-session-registry.js';

const silent = createLogger('registry-test', 'silent');
const register = 'mutation ($email: String!) { register(email: $email, password: "correct horse battery staple") { accessToken } }';
const logout = 'mutation { logout }';

async function signUp(service: RunningIdentityService): Promise<{ sid: string; cookie: string }> {
  const res = await fetch(service.subgraphUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: register, variables: { email: `registry-${randomUUID().slice(0, 8)}@example.com` } }),
  });
  const body = (await res.json()) as { data: { register: { accessToken: string } } };
  return { sid: String(decodeJwt(body.data.register.accessToken)['sid']), cookie: res.headers.getSetCookie()[0]!.split(';')[0]! };
}

async function logOut(service: RunningIdentityService, cookie: string): Promise<void> {
  await fetch(service.subgraphUrl, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: logout }) });
}

const isLive = async (service: RunningIdentityService, sid: string) => (await fetch(`${service.sessionsUrl}/${sid}`)).status === 200;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('identity-registry');
});
afterAll(async () => db?.drop());

describe('in-process registry (embedded)', () => {
  it('is refilled from Postgres when identity restarts: live sessions stay live, ended ones stay ended', async () => {
    const config = identityConfigSchema.parse({ IDENTITY_DATABASE_URL: db.url, IDENTITY_PORT: '0', LOG_LEVEL: 'silent' });
    const first = await startIdentityService(config, { log: silent });
    const kept = await signUp(first);
    const ended = await signUp(first);
    await logOut(first, ended.cookie);
    await first.close();

    const second = await startIdentityService(config, { log: silent });
    try {
      expect(await isLive(second, kept.sid)).toBe(true);
      expect(await isLive(second, ended.sid)).toBe(false);
    } finally {
      await second.close();
    }
  });
});

describe('Redis registry (distributed)', () => {
  it('keeps one key per live session, expiring with the session, deleted at logout', async () => {
    const redisUrl = await (await testServers()).redisUrl();
    const prefix = uniqueRedisPrefix('identity-registry');
    const service = await startIdentityService(
      identityConfigSchema.parse({ MINDFLOW_MODE: 'distributed', IDENTITY_DATABASE_URL: db.url, IDENTITY_PORT: '0', REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'silent' }),
      { log: silent },
    );
    const redis = new Redis(redisUrl);
    try {
      const { sid, cookie } = await signUp(service);
      const key = sessionKey(prefix, sid);
      expect(await redis.exists(key)).toBe(1);
      const ttlDays = (await redis.pttl(key)) / 86_400_000;
      expect(ttlDays).toBeGreaterThan(29.9);
      expect(ttlDays).toBeLessThanOrEqual(30);

      await logOut(service, cookie);
      expect(await redis.exists(key)).toBe(0);
      expect(await isLive(service, sid)).toBe(false);
    } finally {
      redis.disconnect();
      await service.close();
    }
  });
});
