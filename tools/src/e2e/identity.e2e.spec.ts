// Identity through the gateway, in both ways to run: register (no token) → the access token creates a
// journal → refreshSession through the httpOnly cookie → logout → the token is refused at once.
// Distributed: UserRegistered and UserLoggedIn reach Kafka through identity's own outbox and relay; embedded, the same
// relay appends them to the write DB's outbox, the embedded event log.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicForAggregate } from '@mindflow/events';
import { createTestDatabase, testServers, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import { identityDatabaseUrlFor, startSystem, waitUntil, type Mode, type RunningSystem } from '../system/index.js';
import { GatewayClient } from './gateway-client.js';
import * as op from './operations.js';

const modes: Mode[] = ['embedded', 'distributed'];
const logs = process.env['E2E_LOGS'] ? process.stderr : null;
const password = 'a long and memorable passphrase';

interface SignedIn { accessToken: string; expiresAt: string; user: { id: string; email: string; roles: string[] } }

/** One HTTP exchange as a browser would make it, cookie and all. */
async function exchange<T>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  const cookie = res.headers.getSetCookie()[0];
  return { status: res.status, ...body, cookie, cookieValue: cookie?.split(';')[0] };
}

const register = 'mutation ($email: String!, $password: String!, $name: String) { register(email: $email, password: $password, name: $name) { accessToken expiresAt user { id email roles } } }';
const login = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken expiresAt user { id email roles } } }';
const refresh = 'mutation { refreshSession { accessToken expiresAt user { id email roles } } }';
const logout = 'mutation ($everywhere: Boolean) { logout(everywhere: $everywhere) }';
const me = '{ me { id email name roles journals { totalCount } } }';

