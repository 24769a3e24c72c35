// Notifications end to end (issue 14), in both ways to run: preferences set and read back, webhooks created
// (the secret shown once), listed and deleted, a weekly reflection generated from backdated entries, and a task
// reminder that fires through the whole pipeline —
// the command service, the notifications projector and scheduler — into the caller's notification centre,
// onto their `notificationReceived` subscription, and marked read; another user sees none of it. (The users here
// have dev tokens and no account, so `me` is null: `me { unreadNotifications }` is covered by the cross-user
// suite, whose users register.)
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { startFakeMessagesApi, testServers, type FakeMessagesApi } from '@mindflow/testing';
import pg from 'pg';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil, type Mode } from '../system/index.js';
import { GatewayClient } from './gateway-client.js';
import * as op from './mutation-operations.js';
import { metricValue } from './prometheus.js';
import { connect, subscribe } from './subscription-client.js';
import { startE2eSystem, type E2eSystem } from './test/e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];

const preferenceFields = 'timeZone journalPromptAt weeklyReflectionOn quietHours { start end } channels { kind channels }';
const setPreferences = `mutation ($input: NotificationPreferencesInput!) { setNotificationPreferences(input: $input) { ${preferenceFields} } }`;
const notificationFields = 'id kind title body createdAt readAt subject { __typename ... on Task { id title } }';
const notificationReceived = `subscription { notificationReceived { ${notificationFields} } }`;
const notifications = `query ($unread: Boolean) { notifications(first: 50, unreadOnly: $unread) { totalCount edges { node { ${notificationFields} } } } }`;
const createWebhook = 'mutation ($url: String!, $kinds: [NotificationKind!]!) { createWebhook(url: $url, kinds: $kinds) { secret webhook { id url kinds createdAt disabledAt } } }';
const webhooks = '{ webhooks { id url kinds createdAt disabledAt deliveries { id } } }';

interface Notification { id: string; kind: string; title: string; body: string; createdAt: string; readAt: string | null; subject: { __typename: string; id: string; title: string } | null }

