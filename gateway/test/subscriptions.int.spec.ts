// Subscriptions served by the gateway in front of the real query subgraph process and a real read DB.
// Notifications are published on the in-process bus, as the notifier would: this suite is about what the
// gateway makes of them (resolution through the supergraph, isolation, read-your-writes, auth, limits).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { issueAccessToken, loadSigningKeys, type SigningKeys } from '@mindflow/auth';
import { createInProcessBus, type Notification, type NotificationBus } from '@mindflow/notifications';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { createTestReadDb, seedJournalWithEntries, type TestReadDb } from './read-db.js';
import { startSubgraphProcess, type SubgraphProcess } from './subgraph-process.js';
import { closeOnInit, connect, subscribe, wsUrl } from './ws-client.js';

const secret = 'gateway-subscriptions-int-test-secret';
const alice = randomUUID();
const bob = randomUUID();
const inner = createInProcessBus();
/** How many coming `listen` calls fail, as they do while Redis is down or reconnecting. */
let failingListens = 0;
const bus: NotificationBus = {
  ...inner,
  listen: (userId, listener) => {
    if (failingListens === 0) return inner.listen(userId, listener);
    failingListens -= 1;
    return Promise.reject(new Error('the notification bus is down'));
  },
};
const metrics = new Registry();
let keys: SigningKeys;
let db: TestReadDb;
let subgraph: SubgraphProcess;
let gateway: RunningGateway;
let aliceEntry: string;
let bobEntry: string;
const clients: Client[] = [];

const token = async (userId: string) => (await issueAccessToken({ userId, roles: ['user'] }, keys)).token;
async function client(userId: string): Promise<Client> {
  const c = connect(gateway.url, await token(userId));
  clients.push(c);
  return c;
}

/** The one entry of a freshly seeded journal, with its version recorded as applied by the projector. */
async function seedEntry(owner: string, journalName: string, title: string): Promise<string> {
  const journalId = await seedJournalWithEntries(db.pool, owner, journalName, [title]);
  const { rows } = await db.pool.query<{ entry_id: string }>('SELECT entry_id FROM entries_view WHERE journal_id = $1', [journalId]);
  const entryId = rows[0]!.entry_id;
  await db.pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1)`, [entryId]);
  return entryId;
}

function entryNotification(userId: string, entryId: string, kind: 'CREATED' | 'UPDATED' | 'DELETED' = 'UPDATED', version = 1): Notification {
  return {
    subject: 'entry', kind, subjectId: entryId, eventId: randomUUID(), eventType: 'JournalEntryUpdated',
    userId, aggregateId: entryId, aggregateVersion: version, occurredAt: new Date().toISOString(),
  };
}

/** Subscriptions become live a moment after the client sends them: wait until the gateway runs them. */
async function activeSubscriptions(count: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = (await metrics.getSingleMetric('mindflow_gateway_subscriptions_active')!.get()).values[0]?.value ?? 0;
    if (value === count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} active subscriptions, have ${value}`);
    await sleep(10);
  }
}

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const pem = { AUTH_PRIVATE_KEY: await exportPKCS8(pair.privateKey), AUTH_PUBLIC_KEY: await exportSPKI(pair.publicKey) };
  keys = await loadSigningKeys(pem);
  db = await createTestReadDb();
  aliceEntry = await seedEntry(alice, 'Alice days', 'first light');
  bobEntry = await seedEntry(bob, 'Bob secrets', 'hidden');
  subgraph = await startSubgraphProcess('services/query/src/subgraph-main.ts', 'QUERY_SUBGRAPH_PORT', {
    READ_DATABASE_URL: db.url,
    INTERNAL_CALLER_SECRET: secret,
    CONSISTENCY_WAIT_MS: '3000',
    COMMAND_GRPC_ADDRESS: '127.0.0.1:1',
  });
  gateway = await startGateway(
    { GATEWAY_PORT: 0, QUERY_SUBGRAPH_URL: subgraph.url, AUTH_PUBLIC_KEY: pem.AUTH_PUBLIC_KEY, INTERNAL_CALLER_SECRET: secret, GATEWAY_MAX_DEPTH: 6 },
    { notifications: bus, metrics },
  );
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map(async (c) => { await c.dispose(); }));
  await activeSubscriptions(0);
});