describe.each(modes)('identity through the gateway (%s mode)', (mode) => {
  let system: RunningSystem;
  let writeDb: TestDatabase;
  let readDb: TestDatabase;
  let topicPrefix: string;
  let kafkaBrokers: string[] = [];

  beforeAll(async () => {
    const servers = await testServers();
    [writeDb, readDb] = await Promise.all([createTestDatabase(`e2e-id-${mode}-write`), createTestDatabase(`e2e-id-${mode}-read`)]);
    topicPrefix = uniqueTopicPrefix(`e2e-id-${mode}`);
    if (mode === 'distributed') kafkaBrokers = await servers.kafkaBrokers();
    system = await startSystem({
      mode,
      writeDatabaseUrl: writeDb.url,
      readDatabaseUrl: readDb.url,
      topicPrefix,
      ...(mode === 'distributed'
        ? { kafkaBrokers: kafkaBrokers.join(','), redisUrl: await servers.redisUrl(), redisKeyPrefix: uniqueRedisPrefix(`e2e-id-${mode}`) }
        : {}),
      output: logs,
    });
  });

  afterAll(async () => {
    await system?.stop();
    const identityDb = writeDb && new URL(identityDatabaseUrlFor(writeDb.url)).pathname.slice(1);
    if (identityDb) {
      const admin = new pg.Client({ connectionString: writeDb.url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${identityDb}" WITH (FORCE)`).finally(() => admin.end());
    }
    await Promise.all([writeDb?.drop(), readDb?.drop()]);
  });

  it('registers, writes with the token, refreshes through the cookie, logs out and is refused', async () => {
    const url = system.gatewayUrl;
    const email = `e2e-${mode}-${randomUUID().slice(0, 8)}@example.com`;

    // Register: no token needed; the access token in the body, the refresh token in an httpOnly cookie.
    const registered = await exchange<{ register: SignedIn }>(url, register, { email, password, name: 'E2E' });
    expect(registered.errors).toBeUndefined();
    const { accessToken, user } = registered.data!.register;
    expect(user).toMatchObject({ email, roles: ['user'] });
    expect(registered.cookie).toMatch(/^mindflow_refresh=[\w-]{43}; Max-Age=\d+; Path=\/graphql; HttpOnly; Secure; SameSite=Strict$/);

    // The token works for everything else: me (identity + query) and a journal (query → command).
    const client = new GatewayClient(url).withToken(accessToken);
    expect(await client.data(me)).toEqual({ me: { id: user.id, email, name: 'E2E', roles: ['user'], journals: { totalCount: 0 } } });
    const created = await client.data<op.CreatedJournal>(op.createJournal, { input: { name: 'Signed up today' } });
    const journal = await client.data<op.JournalView>(op.journalWithEntries, { id: created.createJournal.journal.id }, { 'x-consistent-with': created.createJournal.consistencyToken });
    expect(journal.journal).toMatchObject({ name: 'Signed up today', entryCount: 0 });

    // Refresh through the cookie: a new access token and a new cookie; the old cookie is spent.
    const refreshed = await exchange<{ refreshSession: SignedIn }>(url, refresh, {}, { cookie: registered.cookieValue! });
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data!.refreshSession.user.id).toBe(user.id);
    expect(refreshed.cookieValue).toMatch(/^mindflow_refresh=[\w-]{43}$/);
    expect(refreshed.cookieValue).not.toBe(registered.cookieValue);
    const renewed = new GatewayClient(url).withToken(refreshed.data!.refreshSession.accessToken);
    const journals = await renewed.data<{ me: { journals: { totalCount: number } } }>(me, {}, { 'x-consistent-with': created.createJournal.consistencyToken });
    expect(journals.me.journals.totalCount).toBe(1);

    // Logout: both access tokens of the session are refused at once, and the cookie refreshes nothing.
    const out = await exchange<{ logout: boolean }>(url, logout, {}, { authorization: `Bearer ${refreshed.data!.refreshSession.accessToken}`, cookie: refreshed.cookieValue! });
    expect(out.data).toEqual({ logout: true });
    expect(out.cookie).toMatch(/^mindflow_refresh=; Max-Age=0;/);
    for (const token of [accessToken, refreshed.data!.refreshSession.accessToken]) {
      const refused = await new GatewayClient(url).withToken(token).request(op.createJournal, { input: { name: 'after logout' } });
      expect(refused.errors?.[0]).toMatchObject({ message: 'session ended: sign in again', extensions: { code: 'UNAUTHENTICATED' } });
    }
    const stale = await exchange(url, refresh, {}, { cookie: refreshed.cookieValue! });
    expect(stale.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Signing in again works, with a new session.
    const again = await exchange<{ login: SignedIn }>(url, login, { email: email.toUpperCase(), password });
    expect(again.errors).toBeUndefined();
    expect(await new GatewayClient(url).withToken(again.data!.login.accessToken).data(me)).toMatchObject({ me: { id: user.id } });

    if (mode === 'distributed') {
      const events = await userEvents(user.id, 2);
      expect(events.map((e) => [e.eventType, e.aggregateVersion])).toEqual([['UserRegistered', 1], ['UserLoggedIn', 2]]);
      // As the relay published it: the address and the name sealed with the user's data key (crypto-shredding).
      expect(events[0]!.payload).toMatchObject({ userId: user.id, roles: ['user'] });
      expect(JSON.stringify(events[0]!.payload)).not.toContain(email.split('@')[0]);
    } else {
      // Embedded: identity-relay (RELAY_TARGET=outbox) appends identity's outbox to the write DB's, the embedded event log, as written.
      await waitUntil(`2 events of user ${user.id} in the write DB's outbox`, async () => (await outboxRowsOf(writeDb.url, user.id)).length >= 2, 60_000, 200);
      const copied = await outboxRowsOf(writeDb.url, user.id);
      expect(copied.map((r) => [r['event_type'], r['aggregate_version']])).toEqual([['UserRegistered', 1], ['UserLoggedIn', 2]]);
      // The address and the name sealed with the user's data key (crypto-shredding), the rest as written.
      expect(copied[0]!['payload']).toMatchObject({ userId: user.id, roles: ['user'] });
      expect(JSON.stringify(copied[0]!['payload'])).not.toContain(email.split('@')[0]);
      expect(copied).toEqual(await outboxRowsOf(identityDatabaseUrlFor(writeDb.url), user.id));
    }
  });

  it('answers a wrong password like an unknown email, and locks after 5 failures', async () => {
    const url = system.gatewayUrl;
    const email = `e2e-lock-${randomUUID().slice(0, 8)}@example.com`;
    expect((await exchange(url, register, { email, password })).errors).toBeUndefined();
    const unknown = await exchange(url, login, { email: `nobody-${email}`, password });
    expect(unknown.errors?.[0]).toMatchObject({ message: 'invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    for (let i = 0; i < 5; i += 1) {
      const wrong = await exchange(url, login, { email, password: `wrong password ${i}` });
      expect(wrong.errors?.[0]).toMatchObject({ message: 'invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    }
    const locked = await exchange(url, login, { email, password });
    expect(locked.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 900 } });
  });

  /** The events of one user on Kafka (`<prefix>.user`, key = user id), as any consumer reads them. */
  /** A user's rows in one database's outbox, every column but the database's own position and tx_id. */
  async function outboxRowsOf(databaseUrl: string, userId: string): Promise<Record<string, unknown>[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<Record<string, unknown>>(
        `SELECT event_id, event_type, schema_version, aggregate_type, aggregate_id, aggregate_version, user_id, correlation_id,
                causation_id, occurred_at, payload, trace_context
           FROM outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`,
        [userId],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  /** The user's events as stored on Kafka (not opened: their personal fields stay sealed). */
  async function userEvents(userId: string, count: number): Promise<{ eventType: string; aggregateVersion: number; payload: Record<string, unknown> }[]> {
    const kafka = new Kafka({ clientId: 'e2e-identity', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `e2e-identity-${randomUUID()}` });
    const seen: { eventType: string; aggregateVersion: number; payload: Record<string, unknown> }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: topicForAggregate('user', topicPrefix), fromBeginning: true });
      await consumer.run({
        eachMessage: ({ message }) => {
          if (String(message.key) === userId) seen.push(JSON.parse(String(message.value)) as (typeof seen)[number]);
          return Promise.resolve();
        },
      });
      await waitUntil(`${count} events of user ${userId} on Kafka`, () => seen.length >= count, 60_000, 200);
      return seen;
    } finally {
      await consumer.disconnect();
    }
  }
});
