// deleteAccount and the erasure saga against the real identity service (real Postgres; distributed: real Redis).
import { randomUUID } from 'node:crypto';
import { keyStoreConfigSchema, openKeyStore } from '@mindflow/event-log';
import type { ErasingService } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase } from '@mindflow/testing';
import type { Mode } from '@mindflow/platform';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasureReport } from './application/erasure-report.js';
import { recordErasureReceipt, runErasureRound } from './application/erasure-saga.js';
import type { DataKeys } from './application/ports/data-keys.js';
import { minutes } from './test/test-clock.js';
import { operations as op, startIdentityUnderTest, SubgraphClient, type IdentityUnderTest, type SignedIn } from './test/identity-under-test.js';

const password = 'correct horse battery staple';
const modes: Mode[] = ['embedded', 'distributed'];

/** The key store as far as identity sees it: remembers what was destroyed, fails while told to. */
class RecordingDataKeys implements DataKeys {
  readonly destroyed: string[] = [];
  failing = false;
  destroy(userId: string): Promise<void> {
    if (this.failing) return Promise.reject(new Error('key store unavailable'));
    this.destroyed.push(userId);
    return Promise.resolve();
  }
}

describe.each(modes)('account erasure (%s mode)', (mode) => {
  let identity: IdentityUnderTest;
  const keys = new RecordingDataKeys();
  const services: ErasingService[] = ['command', 'query', 'search'];

  beforeAll(async () => {
    identity = await startIdentityUnderTest(mode, `erasure-${mode}`, { IDENTITY_ERASURE_SERVICES: services.join(','), IDENTITY_ERASURE_RETRY_SECONDS: '600' }, { dataKeys: keys });
  });
  afterAll(async () => identity?.stop());

  const pool = () => identity.service.environment.pool;
  const live = async (accessToken: string) => (await fetch(`${identity.service.sessionsUrl}/${String(decodeJwt(accessToken)['sid'])}`)).status === 200;
  async function registered() {
    const session = new SubgraphClient(identity);
    const email = `erase-${randomUUID().slice(0, 8)}@example.com`;
    const { register } = await session.data<{ register: SignedIn }>(op.register, { email, password, name: 'Ada' });
    session.accessToken = register.accessToken;
    return { session, email, userId: register.user.id };
  }
  const erasureEvents = async (userId: string) =>
    (await pool().query<{ event_type: string; aggregate_version: number; payload: Record<string, unknown> }>(
      `SELECT event_type, aggregate_version, payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'UserErasureRequested' ORDER BY aggregate_version`,
      [userId],
    )).rows;

  it('refuses a wrong password and changes nothing', async () => {
    const { session, userId } = await registered();
    const answer = await session.send(op.deleteAccount, { password: 'not the password at all' });
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(await live(session.accessToken!)).toBe(true);
    expect((await session.data<{ me: { id: string } }>(op.me)).me.id).toBe(userId);
    expect(await erasureEvents(userId)).toEqual([]);
  });

  it('ends every session at once, deletes the account, records UserErasureRequested and destroys the key', async () => {
    const { session, email, userId } = await registered();
    const otherDevice = new SubgraphClient(identity);
    const { login } = await otherDevice.data<{ login: SignedIn }>(op.login, { email, password });
    otherDevice.accessToken = login.accessToken;

    expect(await session.data<{ deleteAccount: boolean }>(op.deleteAccount, { password })).toEqual({ deleteAccount: true });

    expect(await live(session.accessToken!)).toBe(false);
    expect(await live(otherDevice.accessToken)).toBe(false);
    expect((await otherDevice.send(op.refresh)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await pool().query('SELECT 1 FROM users WHERE user_id = $1 UNION ALL SELECT 1 FROM sessions WHERE user_id = $1', [userId])).rowCount).toBe(0);
    expect(await erasureEvents(userId)).toEqual([
      // UserRegistered is 1, the second device's UserLoggedIn 2.
      { event_type: 'UserErasureRequested', aggregate_version: 3, payload: { userId, requestedAt: expect.any(String), attempt: 1, services } },
    ]);
    expect(keys.destroyed).toContain(userId);
    const erasure = await identity.service.environment.store.erasures.find(userId);
    expect(erasure).toMatchObject({ attempt: 1, keyDestroyedAt: expect.any(Date), completedAt: null });
    expect(erasure?.receipts.map((r) => [r.service, r.acknowledgedAt])).toEqual([['command', null], ['query', null], ['search', null]]);
    // Nothing of the person stays in the erasure's record.
    expect(JSON.stringify(erasure)).not.toContain(email.split('@')[0]);

    // A second deleteAccount with the old token has nothing left to delete.
    expect((await session.send(op.deleteAccount, { password })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // The address registers again as a new, empty account.
    const again = await new SubgraphClient(identity).data<{ register: SignedIn }>(op.register, { email, password });
    expect(again.register.user.id).not.toBe(userId);
  });

  it('completes once every service acknowledged, however often each does, and asks again only the missing ones', async () => {
    const { session, userId } = await registered();
    await session.data(op.deleteAccount, { password });
    const env = identity.service.environment;
    const receipt = (service: ErasingService, attempt = 1) => ({ userId, service, attempt, erasedAt: env.now().toISOString(), erased: { rows: 2 } });

    expect(await recordErasureReceipt(env, receipt('command'))).toBe(true);
    expect(await recordErasureReceipt(env, receipt('command'))).toBe(false);
    identity.clock.advance(minutes(11));
    // (the earlier tests' erasures, never acknowledged, are overdue too)
    expect((await runErasureRound(env)).retried).toBeGreaterThanOrEqual(1);
    const events = await erasureEvents(userId);
    expect(events.at(-1)).toMatchObject({ aggregate_version: 3, payload: { attempt: 2, services: ['query', 'search'] } });
    // Not overdue again yet: no third request.
    expect((await runErasureRound(env)).retried).toBe(0);

    expect(await recordErasureReceipt(env, receipt('query', 2))).toBe(true);
    expect(await recordErasureReceipt(env, receipt('search', 1))).toBe(true);
    const done = await env.store.erasures.find(userId);
    expect(done?.completedAt).toEqual(expect.any(Date));
    expect(done?.receipts.find((r) => r.service === 'query')).toMatchObject({ attempt: 2, erased: { rows: 2 } });
    // The operators' report says what was erased where and when.
    const report = erasureReport([done!]);
    expect(report).toContain(`user ${userId}`);
    expect(report).toMatch(/complete \d{4}-/);
    expect(report).toMatch(/query +erased \S+ \(attempt 2\) +rows=2/);
    expect(report).toMatch(/command +erased \S+ \(attempt 1\) +rows=2/);
    identity.clock.advance(minutes(30));
    await runErasureRound(env);
    expect(await erasureEvents(userId)).toHaveLength(2); // a complete erasure is never asked again
  });

  it('destroys a key that could not be destroyed at once in a later round, and only then completes', async () => {
    const { session, userId } = await registered();
    keys.failing = true;
    await session.data(op.deleteAccount, { password });
    keys.failing = false;
    const env = identity.service.environment;
    for (const service of services) await recordErasureReceipt(env, { userId, service, attempt: 1, erasedAt: env.now().toISOString(), erased: {} });
    expect((await env.store.erasures.find(userId))?.completedAt).toBeNull();
    expect((await runErasureRound(env)).keysDestroyed).toBeGreaterThanOrEqual(1);
    expect(keys.destroyed).toContain(userId);
    expect((await env.store.erasures.find(userId))?.completedAt).toEqual(expect.any(Date));
  });
});

describe('account erasure with the key store wired (embedded mode)', () => {
  it('seals identity’s events with the user’s key and destroys that key in the Postgres key store', async () => {
    const keysDb = await createTestDatabase('identity-erasure-keys');
    const identity = await startIdentityUnderTest('embedded', 'erasure-keys', { KEY_STORE_DATABASE_URL: keysDb.url, KEY_CACHE_TTL_MS: '0' });
    const writer = await openKeyStore({ ...keyStoreConfigSchema.parse({ KEY_CACHE_TTL_MS: '0' }), databaseUrl: keysDb.url }, { log: createLogger('keys-test', 'silent') });
    try {
      const session = new SubgraphClient(identity);
      const email = `keys-${randomUUID().slice(0, 8)}@example.com`;
      const { register } = await session.data<{ register: SignedIn }>(op.register, { email, password, name: 'Zebulon' });
      // Identity's own outbox holds her address and name sealed with her key, never in the clear.
      const raw = await identity.service.environment.pool.query<{ bytes: string }>('SELECT payload::text AS bytes FROM outbox WHERE aggregate_id = $1', [register.user.id]);
      expect(raw.rows.length).toBeGreaterThan(0);
      expect(raw.rows.map((r) => r.bytes).join(' ')).not.toMatch(new RegExp(`${email.split('@')[0]!}|Zebulon`));
      session.accessToken = register.accessToken;
      expect((await writer.keys.get(register.user.id)).state).toBe('active');

      await session.data(op.deleteAccount, { password });
      expect((await writer.keys.get(register.user.id)).state).toBe('destroyed');
      expect((await identity.service.environment.store.erasures.find(register.user.id))?.keyDestroyedAt).toEqual(expect.any(Date));
    } finally {
      await writer.close();
      await identity.stop();
      await keysDb.drop();
    }
  });
});