afterAll(async () => {
  await gateway?.close();
  await subgraph?.stop();
  await db?.drop();
});

const entryChanged = 'subscription { entryChanged { kind entryId entry { title journal { name } } } }';

describe('subscriptions through the gateway', () => {
  it('closes with a retryable code (1013, not 4500) when the bus cannot take a subscription, and delivers after the retry', async () => {
    failingListens = 1;
    const closes: number[] = [];
    const retrying = createClient({
      url: wsUrl(gateway.url),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await token(alice)}` },
      retryAttempts: 3,
      retryWait: () => sleep(50),
      shouldRetry: (event) => (event as { code?: number }).code === 1013,
      on: { closed: (event) => void closes.push((event as { code: number }).code) },
    });
    clients.push(retrying);
    const sub = subscribe(retrying, entryChanged);
    await activeSubscriptions(1);
    expect(closes).toEqual([1013]);
    await bus.publish(entryNotification(alice, aliceEntry));
    const [result] = await sub.until(1);
    expect(result?.data).toMatchObject({ entryChanged: { kind: 'UPDATED', entryId: aliceEntry } });
    expect(sub.failure()).toBeUndefined();
  });

  it('delivers a change with the entry and its journal read through the supergraph', async () => {
    const sub = subscribe(await client(alice), entryChanged);
    await activeSubscriptions(1);
    await bus.publish(entryNotification(alice, aliceEntry));
    const [result] = await sub.until(1);
    expect(result).toEqual({
      data: { entryChanged: { kind: 'UPDATED', entryId: aliceEntry, entry: { title: 'first light', journal: { name: 'Alice days' } } } },
    });
  });

  it('keeps aliases, fragments, directives with variables and __typename as the subscriber wrote them', async () => {
    const sub = subscribe(
      await client(alice),
      `subscription Live($withJournal: Boolean!) { change: entryChanged { how: kind ...Details } }
       fragment Details on EntryChange { entry { __typename headline: title journal @include(if: $withJournal) { name } } }`,
      { withJournal: false },
    );
    await activeSubscriptions(1);
    await bus.publish(entryNotification(alice, aliceEntry, 'CREATED'));
    const [result] = await sub.until(1);
    expect(result).toEqual({ data: { change: { how: 'CREATED', entry: { __typename: 'Entry', headline: 'first light' } } } });
  });

  it('tells each subscriber only about its own changes, and never shows another user\'s entry', async () => {
    const forAlice = subscribe(await client(alice), entryChanged);
    const forBob = subscribe(await client(bob), entryChanged);
    await activeSubscriptions(2);
    await bus.publish(entryNotification(alice, aliceEntry));
    await forAlice.until(1);
    // Even a notification that named someone else's entry would be read as its recipient, who cannot see it.
    await bus.publish(entryNotification(alice, bobEntry));
    const [, misrouted] = await forAlice.until(2);
    expect(misrouted).toEqual({ data: { entryChanged: { kind: 'UPDATED', entryId: bobEntry, entry: null } } });
    await sleep(200);
    expect(forBob.results).toEqual([]);
  });

  it('reads the entry only once the read side has applied the change (x-consistent-with)', async () => {
    const sub = subscribe(await client(alice), entryChanged);
    await activeSubscriptions(1);
    const entryId = await seedEntry(alice, 'Later', 'draft');
    await bus.publish(entryNotification(alice, entryId, 'UPDATED', 2));
    await sleep(300);
    expect(sub.results).toEqual([]); // the subgraph waits for version 2
    await db.pool.query(`UPDATE entries_view SET title = 'final', version = 2 WHERE entry_id = $1`, [entryId]);
    await db.pool.query(`UPDATE projection_versions SET version = 2 WHERE aggregate_id = $1`, [entryId]);
    const [result] = await sub.until(1);
    expect(result).toMatchObject({ data: { entryChanged: { entry: { title: 'final' } } } });
  });

  it('reports a deleted entry as null without reading it, and delivers each event once', async () => {
    const sub = subscribe(await client(alice), entryChanged);
    await activeSubscriptions(1);
    const deleted = entryNotification(alice, randomUUID(), 'DELETED', 7);
    await bus.publish(deleted);
    await bus.publish(deleted); // the notifier is at-least-once
    const [result] = await sub.until(1);
    expect(result).toEqual({ data: { entryChanged: { kind: 'DELETED', entryId: deleted.subjectId, entry: null } } });
    await sleep(200);
    expect(sub.results).toHaveLength(1);
  });

  it('refuses a connection without a valid token with 4401', async () => {
    expect(await closeOnInit(gateway.url, {})).toMatchObject({ code: 4401 });
    expect(await closeOnInit(gateway.url, { authorization: 'Bearer not-a-token' })).toMatchObject({ code: 4401 });
    const other = await loadSigningKeys({});
    const forged = (await issueAccessToken({ userId: alice, roles: ['user'] }, other)).token;
    expect(await closeOnInit(gateway.url, { authorization: `Bearer ${forged}` })).toMatchObject({ code: 4401 });
  });

  it('validates subscriptions against the public schema and the same limits as HTTP', async () => {
    const c = await client(alice);
    const unknown = subscribe(c, 'subscription { entryChanged { nonsense } }');
    const deep = subscribe(c, 'subscription { entryChanged { entry { journal { entries { edges { node { journal { name } } } } } } } }');
    const mutation = subscribe(c, 'subscription { journalExploded }');
    for (const sub of [unknown, deep, mutation]) {
      const deadline = Date.now() + 5_000;
      while (sub.failure() === undefined && Date.now() < deadline) await sleep(10);
    }
    expect(unknown.failure()).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    expect(deep.failure()).toEqual([expect.objectContaining({ message: 'query depth 8 exceeds the limit of 6', extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
    expect(mutation.failure()).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  });

  it('runs a query sent over the socket through the supergraph as the connection\'s caller', async () => {
    const sub = subscribe<{ entry: { title: string } | null }>(await client(alice), 'query ($id: ID!) { entry(id: $id) { title } }', { id: aliceEntry });
    expect(await sub.until(1)).toEqual([{ data: { entry: { title: 'first light' } } }]);
  });

  it('shows the Subscription type to introspection over HTTP and sends subscriptions over HTTP to the socket', async () => {
    const post = async (query: string) => {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(alice)}` },
        body: JSON.stringify({ query }),
      });
      return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
    };
    const introspection = await post('{ __schema { subscriptionType { fields { name } } } __type(name: "EntryChange") { fields { name } } }');
    expect(introspection.body.data).toEqual({
      // insightsReady is there because the supergraph has Entry.insights (the insights subgraph), notificationReceived
      // because it has Query.notification (the notifications subgraph).
      __schema: { subscriptionType: { fields: [{ name: 'entryChanged' }, { name: 'taskChanged' }, { name: 'thoughtChanged' }, { name: 'insightsReady' }, { name: 'notificationReceived' }] } },
      __type: { fields: [{ name: 'kind' }, { name: 'entry' }, { name: 'entryId' }] },
    });
    const overHttp = await post(entryChanged);
    expect(overHttp.status).toBe(400);
    expect(overHttp.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('stops listening when the subscriber leaves', async () => {
    const c = await client(alice);
    const sub = subscribe(c, entryChanged);
    await activeSubscriptions(1);
    sub.stop();
    await activeSubscriptions(0);
    await bus.publish(entryNotification(alice, aliceEntry));
    await sleep(100);
    expect(sub.results).toEqual([]);
  });
});
