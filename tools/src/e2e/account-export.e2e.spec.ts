// exportAccount through the gateway (issue 16, API.md "Your data is yours"), in both ways to run (embedded: the disk
// store served by the media subgraph; distributed: S3Proxy): Alice registers and keeps records of every kind — a
// journal, entries (analysed by insights), a photo on one, a thought, a recurring task with a completed occurrence and
// a task whose reminder fires (a notification), a calendar event, notification preferences, a webhook and a weekly
// reflection — then exports her account right after writing, downloads the zip and finds each kind in its document,
// the photo's bytes, a manifest, and nothing secret (no webhook secret, no token, no password). Bob, with his own
// marker everywhere, exports his: nothing of Alice's is in his zip, nor his in hers. The signed URL expires.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil, type Mode } from '../system/index.js';
import { attach, samplePhoto } from './attachment-operations.js';
import { download, exportAccount, zipFiles, type ExportFile } from './export-operations.js';
import { GatewayClient } from './gateway-client.js';
import * as op from './mutation-operations.js';
import { startE2eSystem, type E2eSystem } from './test/e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];
const urlSeconds = 20;
const register = 'mutation ($email: String!, $password: String!, $name: String) { register(email: $email, password: $password, name: $name) { accessToken user { id } } }';
const password = 'correct horse battery staple';
const setPreferences = 'mutation ($input: NotificationPreferencesInput!) { setNotificationPreferences(input: $input) { timeZone } }';
const createWebhook = 'mutation ($url: String!, $kinds: [NotificationKind!]!) { createWebhook(url: $url, kinds: $kinds) { secret webhook { id } } }';
const generateReflection = 'mutation ($w: Date!) { generateWeeklyReflection(weekStart: $w) { id } }';
const notifications = '{ notifications(first: 10) { edges { node { id kind } } } }';
const entryInsights = 'query ($id: ID!) { entry(id: $id) { insights { entryId } } }';

interface Account {
  client: GatewayClient;
  userId: string;
  email: string;
  marker: string;
  ids: { journal: string; entries: string[]; thought: string; recurringTask: string; remindedTask: string; event: string; attachment: string; reflection: string };
  webhookSecret: string;
  accessToken: string;
  consistentWith: string;
}

interface Document { format: string; version: number; kind: string; exportedAt: string; records: Record<string, unknown>[] }

