// Live subscriptions and the gateway's limits, end to end in both ways to run: a real graphql-ws client,
// mutations through the gateway, the change coming back through the event log (Kafka + notifier + Redis
// pub/sub, or the outbox + the gateway's in-process notifier), its payload read through the supergraph.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { createTestDatabase, testServers, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSystem, waitUntil, type Mode, type RunningSystem } from '../system/index.js';
import { GatewayClient } from './gateway-client.js';
import * as op from './operations.js';
import { metricValue } from './prometheus.js';
import { closeOnInit, connect, messageType, subscribe, wsUrl } from './subscription-client.js';

const modes: Mode[] = ['embedded', 'distributed'];

const entryChanged = /* GraphQL */ `
  subscription { entryChanged { kind entryId entry { title journal { name } } } }`;

interface EntryChanged {
  entryChanged: { kind: string; entryId: string; entry: { title: string | null; journal: { name: string } } | null };
}

const taskChanged = /* GraphQL */ `
  subscription { taskChanged { kind taskId task { title completed priority } } }`;

interface TaskChanged {
  taskChanged: { kind: string; taskId: string; task: { title: string; completed: boolean; priority: string } | null };
}

const thoughtChanged = /* GraphQL */ `
  subscription { thoughtChanged { kind thoughtId thought { text tags version } } }`;

interface ThoughtChanged {
  thoughtChanged: { kind: string; thoughtId: string; thought: { text: string; tags: string[]; version: number } | null };
}

// Mutations of API.md these tests send (as any client would write them).
const updateEntry = /* GraphQL */ `mutation ($id: ID!, $v: Int!, $input: UpdateEntryInput!) {
  updateEntry(id: $id, expectedVersion: $v, input: $input) { entry { id version } } }`;
const deleteEntry = /* GraphQL */ `mutation ($id: ID!) { deleteEntry(id: $id) { id } }`;
const createTask = /* GraphQL */ `mutation ($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }`;
const completeTask = /* GraphQL */ `mutation ($id: ID!) { completeTask(id: $id) { task { id } } }`;
const reopenTask = /* GraphQL */ `mutation ($id: ID!) { reopenTask(id: $id) { task { id } } }`;
const deleteTask = /* GraphQL */ `mutation ($id: ID!) { deleteTask(id: $id) { id } }`;
const captureThought = /* GraphQL */ `mutation ($text: String!, $tags: [String!]) { captureThought(text: $text, tags: $tags) { thought { id } } }`;
const updateThought = /* GraphQL */ `mutation ($id: ID!, $v: Int!, $text: String) { updateThought(id: $id, expectedVersion: $v, text: $text) { thought { id } } }`;
const deleteThought = /* GraphQL */ `mutation ($id: ID!) { deleteThought(id: $id) { id } }`;

