// For every mutation of the API: Bob aims it at Alice's objects (ids, idempotency keys, her account) and
// is refused with NOT_FOUND — the answer for something that does not exist — or gets only his own.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { attachFile, removeAttachment, requestUpload, samplePhoto, uploadFile } from '../../e2e/attachment-operations.js';
import * as op from '../../e2e/mutation-operations.js';
import { password } from '../test/security-system.js';
import type { CrossUserCase } from './query-cases.js';
import { aliceDays, expectNoLeak, expectRefused, type World } from './world.js';

/** Bob sends `query`; it must be refused as if the object did not exist. */
const notFound = (query: string, variables: (world: World) => Record<string, unknown>): CrossUserCase =>
  async (world) => expectRefused(world, await world.bob.client.request(query, variables(world)), 'NOT_FOUND');

async function signInExchange(world: World, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(world.sys.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { setCookie: res.headers.getSetCookie(), body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string; field?: string } }[] } };
}

const authPayload = '{ accessToken user { id email } }';

export const mutationCases: Record<string, CrossUserCase> = {
  async register(world) {
    // Alice's address in another case: refused, no session for Bob, and Alice's password still hers.
    const taken = await signInExchange(world, `mutation ($e: String!, $p: String!) { register(email: $e, password: $p) ${authPayload} }`,
      { e: world.alice.user.email.toUpperCase(), p: 'bobs own long password' }, {});
    expect(taken.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(taken.setCookie).toEqual([]);
    expect(taken.body.data ?? null).toBeNull();
    const login = await signInExchange(world, `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }`,
      { e: world.alice.user.email, p: password }, {});
    expect(login.body.data).toEqual({ login: { user: { id: world.alice.user.id } } });
  },

  async login(world) {
    const wrong = await signInExchange(world, `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) ${authPayload} }`,
      { e: world.alice.user.email, p: 'bobs own long password' }, { authorization: `Bearer ${world.bob.accessToken}` });
    const unknown = await signInExchange(world, `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) ${authPayload} }`,
      { e: `nobody-${world.alice.user.email}`, p: 'bobs own long password' }, {});
    // Alice's address and an unknown one are answered alike: nothing tells Bob that hers exists.
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.errors?.[0]).toMatchObject({ message: 'invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.setCookie).toEqual([]);
  },

  async refreshSession(world) {
    // Bob's access token is no refresh credential, and a guessed cookie is none either.
    const query = `mutation { refreshSession ${authPayload} }`;
    for (const headers of [{}, { cookie: `mindflow_refresh=${'A'.repeat(43)}` }, { cookie: 'mindflow_refresh=' }] as Record<string, string>[]) {
      const res = await signInExchange(world, query, {}, { authorization: `Bearer ${world.bob.accessToken}`, ...headers });
      expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(res.body)).toBe('UNAUTHENTICATED');
      expectNoLeak(world, res.body);
    }
  },

  async logout(world) {
    // Mallory logs out everywhere: her sessions end, Alice's does not.
    const mallory = await world.sys.register('mallory');
    const out = await mallory.client.data<{ logout: boolean }>('mutation { logout(everywhere: true) }');
    expect(out.logout).toBe(true);
    expect((await mallory.client.request('{ me { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await world.alice.user.client.data('{ me { id } }')).toEqual({ me: { id: world.alice.user.id } });
  },

  async requestPasswordReset(world) {
    // Alice's address and an unknown one are answered alike (nothing tells Bob hers exists), and her account is
    // as it was: her password still signs her in and her session goes on.
    const query = 'mutation ($e: String!) { requestPasswordReset(email: $e) }';
    const hers = await signInExchange(world, query, { e: world.alice.user.email }, { authorization: `Bearer ${world.bob.accessToken}` });
    const unknown = await signInExchange(world, query, { e: `nobody-${world.alice.user.email}` }, { authorization: `Bearer ${world.bob.accessToken}` });
    expect(hers.body).toEqual(unknown.body);
    expect(hers.body).toEqual({ data: { requestPasswordReset: true } });
    expect(hers.setCookie).toEqual(unknown.setCookie);
    await expectAliceSignedIn(world);
  },

  async resetPassword(world) {
    // Tokens Bob can make up: a well-formed random one, one of all A's, his own refresh token (a real token of
    // another kind), a guess of another shape. Each is refused as a link that resets nothing; Alice's password stays hers.
    const forged = [randomBytes(32).toString('base64url'), 'A'.repeat(43), world.bob.cookie.split('=')[1]!, 'reset-token-of-alice'];
    for (const token of forged) {
      const res = await world.bob.client.request('mutation ($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
        { t: token, p: 'bob owns this account now' });
      expect(res.errors?.[0]?.extensions, JSON.stringify(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(res.data ?? null).toBeNull();
      expectNoLeak(world, res);
    }
    await expectAliceSignedIn(world);
  },

  async deleteAccount(world) {
    // Every user the security system registers shares one password, so "Alice's password" would be Bob's too:
    // Carol registers with a password of her own, and Bob confirms his deletion with it. It is not his, so the
    // deletion of his own account is refused (BAD_USER_INPUT, field password), and no account goes.
    const carol = { e: `carol-${randomBytes(4).toString('hex')}@example.com`, p: 'carols very own passphrase' };
    const registered = await signInExchange(world, 'mutation ($e: String!, $p: String!) { register(email: $e, password: $p) { user { id } } }', carol, {});
    const carolId = (registered.body.data as { register: { user: { id: string } } }).register.user.id;
    for (const guess of [carol.p, 'alices password is not bobs']) {
      const refused = await world.bob.client.request('mutation ($p: String!) { deleteAccount(password: $p) }', { p: guess });
      expect(refused.errors?.[0]?.extensions, JSON.stringify(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      expect(refused.data ?? null).toBeNull();
      expectNoLeak(world, refused);
    }
    const carolLogin = await signInExchange(world, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', carol, {});
    expect(carolLogin.body.data).toEqual({ login: { user: { id: carolId } } });
    expect(await world.bob.client.data('{ me { id } }')).toEqual({ me: { id: world.bob.id } });
    await expectAliceSignedIn(world);
    // Mallory deletes her own account: her token stops working at once; Alice is untouched.
    const mallory = await world.sys.register('mallory');
    expect(await mallory.client.data('mutation ($p: String!) { deleteAccount(password: $p) }', { p: password })).toEqual({ deleteAccount: true });
    expect((await mallory.client.request('{ me { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const gone = await signInExchange(world, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', { e: mallory.email, p: password }, {});
    expect(gone.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expectAliceSignedIn(world);
  },

  async createJournal(world) {
    const created = await world.bob.client.data<{ createJournal: { journal: op.Journal; consistencyToken: string } }>(
      op.createJournal, { input: { name: 'Bob again' } });
    const alices = await world.alice.user.client.data<{ journals: op.Connection<{ id: string }> }>(
      op.journals, { first: 100 }, { 'x-consistent-with': created.createJournal.consistencyToken });
    expect(alices.journals.edges.map((e) => e.node.id)).toEqual([world.alice.journalId]);
  },

  updateJournal: notFound(op.updateJournal, (w) => ({ id: w.alice.journalId, v: 1, input: { name: 'mine now' } })),
  deleteJournal: notFound(op.deleteJournal, (w) => ({ id: w.alice.journalId })),

  async createEntry(world) {
    // Into Alice's journal: refused. With Alice's idempotency key, into his own: Bob's entry, not hers.
    expectRefused(world, await world.bob.client.request(op.createEntry, { input: { journalId: world.alice.journalId, content: 'planted' } }), 'NOT_FOUND');
    const own = await world.bob.client.data<{ createEntry: { entry: op.Entry } }>(
      op.createEntry, { input: { journalId: world.bobJournalId, content: 'bob writes' }, key: world.alice.keys.entry });
    expect(own.createEntry.entry).toMatchObject({ content: 'bob writes', journal: { id: world.bobJournalId } });
    expect(own.createEntry.entry.id).not.toBe(world.alice.entryId);
    expectNoLeak(world, own);
  },

  async updateEntry(world) {
    expectRefused(world, await world.bob.client.request(op.updateEntry, { id: world.alice.entryId, v: 1, input: { content: 'x' } }), 'NOT_FOUND');
    // Moving his own entry into Alice's journal is refused too.
    const own = await world.bob.client.data<{ createEntry: { entry: op.Entry } }>(op.createEntry, { input: { journalId: world.bobJournalId, content: 'to move' } });
    const moved = await world.bob.client.request(op.updateEntry, { id: own.createEntry.entry.id, v: 1, input: { journalId: world.alice.journalId } });
    expectRefused(world, moved, 'NOT_FOUND');
  },

  deleteEntry: notFound(op.deleteEntry, (w) => ({ id: w.alice.entryId })),

  async captureThought(world) {
    const own = await world.bob.client.data<{ captureThought: { thought: op.Thought } }>(op.captureThought, { text: 'bob thinks', key: world.alice.keys.thought });
    expect(own.captureThought.thought.id).not.toBe(world.alice.thoughtId);
    expect(own.captureThought.thought.text).toBe('bob thinks');
    expectNoLeak(world, own);
  },

  updateThought: notFound(op.updateThought, (w) => ({ id: w.alice.thoughtId, v: 1, text: 'x' })),
  deleteThought: notFound(op.deleteThought, (w) => ({ id: w.alice.thoughtId })),

  async createTask(world) {
    const own = await world.bob.client.data<{ createTask: { task: op.Task } }>(op.createTask, { input: { title: 'bob plans', date: '2031-02-01' }, key: world.alice.keys.task });
    expect(own.createTask.task.id).not.toBe(world.alice.taskId);
    expect(own.createTask.task.title).toBe('bob plans');
    expectNoLeak(world, own);
  },

  updateTask: notFound(op.updateTask, (w) => ({ id: w.alice.taskId, v: 1, input: { title: 'x' } })),
  // Alice's task recurs daily from aliceDays.start: a real occurrence of hers changes nothing for Bob.
  completeTask: notFound(op.completeTask, (w) => ({ id: w.alice.taskId, occurrence: aliceDays.start })),
  reopenTask: notFound(op.reopenTask, (w) => ({ id: w.alice.taskId, occurrence: aliceDays.start })),
  deleteTask: notFound(op.deleteTask, (w) => ({ id: w.alice.taskId })),

  async scheduleEvent(world) {
    const own = await world.bob.client.data<{ scheduleEvent: { event: op.CalendarEvent; consistencyToken: string } }>(
      op.scheduleEvent, { input: { title: 'bob meets', startsAt: '2031-01-06T12:00:00Z', endsAt: '2031-01-06T13:00:00Z' } });
    const alices = await world.alice.user.client.data<{ calendar: op.CalendarDay[] }>(
      op.calendar, { start: '2031-01-06', end: '2031-01-06' }, { 'x-consistent-with': own.scheduleEvent.consistencyToken });
    expect(alices.calendar[0]!.events.map((e) => e.id)).toEqual([world.alice.eventId]);
  },

  cancelEvent: notFound(op.cancelEvent, (w) => ({ id: w.alice.eventId })),

  async setInsightsEnabled(world) {
    // A setting of one's own: Bob switching his off leaves Alice's as it was.
    const aliceSetting = '{ me { insightsEnabled } }';
    const before = await world.alice.user.client.data(aliceSetting);
    expect(await world.bob.client.data('mutation { setInsightsEnabled(enabled: false) }')).toEqual({ setInsightsEnabled: false });
    expect(await world.alice.user.client.data(aliceSetting)).toEqual(before);
    expect(await world.bob.client.data('mutation { setInsightsEnabled(enabled: true) }')).toEqual({ setInsightsEnabled: true });
  },

  async setNotificationPreferences(world) {
    // Preferences of one's own: Bob setting his leaves Alice's as she set them.
    const set = await world.bob.client.data('mutation { setNotificationPreferences(input: { timeZone: "Europe/Paris", journalPromptAt: "06:00" }) { timeZone journalPromptAt } }');
    expect(set).toEqual({ setNotificationPreferences: { timeZone: 'Europe/Paris', journalPromptAt: '06:00' } });
    expect(await world.alice.user.client.data('{ notificationPreferences { timeZone journalPromptAt } }')).toEqual({ notificationPreferences: world.alice.preferences });
  },

  async markNotificationsRead(world) {
    const mark = 'mutation ($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }';
    expect(await world.bob.client.data(mark, { ids: [world.alice.notificationId] })).toEqual({ markNotificationsRead: 0 });
    await world.bob.client.data(mark, { all: true });
    const alices = await world.alice.user.client.data<{ notification: { readAt: string | null } }>('query ($id: ID!) { notification(id: $id) { readAt } }', { id: world.alice.notificationId });
    expect(alices.notification).toEqual({ readAt: null });
  },

  async createWebhook(world) {
    const own = await world.bob.client.data<{ createWebhook: { webhook: { id: string } } }>(
      'mutation { createWebhook(url: "https://bob.example.com/hook", kinds: [TASK_DUE]) { webhook { id } } }');
    expect(own.createWebhook.webhook.id).not.toBe(world.alice.webhookId);
    const alices = await world.alice.user.client.data<{ webhooks: { id: string }[] }>('{ webhooks { id } }');
    expect(alices.webhooks).toEqual([{ id: world.alice.webhookId }]);
  },

  deleteWebhook: notFound('mutation ($id: ID!) { deleteWebhook(id: $id) { id } }', (w) => ({ id: w.alice.webhookId })),

  async requestUpload(world) {
    // Bob's own upload: a fresh id and URL of his, nothing of Alice's (her pending upload stays hers).
    const res = await world.bob.client.request<{ requestUpload: { uploadId: string; url: string } }>(requestUpload,
      { input: { fileName: 'bob.jpg', contentType: 'image/jpeg', size: 1000 } });
    expect(res.data?.requestUpload.uploadId).not.toBe(world.alice.uploadId);
    expect(res.data?.requestUpload.url).not.toContain(world.alice.user.id);
    expectNoLeak(world, res);
  },

  async attachFile(world) {
    // Alice's upload onto her own entry, as Bob; then Bob's own upload onto Alice's entry and onto her thought.
    expectRefused(world, await world.bob.client.request(attachFile, { uploadId: world.alice.uploadId, to: { entryId: world.alice.entryId } }), 'NOT_FOUND');
    const bobs = await uploadFile(world.bob.client, 'bob.jpg', 'image/jpeg', await samplePhoto());
    expectRefused(world, await world.bob.client.request(attachFile, { uploadId: bobs.uploadId, to: { entryId: world.alice.entryId } }), 'NOT_FOUND');
    expectRefused(world, await world.bob.client.request(attachFile, { uploadId: bobs.uploadId, to: { thoughtId: world.alice.thoughtId } }), 'NOT_FOUND');
  },

  removeAttachment: notFound(removeAttachment, (w) => ({ id: w.alice.attachmentId })),

  async generateWeeklyReflection(world) {
    // Bob's own week: whatever the answer, nothing of Alice's is in it.
    const res = await world.bob.client.request('mutation { generateWeeklyReflection(weekStart: "2031-01-06") { id summary themes highlights { id } } }');
    expectNoLeak(world, res);
    expect(JSON.stringify(res)).not.toContain(world.alice.entryId);
  },
};

/** Alice's session still answers as hers, and her own password still signs her in. */
async function expectAliceSignedIn(world: World): Promise<void> {
  expect(await world.alice.user.client.data('{ me { id } }')).toEqual({ me: { id: world.alice.user.id } });
  const login = await signInExchange(world, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }',
    { e: world.alice.user.email, p: password }, {});
  expect(login.body.data).toEqual({ login: { user: { id: world.alice.user.id } } });
}

/** After every attempt: each of Alice's objects as she wrote it, at version 1. */
export async function expectAliceUntouched(world: World): Promise<void> {
  const { alice } = world;
  const read = await alice.user.client.data<{
    journal: op.Journal; entry: op.Entry & { attachments: { id: string }[] }; thoughts: op.Connection<op.Thought>; tasks: op.Connection<op.Task>; calendar: op.CalendarDay[];
  }>(`query ($j: ID!, $e: ID!) { journal(id: $j) { id name version entryCount } entry(id: $e) { id content version journal { id } attachments { id } }
      thoughts { edges { node { id text version } } } tasks { edges { node { id title completed version } } }
      calendar(start: "2031-01-06", end: "2031-01-06") { events { id version } } }`, { j: alice.journalId, e: alice.entryId });
  expect(read.journal).toMatchObject({ id: alice.journalId, name: `Alice ${alice.marker}`, version: 1, entryCount: 1 });
  expect(read.entry).toMatchObject({ id: alice.entryId, content: `secret ${alice.marker}`, version: 1, journal: { id: alice.journalId } });
  expect(read.entry.attachments).toEqual([{ id: alice.attachmentId }]);
  expect(read.thoughts.edges.map((e) => e.node)).toEqual([{ id: alice.thoughtId, text: `secret ${alice.marker}`, version: 1 }]);
  expect(read.tasks.edges.map((e) => e.node)).toEqual([{ id: alice.taskId, title: `secret ${alice.marker}`, completed: false, version: 1 }]);
  expect(read.calendar[0]!.events).toEqual([{ id: alice.eventId, version: 1 }]);
  const notifications = await alice.user.client.data<{
    notificationPreferences: { timeZone: string; journalPromptAt: string }; webhooks: { id: string; url: string }[]; notification: { id: string; readAt: string | null };
  }>('query ($n: ID!) { notificationPreferences { timeZone journalPromptAt } webhooks { id url } notification(id: $n) { id readAt } }', { n: alice.notificationId });
  expect(notifications).toEqual({
    notificationPreferences: alice.preferences,
    webhooks: [{ id: alice.webhookId, url: `https://${alice.marker}.example.com/hook` }],
    notification: { id: alice.notificationId, readAt: null },
  });
}
