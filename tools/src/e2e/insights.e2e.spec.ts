// AI insights end to end, in both ways to run: an entry written through the gateway is analysed by the
// insights projector (the local analyzer for a free user; Claude, here a local server speaking the Messages
// API to the real SDK, for a premium one), the result arrives on the author's `insightsReady` subscription
// and is readable as `entry { insights }`; another user never sees it, and a user who turned insights off
// gets none.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { defaultFakeAnalysis, startFakeMessagesApi, type FakeMessagesApi } from '@mindflow/insights/testing';
import { createTestDatabase, testServers, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insightsDatabaseUrlFor, startSystem, waitUntil, type Mode, type RunningSystem } from '../system/index.js';
import { GatewayClient } from './gateway-client.js';
import * as op from './operations.js';
import { metricValue } from './prometheus.js';
import { connect, subscribe } from './subscription-client.js';

const modes: Mode[] = ['embedded', 'distributed'];

const insightsReady = /* GraphQL */ `
  subscription { insightsReady { entryId sentiment themes summary suggestions generatedBy generatedAt } }`;

interface InsightsReady {
  insightsReady: { entryId: string; sentiment: number; themes: string[]; summary: string; suggestions: string[]; generatedBy: string; generatedAt: string };
}

const entryInsights = /* GraphQL */ `query ($id: ID!) { entry(id: $id) { id insights { entryId summary sentiment generatedBy } } }`;
const setInsightsEnabled = /* GraphQL */ `mutation ($on: Boolean!) { setInsightsEnabled(enabled: $on) }`;