describe.each(modes)('subscriptions and limits through the gateway (%s mode)', (mode) => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let tokens: { alice: string; bob: string };
  let alice: GatewayClient;
  const sockets: Client[] = [];

  beforeAll(async () => {
    const servers = await testServers();
    databases = await Promise.all([createTestDatabase(`e2e-subs-${mode}-write`), createTestDatabase(`e2e-subs-${mode}-read`)]);
    system = await startSystem({
      mode,
      writeDatabaseUrl: databases[0]!.url,
      readDatabaseUrl: databases[1]!.url,
      topicPrefix: uniqueTopicPrefix(`e2e-subs-${mode}`),
      ...(mode === 'distributed'
        ? { kafkaBrokers: (await servers.kafkaBrokers()).join(','), redisUrl: await servers.redisUrl(), redisKeyPrefix: uniqueRedisPrefix('e2e-subs') }
        : {}),
      output: process.env['E2E_LOGS'] ? process.stderr : null,
    });
    const keys = await loadSigningKeys();
    const token = async () => (await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, keys)).token;
    tokens = { alice: await token(), bob: await token() };
    alice = new GatewayClient(system.gatewayUrl).withToken(tokens.alice);
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map(async (s) => { await s.dispose(); }));
  });

  afterAll(async () => {
    await system?.stop();
    await Promise.all(databases.map((db) => db.drop()));
  });

  const gatewayOps = () => system.services.get('gateway')!.boundOpsPort;
  const socket = (token: string) => {
    const client = connect(system.gatewayUrl, token);
    sockets.push(client);
    return client;
  };
  /** graphql-ws does not acknowledge a subscribe: wait until the gateway runs them before writing. */
  const subscriptionsRunning = (count: number) =>
    waitUntil(`${count} subscriptions on the gateway`, async () => (await metricValue(gatewayOps(), 'mindflow_gateway_subscriptions_active')) === count, 10_000, 20);

  async function createEntry(journalId: string, title: string) {
    const { createEntry: created } = await alice.data<op.CreatedEntry>(op.createEntry, { input: { journalId, title, content: `about ${title}` } });
    return { id: created.entry.id, committedAt: performance.now() };
  }

  it('tells the author about a new entry, with its journal read through the supergraph, and nobody else', async () => {
    const forAlice = subscribe<EntryChanged>(socket(tokens.alice), entryChanged);
    const forBob = subscribe<EntryChanged>(socket(tokens.bob), entryChanged);
    await subscriptionsRunning(2);

    const { createJournal } = await alice.data<op.CreatedJournal>(op.createJournal, { input: { name: 'Morning pages' } });
    const entry = await createEntry(createJournal.journal.id, 'Day one');

    const [received] = await forAlice.until(1);
    expect(received!.errors).toBeUndefined();
    expect(received!.data).toEqual({
      entryChanged: { kind: 'CREATED', entryId: entry.id, entry: { title: 'Day one', journal: { name: 'Morning pages' } } },
    });
    await sleep(1_000); // long enough for a stray delivery to Bob to arrive, were there one
    expect(forBob.received).toEqual([]);
    expect(forAlice.received).toHaveLength(1);
  });

  it('delivers each of a burst of writes once, and measures commit → delivery', async () => {
    const live = subscribe<EntryChanged>(socket(tokens.alice), entryChanged);
    await subscriptionsRunning(1);
    const { createJournal } = await alice.data<op.CreatedJournal>(op.createJournal, { input: { name: 'Burst' } });
    const written: Awaited<ReturnType<typeof createEntry>>[] = [];
    for (let i = 0; i < 20; i++) written.push(await createEntry(createJournal.journal.id, `#${i}`));

    const received = await live.until(written.length);
    // Each once. Order holds per entry (its events share a partition); 20 entries spread over partitions
    // that the notifier reads side by side may arrive in any order (the notifier's tests check per-entry order).
    expect(received.map((r) => r.data?.entryChanged.entryId).sort()).toEqual(written.map((w) => w.id).sort());
    expect(received.every((r) => r.data?.entryChanged.kind === 'CREATED' && r.data.entryChanged.entry?.journal.name === 'Burst')).toBe(true);
    await sleep(300);
    expect(live.received).toHaveLength(written.length);
    const committedAt = new Map(written.map((w) => [w.id, w.committedAt]));
    const latencies = received.map((r) => r.at - committedAt.get(r.data!.entryChanged.entryId)!).sort((a, b) => a - b);
    const quantile = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
    console.log(`[${mode}] mutation answered → subscription delivered: p50 ${quantile(0.5)} ms, p90 ${quantile(0.9)} ms, max ${quantile(1)} ms (n=${latencies.length})`);
    expect(quantile(1)).toBeLessThan(10_000);
  });

  it('follows an entry and a task through their lives: each kind as API.md names it, with the state after it', async () => {
    const entries = subscribe<EntryChanged>(socket(tokens.alice), entryChanged);
    const tasks = subscribe<TaskChanged>(socket(tokens.alice), taskChanged);
    await subscriptionsRunning(2);
    // One write at a time, each awaited on the socket: the payload is read through the supergraph once the read
    // side has applied the event, so it shows the state after that event (and after any later one already
    // applied: a subscriber always sees the newest state, with the kind of change that caused the delivery).
    const { createJournal } = await alice.data<op.CreatedJournal>(op.createJournal, { input: { name: 'Lives' } });
    const entry = await createEntry(createJournal.journal.id, 'draft');
    expect((await entries.until(1))[0]!.data?.entryChanged).toEqual({ kind: 'CREATED', entryId: entry.id, entry: { title: 'draft', journal: { name: 'Lives' } } });
    await alice.data(updateEntry, { id: entry.id, v: 1, input: { title: 'final' } });
    expect((await entries.until(2))[1]!.data?.entryChanged).toEqual({ kind: 'UPDATED', entryId: entry.id, entry: { title: 'final', journal: { name: 'Lives' } } });
    await alice.data(deleteEntry, { id: entry.id });
    expect((await entries.until(3))[2]!.data?.entryChanged).toEqual({ kind: 'DELETED', entryId: entry.id, entry: null });

    const { createTask: created } = await alice.data<{ createTask: { task: { id: string } } }>(createTask, {
      input: { title: 'Book dentist', date: '2030-01-15', priority: 'HIGH' },
    });
    const taskId = created.task.id;
    const task = (completed: boolean) => ({ title: 'Book dentist', completed, priority: 'HIGH' });
    expect((await tasks.until(1))[0]!.data?.taskChanged).toEqual({ kind: 'CREATED', taskId, task: task(false) });
    await alice.data(completeTask, { id: taskId });
    expect((await tasks.until(2))[1]!.data?.taskChanged).toEqual({ kind: 'COMPLETED', taskId, task: task(true) });
    await alice.data(reopenTask, { id: taskId });
    expect((await tasks.until(3))[2]!.data?.taskChanged).toEqual({ kind: 'REOPENED', taskId, task: task(false) });
    await alice.data(deleteTask, { id: taskId });
    expect((await tasks.until(4))[3]!.data?.taskChanged).toEqual({ kind: 'DELETED', taskId, task: null });

    // Back to back, the kinds still arrive in the order they happened (one entry: one partition, one channel).
    const quick = await createEntry(createJournal.journal.id, 'quick');
    await alice.data(updateEntry, { id: quick.id, v: 1, input: { title: 'quicker' } });
    await alice.data(deleteEntry, { id: quick.id });
    expect((await entries.until(6)).slice(3).map((r) => r.data?.entryChanged.kind)).toEqual(['CREATED', 'UPDATED', 'DELETED']);
    expect(entries.received.every((r) => r.errors === undefined)).toBe(true);
  });

  it('follows a thought through its life, for its owner only: captured, edited, deleted (as converting it does)', async () => {
    const forAlice = subscribe<ThoughtChanged>(socket(tokens.alice), thoughtChanged);
    const forBob = subscribe<ThoughtChanged>(socket(tokens.bob), thoughtChanged);
    await subscriptionsRunning(2);

    const { captureThought: captured } = await alice.data<{ captureThought: { thought: { id: string } } }>(captureThought, { text: 'Call the plumber', tags: ['home'] });
    const thoughtId = captured.thought.id;
    expect((await forAlice.until(1))[0]!.data?.thoughtChanged).toEqual({ kind: 'CREATED', thoughtId, thought: { text: 'Call the plumber', tags: ['home'], version: 1 } });
    await alice.data(updateThought, { id: thoughtId, v: 1, text: 'Call the plumber on Monday' });
    expect((await forAlice.until(2))[1]!.data?.thoughtChanged).toEqual({ kind: 'UPDATED', thoughtId, thought: { text: 'Call the plumber on Monday', tags: ['home'], version: 2 } });
    await alice.data(deleteThought, { id: thoughtId });
    expect((await forAlice.until(3))[2]!.data?.thoughtChanged).toEqual({ kind: 'DELETED', thoughtId, thought: null });
    expect(forAlice.received.every((r) => r.errors === undefined)).toBe(true);

    // Bob's own thought reaches him (his subscription works), none of Alice's ever did.
    const bob = new GatewayClient(system.gatewayUrl).withToken(tokens.bob);
    const { captureThought: his } = await bob.data<{ captureThought: { thought: { id: string } } }>(captureThought, { text: 'bob thinks' });
    expect((await forBob.until(1)).map((r) => r.data?.thoughtChanged)).toEqual([{ kind: 'CREATED', thoughtId: his.thought.id, thought: { text: 'bob thinks', tags: [], version: 1 } }]);
    await sleep(500); // long enough for a stray delivery to arrive, were there one
    expect(forBob.received).toHaveLength(1);
    expect(forAlice.received).toHaveLength(3);
  });

  it('refuses a connection without a valid token (4401) and the gateway carries on', async () => {
    expect((await closeOnInit(system.gatewayUrl, {})).code).toBe(4401);
    expect((await closeOnInit(system.gatewayUrl, { authorization: 'Bearer not.a.token' })).code).toBe(4401);
    const expired = await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, await loadSigningKeys(), 60, new Date(Date.now() - 3_600_000));
    expect(await closeOnInit(system.gatewayUrl, { authorization: `Bearer ${expired.token}` })).toEqual({ code: 4401, reason: 'token expired' });
    expect(await alice.data('{ journals { totalCount } }')).toBeDefined();
  });

  describe('limits', () => {
    async function post(body: string) {
      const res = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.alice}` },
        body,
      });
      const json = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      return { status: res.status, code: json.errors?.[0]?.extensions?.code, message: json.errors?.[0]?.message };
    }
    const query = (text: string) => JSON.stringify({ query: text });

    /** A valid query 51 levels deep: journals → edges → node → entries → edges → node → (journal → entries → edges → node)×11 → title. */
    function fiftyDeep(): string {
      let selection = 'title';
      for (let cycle = 0; cycle < 11; cycle++) selection = `journal { entries { edges { node { ${selection} } } } }`;
      return `{ journals { edges { node { entries { edges { node { ${selection} } } } } } } }`;
    }

    it('refuses a 50-deep query, an alias bomb, a huge batch and an oversized body, each with a clear error, and stays up', async () => {
      const pid = system.services.get('gateway')!.pid;

      const deep = await post(query(fiftyDeep()));
      expect(deep).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
      expect(deep.message).toBe('query depth 51 exceeds the limit of 12');

      const bomb = `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: journals(first: 100) { totalCount }`).join(' ')} }`;
      expect(await post(query(bomb))).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', message: 'query uses more than 50 aliases' });

      const sameName = `{ ${Array.from({ length: 1_500 }, () => 'journals { totalCount }').join(' ')} }`;
      expect(await post(query(sameName))).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(/too complex/) });

      const costly = '{ journals(first: 100) { edges { node { entries(first: 100) { edges { node { title content } } } } } } }';
      expect(await post(query(costly))).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(/cost/) });

      const batch = JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ journals { totalCount } }' })));
      expect(await post(batch)).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', message: 'a batch of 50 operations exceeds the limit of 10' });
      const smallBatch = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.alice}` },
        body: JSON.stringify([{ query: '{ journals { totalCount } }' }, { query: '{ journals { totalCount } }' }]),
      });
      expect(((await smallBatch.json()) as unknown[]).length).toBe(2);

      const huge = query(`{ journals { totalCount } } # ${'x'.repeat(2 * 1024 * 1024)}`);
      // 413 PAYLOAD_TOO_LARGE, or the connection closed while the client still sends the rest: either is a clear refusal.
      const refused = await post(huge).catch((error: unknown) => error);
      if (refused instanceof Error) expect(String((refused as Error & { cause?: unknown }).cause)).toMatch(/EPIPE|ECONNRESET|other side closed/);
      else expect(refused).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });

      const manyTokens = query(`{ ${'journals { totalCount } '.repeat(6_000)} }`);
      expect(await post(manyTokens)).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });

      // Over the WebSocket, the same limits and a message size bound.
      const sub = subscribe<EntryChanged>(socket(tokens.alice), `subscription { entryChanged { ${Array.from({ length: 60 }, (_, i) => `k${i}: kind`).join(' ')} } }`);
      await expect(sub.until(1, 5_000)).rejects.toThrow(/QUERY_TOO_COMPLEX/);
      expect(await oversizedMessageClose()).toBe(1009);

      expect(system.services.get('gateway')!.pid).toBe(pid);
      expect(await alice.data<{ journals: { totalCount: number } }>('{ journals { totalCount } }')).toMatchObject({ journals: { totalCount: expect.any(Number) } });
    });

    async function oversizedMessageClose(): Promise<number> {
      const ws = new WebSocket(wsUrl(system.gatewayUrl), 'graphql-transport-ws');
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the gateway kept the oversized connection open')), 10_000);
        ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens.alice}` } })));
        ws.on('message', (data) => {
          if (messageType(data) !== 'connection_ack') return;
          ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { entryChanged { kind } } # ${'x'.repeat(2 * 1024 * 1024)}` } }));
        });
        ws.on('close', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        ws.on('error', () => undefined);
      });
    }
  });
});
