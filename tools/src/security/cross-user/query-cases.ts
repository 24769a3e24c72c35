// For every query of the API: Bob asks with Alice's ids (or cursors, tags, words) and gets nothing of hers.
import { expect } from 'vitest';
import { download, exportAccount, exportJournal, zipFiles, type ExportFile } from '../../e2e/export-operations.js';
import * as op from '../../e2e/mutation-operations.js';
import { aliceDays, expectNoLeak, type World } from './world.js';

export type CrossUserCase = (world: World) => Promise<void>;

type Edges = { edges: { cursor?: string; node: { id: string } }[] };
const ids = (connection: Edges) => connection.edges.map((e) => e.node.id);

/** Alice's first cursor of a connection (cursors may encode ids: Bob replays hers). */
async function aliceCursor(world: World, field: string): Promise<string> {
  const own = await world.alice.user.client.data<Record<string, { edges: { cursor: string }[] }>>(`{ ${field}(first: 1) { edges { cursor } } }`);
  const cursor = own[field]!.edges[0]?.cursor;
  if (!cursor) throw new Error(`Alice has no ${field} cursor`);
  return cursor;
}

export const queryCases: Record<string, CrossUserCase> = {
  async me(world) {
    const res = await world.bob.client.request<{ me: { id: string; email: string } }>('{ me { id email journals { totalCount } } }');
    expect(res.data?.me).toMatchObject({ id: world.bob.id, email: world.bob.email });
    // The federation entry point that resolves any user by id is not part of the public API.
    const entities = await world.bob.client.request(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }',
      { r: [{ __typename: 'User', id: world.alice.user.id }] });
    expect(entities.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoLeak(world, [res, entities]);
  },

  async journals(world) {
    const mine = await world.bob.client.data<{ journals: op.Connection<{ id: string }> }>(op.journals, { first: 100 });
    expect(ids(mine.journals)).toEqual([world.bobJournalId]);
    const cursor = await aliceCursor(world, 'journals');
    const replayed = await world.bob.client.request<{ journals: op.Connection<{ id: string }> }>(op.journals, { after: cursor });
    expect(ids(replayed.data?.journals ?? { edges: [] })).not.toContain(world.alice.journalId);
    expectNoLeak(world, [mine, replayed]);
  },

  async journal(world) {
    const res = await world.bob.client.request(op.journal, { id: world.alice.journalId });
    expect(res).toEqual({ data: { journal: null } });
  },

  async entry(world) {
    const res = await world.bob.client.request(op.entry, { id: world.alice.entryId });
    expect(res).toEqual({ data: { entry: null } });
  },

  async tags(world) {
    // Alice's marker is a tag of her entry and her thought: Bob's tag list, by its prefix or whole, never holds it.
    type Tags = { tags: { tag: string; count: number }[] };
    const byPrefix = await world.bob.client.data<Tags>('query ($p: String) { tags(prefix: $p) { tag count } }', { p: world.alice.marker.slice(0, 4) });
    const all = await world.bob.client.data<Tags>('{ tags(first: 100) { tag count } }');
    expect([...byPrefix.tags, ...all.tags].map((t) => t.tag)).not.toContain(world.alice.marker);
    expectNoLeak(world, [byPrefix, all]);
  },

  async thoughts(world) {
    const byTag = await world.bob.client.data<{ thoughts: op.Connection<op.Thought> }>(op.thoughts, { tag: world.alice.marker });
    expect(byTag.thoughts.totalCount).toBe(0);
    const all = await world.bob.client.data<{ thoughts: op.Connection<op.Thought> }>(op.thoughts, { first: 100 });
    expect(ids(all.thoughts)).not.toContain(world.alice.thoughtId);
    const cursor = await aliceCursor(world, 'thoughts');
    const replayed = await world.bob.client.request(op.thoughts, { after: cursor });
    expectNoLeak(world, [byTag, all, replayed]);
  },

  async tasks(world) {
    const all = await world.bob.client.data<{ tasks: op.Connection<op.Task> }>(op.tasks, { from: aliceDays.start, to: aliceDays.end });
    expect(all.tasks.totalCount).toBe(0);
    const cursor = await aliceCursor(world, 'tasks');
    const replayed = await world.bob.client.request(op.tasks, { after: cursor });
    expectNoLeak(world, [all, replayed]);
  },

  async thought(world) {
    const res = await world.bob.client.request('query ($id: ID!) { thought(id: $id) { id text tags } }', { id: world.alice.thoughtId });
    expect(res).toEqual({ data: { thought: null } });
  },

  async task(world) {
    const res = await world.bob.client.request('query ($id: ID!) { task(id: $id) { id title } }', { id: world.alice.taskId });
    expect(res).toEqual({ data: { task: null } });
  },

  async calendar(world) {
    const res = await world.bob.client.data<{ calendar: op.CalendarDay[] }>(op.calendar, aliceDays);
    expect(res.calendar).toHaveLength(7);
    expect(res.calendar.every((day) => day.tasks.length === 0 && day.events.length === 0)).toBe(true);
    expectNoLeak(world, res);
  },

  // The read side's search and dashboard (API.md): each answers from the caller's own data only.
  async search(world) {
    const res = await world.bob.client.request(
      `query ($q: String!) { search(query: $q, first: 50) { totalCount edges { node { score highlights
         hit { __typename ... on Entry { id } ... on Thought { id } ... on Task { id } } } } } }`,
      { q: world.alice.marker });
    expect(res.errors).toBeUndefined();
    expectNoLeak(world, res);
    expect(JSON.stringify(res)).not.toMatch(new RegExp(`${world.alice.entryId}|${world.alice.thoughtId}|${world.alice.taskId}`));
  },

  async suggest(world) {
    const res = await world.bob.client.request<{ suggest: string[] }>('query ($p: String!) { suggest(prefix: $p) }', { p: world.alice.marker.slice(0, 6) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.suggest).toEqual([]);
    expectNoLeak(world, res);
  },

  // The notification centre, preferences, webhooks and reflections (issue 14): each the caller's own only.
  async notifications(world) {
    type Page = { notifications: { totalCount: number; edges: { node: { id: string; title: string } }[] } };
    const query = 'query ($after: String) { notifications(first: 100, after: $after) { totalCount edges { cursor node { id title body } } } }';
    const all = await world.bob.client.data<Page>(query);
    expect(all.notifications.edges.map((e) => e.node.id)).not.toContain(world.alice.notificationId);
    const cursor = await aliceCursor(world, 'notifications');
    const replayed = await world.bob.client.request<Page>(query, { after: cursor });
    expect(replayed.errors).toBeUndefined();
    expect(replayed.data?.notifications.edges.map((e) => e.node.id)).not.toContain(world.alice.notificationId);
    const unread = await world.bob.client.data<{ me: { unreadNotifications: number } }>('{ me { unreadNotifications } }');
    expect(unread.me.unreadNotifications).toBe(all.notifications.edges.length);
    expectNoLeak(world, [all, replayed]);
  },

  async notification(world) {
    const res = await world.bob.client.request('query ($id: ID!) { notification(id: $id) { id title body } }', { id: world.alice.notificationId });
    expect(res).toEqual({ data: { notification: null } });
  },

  async notificationPreferences(world) {
    const res = await world.bob.client.data<{ notificationPreferences: { timeZone: string; journalPromptAt: string | null } }>(
      '{ notificationPreferences { timeZone journalPromptAt } }');
    expect(res.notificationPreferences).not.toEqual(world.alice.preferences);
    expect(res.notificationPreferences.timeZone).not.toBe(world.alice.preferences.timeZone);
  },

  async webhooks(world) {
    const res = await world.bob.client.data<{ webhooks: { id: string }[] }>('{ webhooks { id url kinds deliveries { id } } }');
    expect(res.webhooks.map((w) => w.id)).not.toContain(world.alice.webhookId);
    expectNoLeak(world, res);
  },

  async weeklyReflections(world) {
    const res = await world.bob.client.data<{ weeklyReflections: { totalCount: number } }>(
      '{ weeklyReflections(first: 100) { totalCount edges { node { id summary themes highlights { id } } } } }');
    expect(res.weeklyReflections.totalCount).toBe(0);
    expectNoLeak(world, res);
  },

  async exportJournal(world) {
    // Her journal in every format: NOT_FOUND, as a journal that does not exist, with nothing of hers in the answer.
    for (const format of ['JSON', 'MARKDOWN', 'PDF']) {
      const res = await world.bob.client.request<{ exportJournal: ExportFile }>(exportJournal, { id: world.alice.journalId, format });
      expect(res.data?.exportJournal ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expectNoLeak(world, res);
    }
    // His own journal's export holds none of her words.
    const own = await world.bob.client.data<{ exportJournal: ExportFile }>(exportJournal, { id: world.bobJournalId, format: 'JSON' });
    const file = await download(own.exportJournal.url);
    expect(file.status).toBe(200);
    expect(file.body.toString('utf8')).not.toContain(world.alice.marker);
    expect(file.body.toString('utf8')).not.toContain(world.alice.journalId);
  },

  async exportAccount(world) {
    // No argument names whose account: Bob's export is his. Nothing of Alice's (her words, address, ids) is in his zip.
    const res = await world.bob.client.request<{ exportAccount: ExportFile }>(exportAccount);
    expect(res.errors).toBeUndefined();
    expectNoLeak(world, res);
    const file = res.data!.exportAccount;
    const got = await download(file.url);
    expect(got.status).toBe(200);
    const files = await zipFiles(got.body);
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8'))).toMatchObject({ userId: world.bob.id });
    const everything = Buffer.concat([...files.values()]).toString('latin1');
    for (const hers of [world.alice.marker, world.alice.user.email, world.alice.user.id, world.alice.journalId, world.alice.entryId, world.alice.attachmentId]) {
      expect(everything).not.toContain(hers);
    }
    // The URL is short-lived (MEDIA_DOWNLOAD_URL_SECONDS, 5 minutes) and grants that object only, until then: moved to
    // Alice's folder or given a later expiry, it is refused.
    expect(new Date(file.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 300_000);
    const url = new URL(file.url);
    const elsewhere = new URL(url);
    elsewhere.pathname = url.pathname.replace(world.bob.id, world.alice.user.id);
    expect(elsewhere.pathname).not.toBe(url.pathname);
    const later = new URL(url);
    const expiry = [...later.searchParams.keys()].find((k) => /^x-(amz-)?expires$/i.test(k))!;
    later.searchParams.set(expiry, String(Number(later.searchParams.get(expiry)) + 86_400));
    for (const forged of [elsewhere, later]) {
      const refused = await download(forged.toString());
      expect(refused.status, forged.toString()).toBeGreaterThanOrEqual(400);
      expect(refused.body.toString('latin1')).not.toContain(world.alice.marker);
    }
  },

  async dashboard(world) {
    const res = await world.bob.client.request(
      '{ dashboard { recentEntries { id title } streak moodTrend { date entryCount } taskStats { total } latestInsights { entryId summary } } }');
    expect(res.errors).toBeUndefined();
    expect(JSON.stringify(res)).not.toContain(world.alice.entryId);
    expectNoLeak(world, res);
  },
};