describe.each(modes)('notifications through the gateway (%s mode)', (mode) => {
  let e2e: E2eSystem;
  let alice: GatewayClient;
  let bob: GatewayClient;
  const sockets: Client[] = [];
  // Claude for premium users (weekly reflections, and insights' analyses of their entries): the local Messages API.
  let claude: FakeMessagesApi;

  beforeAll(async () => {
    claude = await startFakeMessagesApi();
    e2e = await startE2eSystem(mode, 'e2e-notifications', {
      extraEnv: { ANTHROPIC_API_KEY: 'e2e-key', ANTHROPIC_BASE_URL: claude.url, REFLECTIONS_MODEL: 'claude-reflection-e2e', INSIGHTS_MODEL: 'claude-insights-e2e' },
    });
    ({ alice, bob } = await newUsers());
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map(async (s) => { await s.dispose(); }));
  });
  afterAll(async () => {
    // Distributed, the notifications DB is a database of its own beside the suite's (embedded: the write DB).
    const notificationsDb = mode === 'distributed' ? e2e?.system.services.get('notifications-subgraph')?.spec.env['NOTIFICATIONS_DATABASE_URL'] : undefined;
    await e2e?.stop();
    await claude?.close();
    if (notificationsDb) await dropDatabase(new URL(notificationsDb).pathname.slice(1));
  });

  it('sets the caller’s preferences and reads them back; another user keeps the defaults; bad input is refused', async () => {
    const input = { timeZone: 'America/New_York', journalPromptAt: '21:00', weeklyReflectionOn: 1, quietHours: { start: '23:00', end: '06:30' },
      channels: [{ kind: 'TASK_DUE', channels: ['IN_APP'] }] };
    const set = await alice.data<{ setNotificationPreferences: { channels: { kind: string; channels: string[] }[] } }>(setPreferences, { input });
    expect(set.setNotificationPreferences).toMatchObject({ timeZone: 'America/New_York', journalPromptAt: '21:00', weeklyReflectionOn: 1, quietHours: { start: '23:00', end: '06:30' } });
    expect(set.setNotificationPreferences.channels[0]).toEqual({ kind: 'TASK_DUE', channels: ['IN_APP'] });
    expect(await alice.data(`{ notificationPreferences { ${preferenceFields} } }`)).toEqual({ notificationPreferences: set.setNotificationPreferences });
    expect(await bob.data('{ notificationPreferences { timeZone journalPromptAt quietHours { start } } }'))
      .toEqual({ notificationPreferences: { timeZone: 'UTC', journalPromptAt: null, quietHours: null } });
    const refused = await alice.request(setPreferences, { input: { timeZone: 'Not/AZone' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timeZone' });
    expect(refused.errors?.[0]?.message).toContain('IANA');
  });

  it('creates a webhook whose secret is shown once, lists it to its owner only, and deletes it', async () => {
    const created = await alice.data<{ createWebhook: { secret: string; webhook: { id: string } } }>(createWebhook, { url: 'https://hooks.example.com/mindflow', kinds: ['TASK_DUE'] });
    const { secret, webhook } = created.createWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    const listed = await alice.data<{ webhooks: { id: string }[] }>(webhooks);
    expect(listed.webhooks).toEqual([{ id: webhook.id, url: 'https://hooks.example.com/mindflow', kinds: ['TASK_DUE'], createdAt: expect.any(String), disabledAt: null, deliveries: [] }]);
    expect(JSON.stringify(listed)).not.toContain(secret.slice('whsec_'.length));
    expect(await bob.data(webhooks)).toEqual({ webhooks: [] });
    const bobDeletes = await bob.request('mutation ($id: ID!) { deleteWebhook(id: $id) { id } }', { id: webhook.id });
    expect(bobDeletes.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await alice.data('mutation ($id: ID!) { deleteWebhook(id: $id) { id version } }', { id: webhook.id })).toEqual({ deleteWebhook: { id: webhook.id, version: 1 } });
    expect(await alice.data(webhooks)).toEqual({ webhooks: [] });
    const notHttps = await alice.request(createWebhook, { url: 'ftp://hooks.example.com/x', kinds: ['TASK_DUE'] });
    expect(notHttps.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
  });

  it('fires a task reminder once into the owner’s notification centre and live subscription, then marks it read', async () => {
    // Users of their own, so a retry starts from an empty notification centre.
    const { alice, bob, tokens } = await newUsers();
    const forAlice = subscribe<{ notificationReceived: Notification }>(socket(tokens.alice), notificationReceived);
    const forBob = subscribe<{ notificationReceived: Notification }>(socket(tokens.bob), notificationReceived);
    const opsPort = e2e.system.services.get('gateway')!.boundOpsPort;
    await waitUntil('2 subscriptions on the gateway', async () => (await metricValue(opsPort, 'mindflow_gateway_subscriptions_active')) === 2, 10_000, 20);

    const remindAt = new Date(Date.now() + 3_000).toISOString();
    const { createTask } = await alice.data<{ createTask: { task: op.Task } }>(op.createTask, { input: { title: 'Water the plants', date: remindAt.slice(0, 10), remindAt } });
    const [received] = await forAlice.until(1, 30_000);
    expect(received!.errors).toBeUndefined();
    const live = received!.data!.notificationReceived;
    expect(live).toMatchObject({ kind: 'TASK_DUE', readAt: null, subject: { __typename: 'Task', id: createTask.task.id, title: 'Water the plants' } });
    expect(live.title).toContain('Water the plants');
    expect(Date.parse(live.createdAt)).toBeGreaterThanOrEqual(Date.parse(remindAt) - 2_000);

    const listed = await alice.data<{ notifications: { totalCount: number; edges: { node: Notification }[] } }>(notifications, { unread: true });
    expect(listed.notifications.edges.map((e) => e.node)).toEqual([live]);
    expect(listed.notifications.totalCount).toBe(1);
    expect(await bob.data<{ notifications: { totalCount: number } }>(notifications, {})).toEqual({ notifications: { totalCount: 0, edges: [] } });
    expect((await bob.request('query ($id: ID!) { notification(id: $id) { id } }', { id: live.id })).data).toEqual({ notification: null });
    expect(await bob.data('mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [live.id] })).toEqual({ markNotificationsRead: 0 });

    expect(await alice.data('mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [live.id] })).toEqual({ markNotificationsRead: 1 });
    expect((await alice.data<{ notifications: { totalCount: number } }>(notifications, { unread: true })).notifications.totalCount).toBe(0);
    const read = await alice.data<{ notifications: { edges: { node: Notification }[] } }>(notifications, {});
    expect(read.notifications.edges[0]!.node.readAt).not.toBeNull();

    await sleep(1_000); // a second firing, or a stray delivery to Bob, would have arrived by now
    expect(forAlice.received).toHaveLength(1);
    expect(forBob.received).toEqual([]);
    expect((await alice.data<{ notifications: { totalCount: number } }>(notifications, {})).notifications.totalCount).toBe(1);
  });

  it('generates the reflection of a past week from the entries written about it, once, for its author only', async () => {
    const { alice, bob } = await newUsers();
    // Last week's Monday (UTC, the default zone) and two entries about that week, written now (backdated).
    const today = new Date();
    const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7));
    const weekStart = monday.toISOString().slice(0, 10);
    const at = (days: number, hour: number) => new Date(monday.getTime() + days * 86_400_000 + hour * 3_600_000).toISOString();
    const { createJournal } = await alice.data<{ createJournal: { journal: { id: string } } }>(op.createJournal, { input: { name: 'Week' } });
    const journalId = createJournal.journal.id;
    const entries = [
      await alice.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, { input: { journalId, title: 'Monday', content: 'a long walk by the river', mood: 'CALM', createdAt: at(0, 9) } }),
      await alice.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, { input: { journalId, title: 'Friday', content: 'dinner with friends', mood: 'GREAT', createdAt: at(4, 20) } }),
    ].map((e) => e.createEntry.entry.id);
    // Generated once, so only after the notifications projection holds both entries (read in its database).
    const db = new pg.Client({ connectionString: e2e.system.services.get('notifications-subgraph')!.spec.env['NOTIFICATIONS_DATABASE_URL'] });
    await db.connect();
    try {
      await waitUntil('both entries in reflection_entries', async () =>
        (await db.query('SELECT 1 FROM reflection_entries WHERE entry_id = ANY($1::uuid[])', [entries])).rowCount === 2, 30_000, 100);
    } finally {
      await db.end();
    }
    const generate = `mutation ($w: Date!) { generateWeeklyReflection(weekStart: $w) {
      id weekStart entryCount summary themes generatedBy moodTrend { date mood entryCount } highlights { id title } } }`;
    const { generateWeeklyReflection: reflection } = await alice.data<{ generateWeeklyReflection: {
      id: string; weekStart: string; entryCount: number; summary: string; moodTrend: { date: string; mood: string | null; entryCount: number }[]; highlights: { id: string; title: string }[];
    } }>(generate, { w: weekStart });
    expect(reflection).toMatchObject({ weekStart, entryCount: 2, generatedBy: 'local-reflection@1' });
    expect(reflection.summary).toContain('You wrote 2 entries on 2 days this week.');
    expect(reflection.moodTrend).toHaveLength(7);
    expect(reflection.moodTrend[0]).toEqual({ date: weekStart, mood: 'CALM', entryCount: 1 });
    expect(reflection.moodTrend[4]).toMatchObject({ mood: 'GREAT', entryCount: 1 });
    expect(reflection.highlights.map((h) => h.title).sort()).toEqual(['Friday', 'Monday']);
    expect((await alice.data<{ generateWeeklyReflection: { id: string } }>(generate, { w: weekStart })).generateWeeklyReflection.id).toBe(reflection.id);
    expect(await alice.data('{ weeklyReflections { totalCount edges { node { id } } } }')).toEqual({ weeklyReflections: { totalCount: 1, edges: [{ node: { id: reflection.id } }] } });
    expect(await bob.data('{ weeklyReflections { totalCount edges { node { id } } } }')).toEqual({ weeklyReflections: { totalCount: 0, edges: [] } });
  });

  it('writes a premium user’s weekly reflection with Claude (structured output), once per week', async () => {
    const keys = await loadSigningKeys();
    const carol = new GatewayClient(e2e.system.gatewayUrl).withToken((await issueAccessToken({ userId: randomUUID(), roles: ['user', 'premium'] }, keys)).token);
    const today = new Date();
    const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7));
    const weekStart = monday.toISOString().slice(0, 10);
    const at = (days: number, hour: number) => new Date(monday.getTime() + days * 86_400_000 + hour * 3_600_000).toISOString();
    const { createJournal } = await carol.data<{ createJournal: { journal: { id: string } } }>(op.createJournal, { input: { name: 'Premium week' } });
    const entries = [
      await carol.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, { input: { journalId: createJournal.journal.id, title: 'Tuesday', content: 'a hard day of meetings', mood: 'LOW', createdAt: at(1, 9) } }),
      await carol.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, { input: { journalId: createJournal.journal.id, title: 'Saturday', content: 'a slow morning in the garden', mood: 'GOOD', createdAt: at(5, 10) } }),
    ].map((e) => e.createEntry.entry.id);
    // Both entries projected with their (Claude) insights first: insights calls the same local API for a premium author.
    const db = new pg.Client({ connectionString: e2e.system.services.get('notifications-subgraph')!.spec.env['NOTIFICATIONS_DATABASE_URL'] });
    await db.connect();
    try {
      await waitUntil('both entries and their insights in reflection_entries', async () =>
        (await db.query("SELECT 1 FROM reflection_entries WHERE entry_id = ANY($1::uuid[]) AND themes <> '{}'", [entries])).rowCount === 2, 60_000, 100);
      expect(await db.query('SELECT plan FROM reflection_authors WHERE user_id = (SELECT user_id FROM reflection_entries WHERE entry_id = $1)', [entries[0]]))
        .toMatchObject({ rows: [{ plan: 'premium' }] });
    } finally {
      await db.end();
    }
    const before = claude.requests.length;
    claude.script({ kind: 'analysis', body: { themes: ['work', 'garden'], moodTrend: 'The week began low and ended gently.', highlights: [2], reflection: 'You made room for a slow morning after a hard Tuesday.' } });
    const generate = `mutation ($w: Date!) { generateWeeklyReflection(weekStart: $w) {
      id weekStart entryCount summary themes generatedBy moodTrend { date mood entryCount } highlights { id title } } }`;
    const { generateWeeklyReflection: reflection } = await carol.data<{ generateWeeklyReflection: { id: string; moodTrend: { mood: string | null }[] } }>(generate, { w: weekStart });
    expect(reflection).toMatchObject({
      weekStart, entryCount: 2, generatedBy: 'claude-reflection-e2e', themes: ['work', 'garden'],
      summary: 'The week began low and ended gently. You made room for a slow morning after a hard Tuesday.', highlights: [{ id: entries[1], title: 'Saturday' }],
    });
    expect(reflection.moodTrend.map((p) => p.mood)).toEqual([null, 'LOW', null, null, null, 'GOOD', null]);
    const asked = claude.requests.slice(before);
    expect(asked.map((r) => [r.body.model, r.body.output_config?.format?.type])).toEqual([['claude-reflection-e2e', 'json_schema']]);
    expect(asked[0]!.body.messages[0]!.content).toContain('a slow morning in the garden');
    expect((await carol.data<{ generateWeeklyReflection: { id: string } }>(generate, { w: weekStart })).generateWeeklyReflection.id).toBe(reflection.id);
    expect(claude.requests.length).toBe(before + 1);
  });

  async function newUsers() {
    const keys = await loadSigningKeys();
    const token = async () => (await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, keys)).token;
    const tokens = { alice: await token(), bob: await token() };
    const client = new GatewayClient(e2e.system.gatewayUrl);
    return { tokens, alice: client.withToken(tokens.alice), bob: client.withToken(tokens.bob) };
  }

  const socket = (token: string) => {
    const client = connect(e2e.system.gatewayUrl, token);
    sockets.push(client);
    return client;
  };
});

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: await (await testServers()).postgresUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