describe.each(modes)('exportAccount through the gateway (%s mode)', (mode) => {
  let e2e: E2eSystem;
  let alice: Account;
  let bob: Account;

  /** Registers (so identity has a profile) and writes one record of every kind, each holding the marker where it can. */
  async function keepRecords(marker: string): Promise<Account> {
    const email = `${marker}@example.com`;
    const anonymous = new GatewayClient(e2e.system.gatewayUrl);
    const { register: session } = await anonymous.data<{ register: { accessToken: string; user: { id: string } } }>(register, { email, password, name: `Name ${marker}` });
    const client = anonymous.withToken(session.accessToken);
    const tokens: string[] = [];
    const written = <T extends { consistencyToken: string }>(payload: T) => (tokens.push(payload.consistencyToken), payload);
    const createdJournal = written((await client.data<{ createJournal: { journal: { id: string }; consistencyToken: string } }>(op.createJournal, { input: { name: `Journal ${marker}` } })).createJournal);
    const journal = createdJournal.journal.id;
    // The entry's payload reads its journal from the read side: first wait until that holds it (a busy machine lags).
    await client.data('query ($id: ID!) { journal(id: $id) { id } }', { id: journal }, { 'x-consistent-with': createdJournal.consistencyToken });
    const entries: string[] = [];
    for (const [i, content] of [`Walked with ${marker} today, calm and happy.`, 'Rain, a quiet day.'].entries()) {
      const { createEntry } = await client.data<{ createEntry: { entry: { id: string }; consistencyToken: string } }>(op.createEntry, {
        input: { journalId: journal, title: `Day ${i + 1} ${marker}`, content, mood: 'CALM', tags: [marker], createdAt: new Date(Date.UTC(2026, 5, 1 + i, 9)).toISOString() },
      });
      entries.push(written(createEntry).entry.id);
    }
    const thought = written((await client.data<{ captureThought: { thought: { id: string }; consistencyToken: string } }>(op.captureThought, { text: `Idea about ${marker}`, tags: ['ideas'] })).captureThought).thought.id;
    const recurringTask = written((await client.data<{ createTask: { task: { id: string }; consistencyToken: string } }>(op.createTask, {
      input: { title: `Water the ${marker}`, date: '2026-06-01', recurrence: 'FREQ=DAILY', priority: 'HIGH' },
    })).createTask).task.id;
    written((await client.data<{ completeTask: { consistencyToken: string } }>(op.completeTask, { id: recurringTask, occurrence: '2026-06-02' })).completeTask);
    const remindedTask = written((await client.data<{ createTask: { task: { id: string }; consistencyToken: string } }>(op.createTask, {
      input: { title: `Call ${marker}`, date: new Date().toISOString().slice(0, 10), remindAt: new Date(Date.now() + 2_000).toISOString() },
    })).createTask).task.id;
    const event = written((await client.data<{ scheduleEvent: { event: { id: string }; consistencyToken: string } }>(op.scheduleEvent, {
      input: { title: `Dinner with ${marker}`, startsAt: '2026-06-05T18:00:00Z', endsAt: '2026-06-05T20:00:00Z' },
    })).scheduleEvent).event.id;
    await client.data(setPreferences, { input: { timeZone: 'Europe/Berlin', journalPromptAt: '21:00' } });
    const { createWebhook: hook } = await client.data<{ createWebhook: { secret: string; webhook: { id: string } } }>(createWebhook, { url: `https://hooks.example.com/${marker}`, kinds: ['TASK_DUE'] });
    const attachment = (await attach(client, { entryId: entries[0]! }, `${marker}.jpg`, 'image/jpeg', await samplePhoto())).id;
    const reflection = (await client.data<{ generateWeeklyReflection: { id: string } }>(generateReflection, { w: '2026-06-01' })).generateWeeklyReflection.id;
    // What arrives later, from the projectors: the entries' insights and the reminder's notification.
    await waitUntil(`${marker}'s insights`, async () => {
      for (const id of entries) if (!(await client.data<{ entry: { insights: unknown } | null }>(entryInsights, { id })).entry?.insights) return false;
      return true;
    }, 60_000, 250);
    await waitUntil(`${marker}'s reminder notification`, async () =>
      (await client.data<{ notifications: { edges: { node: { kind: string } }[] } }>(notifications)).notifications.edges.some((e) => e.node.kind === 'TASK_DUE'), 60_000, 250);
    return {
      client, userId: session.user.id, email, marker, webhookSecret: hook.secret, accessToken: session.accessToken, consistentWith: tokens.join(','),
      ids: { journal, entries, thought, recurringTask, remindedTask, event, attachment, reflection },
    };
  }

  /** exportAccount right after the writes; CONSISTENCY_TIMEOUT (a slow read side here) is asked again, as a client would. */
  async function exported(account: Account) {
    for (let attempt = 1; ; attempt++) {
      const answer = await account.client.request<{ exportAccount: ExportFile }>(exportAccount, {}, { 'x-consistent-with': account.consistentWith });
      if (answer.errors?.[0]?.extensions?.code !== 'CONSISTENCY_TIMEOUT' || attempt === 10) return answer;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  async function zipOf(account: Account): Promise<{ file: ExportFile; files: Map<string, Buffer> }> {
    const { data, errors } = await exported(account);
    expect(errors).toBeUndefined();
    const got = await download(data!.exportAccount.url);
    expect([got.status, got.contentType]).toEqual([200, 'application/zip']);
    return { file: data!.exportAccount, files: await zipFiles(got.body) };
  }

  beforeAll(async () => {
    // Signed URLs live 20 s here (5 minutes by default), so the suite sees one expire.
    e2e = await startE2eSystem(mode, 'e2e-account-export', { extraEnv: { MEDIA_DOWNLOAD_URL_SECONDS: String(urlSeconds) } });
    const tag = randomUUID().slice(0, 8);
    [alice, bob] = await Promise.all([keepRecords(`alicequince${tag}`), keepRecords(`bobmedlar${tag}`)]);
  }, 600_000);
  afterAll(async () => e2e?.stop());

  it('a zip with a manifest and one document per kind holding every record of hers, the photo\'s bytes, and nothing secret', async () => {
    const { file, files } = await zipOf(alice);
    expect(file).toMatchObject({ contentType: 'application/zip', fileName: expect.stringMatching(/^mindflow-account-\d{4}-\d\d-\d\d\.zip$/) as string });
    expect(new Date(file.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(file.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + urlSeconds * 1000 + 1000); // MEDIA_DOWNLOAD_URL_SECONDS

    const doc = (name: string) => {
      const body = files.get(name);
      expect(body, name).toBeDefined();
      const parsed = JSON.parse(body!.toString('utf8')) as Document;
      expect(parsed).toMatchObject({ format: 'mindflow.account-export', version: 1, kind: name.replace(/\.json$/, '') });
      return parsed.records;
    };
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { userId: string; exportedAt: string; files: { path: string; records?: number; files?: number; description: string }[] };
    expect(manifest.userId).toBe(alice.userId);
    expect(manifest.files.map((f) => f.path)).toEqual([
      'profile.json', 'journals.json', 'entries.json', 'insights.json', 'thoughts.json', 'tasks.json', 'calendar-events.json', 'notifications.json',
      'notification-preferences.json', 'webhooks.json', 'weekly-reflections.json', 'attachments.json', 'attachments/', 'manifest.json',
    ]);
    for (const f of manifest.files) expect(f.description.length).toBeGreaterThan(10);

    expect(doc('profile.json')).toEqual([{ id: alice.userId, email: alice.email, name: `Name ${alice.marker}`, roles: expect.any(Array) }]);
    expect(doc('journals.json')).toEqual([expect.objectContaining({ id: alice.ids.journal, name: `Journal ${alice.marker}`, isPrivate: false, version: 1 })]);
    const entries = doc('entries.json');
    expect(entries.map((e) => e['id'])).toEqual(alice.ids.entries);
    expect(entries[0]).toMatchObject({ journalId: alice.ids.journal, title: `Day 1 ${alice.marker}`, mood: 'CALM', tags: [alice.marker], content: expect.stringContaining(alice.marker) as string, createdAt: '2026-06-01T09:00:00.000Z' });
    expect(doc('insights.json').map((i) => i['entryId']).sort()).toEqual([...alice.ids.entries].sort());
    expect(doc('thoughts.json')).toEqual([expect.objectContaining({ id: alice.ids.thought, text: `Idea about ${alice.marker}`, tags: ['ideas'] })]);
    const tasks = doc('tasks.json');
    expect(tasks.find((t) => t['id'] === alice.ids.recurringTask)).toMatchObject({ recurrence: 'FREQ=DAILY', priority: 'HIGH', completedOccurrences: [{ occurrence: '2026-06-02', completedAt: expect.any(String) }] });
    expect(tasks.find((t) => t['id'] === alice.ids.remindedTask)).toMatchObject({ title: `Call ${alice.marker}`, remindAt: expect.any(String), completedOccurrences: [] });
    expect(doc('calendar-events.json')).toEqual([expect.objectContaining({ id: alice.ids.event, title: `Dinner with ${alice.marker}`, startsAt: '2026-06-05T18:00:00.000Z' })]);
    expect(doc('notifications.json')).toContainEqual(expect.objectContaining({ kind: 'TASK_DUE', subject: { __typename: 'Task', id: alice.ids.remindedTask } }));
    expect(doc('notification-preferences.json')).toEqual([expect.objectContaining({ timeZone: 'Europe/Berlin', journalPromptAt: '21:00' })]);
    expect(doc('webhooks.json')).toEqual([expect.objectContaining({ url: `https://hooks.example.com/${alice.marker}`, kinds: ['TASK_DUE'], deliveries: expect.any(Array) })]);
    expect(doc('weekly-reflections.json')).toEqual([expect.objectContaining({ id: alice.ids.reflection, weekStart: '2026-06-01' })]);
    const [attachment] = doc('attachments.json');
    expect(attachment).toMatchObject({ id: alice.ids.attachment, targetType: 'Entry', targetId: alice.ids.entries[0], fileName: `${alice.marker}.jpg`, contentType: 'image/jpeg' });
    expect(attachment).not.toHaveProperty('objectKey');
    const photo = files.get(attachment!['file'] as string);
    expect(photo?.length).toBe(attachment!['size']);
    expect(photo?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // a JPEG
    expect(manifest.files.find((f) => f.path === 'attachments/')?.files).toBe(1);

    const everything = Buffer.concat([...files.values()]).toString('latin1');
    for (const secret of [alice.webhookSecret, alice.webhookSecret.replace(/^whsec_/, ''), alice.accessToken, password, '$argon2']) expect(everything).not.toContain(secret);
  });

  it('Bob\'s export holds his records only; nothing of Alice is in it, nor of him in hers', async () => {
    const [mine, his] = await Promise.all([zipOf(alice), zipOf(bob)]);
    const text = (zip: Map<string, Buffer>) => Buffer.concat([...zip.values()]).toString('latin1');
    expect(text(his.files)).toContain(bob.marker);
    expect(text(his.files)).not.toContain(alice.marker);
    expect(text(his.files)).not.toContain(alice.userId);
    for (const id of Object.values(alice.ids).flat()) expect(text(his.files)).not.toContain(id);
    expect(text(mine.files)).not.toContain(bob.marker);
    expect(mine.file.url).not.toBe(his.file.url);
  });

  it('its URL stops working once it expires', async () => {
    const { data } = await exported(alice);
    const { url, expiresAt } = data!.exportAccount;
    expect((await download(url)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(expiresAt).getTime() - Date.now()) + 1_500));
    const late = await download(url);
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.body.toString('latin1')).not.toContain(alice.marker);
  });

  it('the internal fields it reads (@inaccessible) are not served by the gateway', async () => {
    for (const query of ['{ calendarEvents(first: 5) { edges { node { id } } } }', '{ tasks(first: 5) { edges { node { completedOccurrences { occurrence } } } } }']) {
      const res = await alice.client.request(query);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.data ?? null).toBeNull();
    }
  });

  it('without a token: no export', async () => {
    const res = await new GatewayClient(e2e.system.gatewayUrl).request<{ exportAccount: ExportFile }>(exportAccount);
    expect(res.data?.exportAccount ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