describe.each(modes)('AI insights through the gateway (%s mode)', (mode) => {
  let system: RunningSystem;
  let databases: TestDatabase[] = [];
  let tokens: { alice: string; bob: string; carol: string };
  let claude: FakeMessagesApi;
  let alice: GatewayClient;
  let bob: GatewayClient;
  const sockets: Client[] = [];

  beforeAll(async () => {
    const servers = await testServers();
    claude = await startFakeMessagesApi();
    databases = await Promise.all([createTestDatabase(`e2e-insights-${mode}-write`), createTestDatabase(`e2e-insights-${mode}-read`)]);
    system = await startSystem({
      mode,
      writeDatabaseUrl: databases[0]!.url,
      readDatabaseUrl: databases[1]!.url,
      topicPrefix: uniqueTopicPrefix(`e2e-insights-${mode}`),
      ...(mode === 'distributed'
        ? { kafkaBrokers: (await servers.kafkaBrokers()).join(','), redisUrl: await servers.redisUrl(), redisKeyPrefix: uniqueRedisPrefix('e2e-insights') }
        : {}),
      extraEnv: { INSIGHTS_DEBOUNCE_MS: '300', ANTHROPIC_API_KEY: 'e2e-key', ANTHROPIC_BASE_URL: claude.url, INSIGHTS_MODEL: 'claude-e2e' },
      output: process.env['E2E_LOGS'] ? process.stderr : null,
    });
    const keys = await loadSigningKeys();
    const token = async (roles = ['user']) => (await issueAccessToken({ userId: randomUUID(), roles }, keys)).token;
    tokens = { alice: await token(), bob: await token(), carol: await token(['user', 'premium']) };
    alice = new GatewayClient(system.gatewayUrl).withToken(tokens.alice);
    bob = new GatewayClient(system.gatewayUrl).withToken(tokens.bob);
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map(async (s) => { await s.dispose(); }));
  });

  afterAll(async () => {
    await system?.stop();
    await claude?.close();
    const insightsDb = mode === 'distributed' && databases[0] ? new URL(insightsDatabaseUrlFor(databases[0].url)).pathname.slice(1) : undefined;
    await Promise.all(databases.map((db) => db.drop()));
    if (insightsDb) await dropDatabase(insightsDb);
  });

  const socket = (token: string) => {
    const client = connect(system.gatewayUrl, token);
    sockets.push(client);
    return client;
  };
  const gatewayOps = () => system.services.get('gateway')!.boundOpsPort;
  const subscriptionsRunning = (count: number) =>
    waitUntil(`${count} subscriptions on the gateway`, async () => (await metricValue(gatewayOps(), 'mindflow_gateway_subscriptions_active')) === count, 10_000, 20);

  async function writeEntry(client: GatewayClient, content: string) {
    const { createJournal } = await client.data<op.CreatedJournal>(op.createJournal, { input: { name: `Journal ${randomUUID().slice(0, 8)}` } });
    const { createEntry } = await client.data<op.CreatedEntry>(op.createEntry, { input: { journalId: createJournal.journal.id, title: 'Today', content } });
    return createEntry.entry.id;
  }

  it('pushes the analysis of a new entry to its author only, and serves it as entry { insights }', async () => {
    const forAlice = subscribe<InsightsReady>(socket(tokens.alice), insightsReady);
    const forBob = subscribe<InsightsReady>(socket(tokens.bob), insightsReady);
    await subscriptionsRunning(2);

    const entryId = await writeEntry(alice, 'A wonderful, happy day. The project meeting with my boss went great.');
    const [received] = await forAlice.until(1);
    expect(received!.errors).toBeUndefined();
    const insights = received!.data!.insightsReady;
    expect(insights).toMatchObject({ entryId, generatedBy: 'local-analyzer@2' });
    expect(insights.sentiment).toBeGreaterThan(0.3);
    expect(insights.themes).toContain('work');
    expect(insights.summary).toMatch(/positive entry about work/);
    expect(insights.suggestions.length).toBeGreaterThan(0);

    const read = await alice.data<{ entry: { id: string; insights: { entryId: string; summary: string; sentiment: number; generatedBy: string } } }>(entryInsights, { id: entryId });
    expect(read.entry.insights).toEqual({ entryId, summary: insights.summary, sentiment: insights.sentiment, generatedBy: 'local-analyzer@2' });

    expect((await bob.data<{ entry: unknown }>(entryInsights, { id: entryId })).entry).toBeNull();
    await sleep(1_000); // long enough for a stray delivery to Bob to arrive, were there one
    expect(forBob.received).toEqual([]);
    expect(forAlice.received).toHaveLength(1);
  });

  it('gives a premium user Claude, with a prompt built from the entry alone', async () => {
    const carol = new GatewayClient(system.gatewayUrl).withToken(tokens.carol);
    const forCarol = subscribe<InsightsReady>(socket(tokens.carol), insightsReady);
    await subscriptionsRunning(1);
    const before = claude.requests.length;
    const entryId = await writeEntry(carol, 'Premium words about a long week.');
    const [received] = await forCarol.until(1);
    expect(received!.data!.insightsReady).toMatchObject({ entryId, generatedBy: 'claude-e2e', summary: defaultFakeAnalysis.summary, sentiment: defaultFakeAnalysis.sentiment });
    const requests = claude.requests.slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body.model).toBe('claude-e2e');
    expect(requests[0]!.body.messages).toEqual([{ role: 'user', content: 'Title: Today\n\n<entry>\nPremium words about a long week.\n</entry>' }]);
  });

  it('analyses nothing for a user who turned insights off', async () => {
    expect(await bob.data(setInsightsEnabled, { on: false })).toEqual({ setInsightsEnabled: false });
    const forBob = subscribe<InsightsReady>(socket(tokens.bob), insightsReady);
    await subscriptionsRunning(1);
    const entryId = await writeEntry(bob, 'A terrible, awful day.');
    // Meanwhile Alice's next entry is analysed: once hers arrives, Bob's would have too (same debounce, same worker).
    const forAlice = subscribe<InsightsReady>(socket(tokens.alice), insightsReady);
    await subscriptionsRunning(2);
    const aliceEntry = await writeEntry(alice, 'A calm evening.');
    expect((await forAlice.until(1))[0]!.data?.insightsReady.entryId).toBe(aliceEntry);
    await sleep(1_000);
    expect(forBob.received).toEqual([]);
    expect((await bob.data<{ entry: { insights: unknown } }>(entryInsights, { id: entryId })).entry.insights).toBeNull();
  });
});

async function dropDatabase(name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: await (await testServers()).postgresUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
