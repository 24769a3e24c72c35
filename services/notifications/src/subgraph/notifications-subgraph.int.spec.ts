import { randomUUID } from 'node:crypto';
import { devCallerSecret, signCaller } from '@mindflow/auth';
import type { PoolClient } from '@mindflow/db';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescheduleUser } from '../adapters/pg/task-schedule.js';
import { unsubscribeUrl } from '../adapters/smtp/unsubscribe-link.js';
import { startNotificationsSubgraph, type RunningNotificationsSubgraph } from './start-notifications-subgraph.js';

interface Answer { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; field?: string } }[] }

const unsubscribeSecret = 'the-subgraph-test-unsubscribe-secret';

describe('the notifications subgraph', () => {
  let db: TestDatabase;
  let subgraph: RunningNotificationsSubgraph;
  const alice = randomUUID();
  const bob = randomUUID();
  const taskId = randomUUID();
  const reflectionId = randomUUID();
  const highlightId = randomUUID();
  const notificationIds = [randomUUID(), randomUUID(), randomUUID()];
  const rescheduled: { userId: string; inTransaction: boolean }[] = [];

  async function insertNotification(id: string, userId: string, at: string, subject: { type: string; id: string } | null) {
    await subgraph.pool.query(
      `INSERT INTO notifications (id, user_id, kind, title, body, subject_type, subject_id, dedupe_key, version, created_at)
       VALUES ($1, $2, $3, $4, 'body', $5, $6, $7, 1, $8)`,
      [id, userId, subject?.type === 'Task' ? 'TASK_DUE' : 'WEEKLY_REFLECTION', `title ${id}`, subject?.type ?? null, subject?.id ?? null, `test:${id}`, at],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase('notifications_subgraph');
    subgraph = await startNotificationsSubgraph(
      { NOTIFICATIONS_DATABASE_URL: db.url, NOTIFICATIONS_SUBGRAPH_PORT: 0, MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: false, NOTIFICATIONS_UNSUBSCRIBE_SECRET: unsubscribeSecret },
      {
        log: createLogger('notifications-subgraph-test', 'silent'),
        reschedule: async (tx: PoolClient, userId, now) => {
          // Seen from inside the preferences write's transaction: the new row is there, uncommitted.
          const { rows } = await tx.query<{ tz: string }>('SELECT time_zone AS tz FROM notification_preferences WHERE user_id = $1', [userId]);
          rescheduled.push({ userId, inTransaction: rows.length === 1 });
          await rescheduleUser(tx, userId, now);
        },
      },
    );
    await subgraph.pool.query(
      `INSERT INTO weekly_reflections (id, user_id, week_start, entry_count, summary, themes, mood_trend, highlight_ids, generated_by, generated_at)
       VALUES ($1, $2, '2025-01-06', 3, 'a calm week', '{work}', $3, $4, 'local', '2025-01-13T06:00:00Z')`,
      [reflectionId, alice, JSON.stringify([{ date: '2025-01-06', mood: 'CALM', averageSentiment: 0.25, entryCount: 2, wordCount: 40 }]), [highlightId, randomUUID()]],
    );
    // The second highlight's entry is gone (deleted since): only the first is a highlight.
    await subgraph.pool.query(
      "INSERT INTO reflection_entries (entry_id, user_id, title, content, created_at) VALUES ($1, $2, NULL, 'kept', '2025-01-07T10:00:00Z')", [highlightId, alice]);
    await insertNotification(notificationIds[0]!, alice, '2030-01-01T08:00:00Z', { type: 'Task', id: taskId });
    await insertNotification(notificationIds[1]!, alice, '2030-01-02T08:00:00Z', { type: 'WeeklyReflection', id: reflectionId });
    await insertNotification(notificationIds[2]!, alice, '2030-01-03T08:00:00Z', null);
  });
  afterAll(async () => {
    await subgraph?.close();
    await db?.drop();
  });

  async function post(query: string, variables: Record<string, unknown> = {}, userId?: string): Promise<Answer> {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(userId ? { 'x-mindflow-caller': signCaller({ userId, roles: ['user'] }, devCallerSecret) } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  }
  const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

  const list = `query ($first: Int, $after: String, $unread: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unread) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind title body createdAt readAt
        subject { __typename ... on Task { id } ... on WeeklyReflection { id weekStart summary moodTrend { date mood averageSentiment entryCount } highlights { id } } } } } } }`;
  type Page = { notifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; readAt: string | null; subject: unknown } }[] } };

  it('lists the caller’s notifications newest first, page by page, with their subjects', async () => {
    const first = (await post(list, { first: 2 }, alice)) as { data: Page };
    expect(first.data.notifications.totalCount).toBe(3);
    expect(first.data.notifications.edges.map((e) => e.node.id)).toEqual([notificationIds[2], notificationIds[1]]);
    expect(first.data.notifications.edges[0]!.node.subject).toBeNull();
    expect(first.data.notifications.edges[1]!.node.subject).toEqual({
      __typename: 'WeeklyReflection', id: reflectionId, weekStart: '2025-01-06', summary: 'a calm week',
      moodTrend: [{ date: '2025-01-06', mood: 'CALM', averageSentiment: 0.25, entryCount: 2 }], highlights: [{ id: highlightId }],
    });
    expect(first.data.notifications.pageInfo.hasNextPage).toBe(true);
    const second = (await post(list, { first: 2, after: first.data.notifications.pageInfo.endCursor }, alice)) as { data: Page };
    expect(second.data.notifications.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: notificationIds[0], readAt: null, subject: { __typename: 'Task', id: taskId } }),
    ]);
    expect(second.data.notifications.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await post(list, { after: 'garbage' }, alice))).toBe('BAD_USER_INPUT');
    expect(codeOf(await post(list, { first: 0 }, alice))).toBe('BAD_USER_INPUT');
  });

  it('shows another user none of them, by list, by id, by count or by Alice’s cursor', async () => {
    const own = (await post(list, { first: 1 }, alice)) as { data: Page };
    const asBob = (await post(list, { after: own.data.notifications.pageInfo.endCursor }, bob)) as { data: Page };
    expect(asBob.data.notifications).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    const one = 'query ($id: ID!) { notification(id: $id) { id title } }';
    expect((await post(one, { id: notificationIds[0] }, bob)).data).toEqual({ notification: null });
    expect((await post(one, { id: 'nope' }, alice)).data).toEqual({ notification: null });
    expect((await post(one, { id: notificationIds[0] }, alice)).data).toEqual({ notification: { id: notificationIds[0], title: `title ${notificationIds[0]}` } });
    const count = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { unreadNotifications } } }';
    expect((await post(count, { r: [{ __typename: 'User', id: alice }] }, bob)).data).toEqual({ _entities: [{ unreadNotifications: 0 }] });
    expect((await post(count, { r: [{ __typename: 'User', id: alice }] }, alice)).data).toEqual({ _entities: [{ unreadNotifications: 3 }] });
    expect((await post('{ weeklyReflections { totalCount edges { node { id } } } }', {}, bob)).data).toEqual({ weeklyReflections: { totalCount: 0, edges: [] } });
  });

  it('marks notifications read: by id (only the caller’s, each once), then all', async () => {
    const mark = 'mutation ($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }';
    expect((await post(mark, { ids: [notificationIds[0]] }, bob)).data).toEqual({ markNotificationsRead: 0 });
    expect((await post(mark, { all: true }, bob)).data).toEqual({ markNotificationsRead: 0 });
    expect((await post(mark, { ids: [notificationIds[0], notificationIds[0], 'nope'] }, alice)).data).toEqual({ markNotificationsRead: 1 });
    expect((await post(mark, { ids: [notificationIds[0]] }, alice)).data).toEqual({ markNotificationsRead: 0 });
    const unread = (await post(list, { unread: true }, alice)) as { data: Page };
    expect(unread.data.notifications.edges.map((e) => e.node.id)).toEqual([notificationIds[2], notificationIds[1]]);
    expect(codeOf(await post(mark, {}, alice))).toBe('BAD_USER_INPUT');
    expect((await post(mark, { all: true }, alice)).data).toEqual({ markNotificationsRead: 2 });
    const all = (await post(list, {}, alice)) as { data: Page };
    expect(all.data.notifications.edges.every((e) => e.node.readAt !== null)).toBe(true);
  });

  const prefs = 'timeZone journalPromptAt weeklyReflectionOn quietHours { start end } channels { kind channels }';
  const setPrefs = `mutation ($input: NotificationPreferencesInput!) { setNotificationPreferences(input: $input) { ${prefs} } }`;

  it('answers the defaults before any preferences are set', async () => {
    expect((await post(`{ notificationPreferences { ${prefs} } }`, {}, bob)).data).toEqual({
      notificationPreferences: {
        timeZone: 'UTC', journalPromptAt: null, weeklyReflectionOn: null, quietHours: null,
        channels: ['TASK_DUE', 'JOURNAL_PROMPT', 'WEEKLY_REFLECTION', 'INSIGHTS_READY'].map((kind) => ({ kind, channels: ['IN_APP', 'EMAIL', 'WEBHOOK'] })),
      },
    });
  });

  it('sets preferences, reschedules in the same transaction, and reads them back only for their owner', async () => {
    const input = {
      timeZone: 'europe/berlin', journalPromptAt: '20:30', weeklyReflectionOn: 7, quietHours: { start: '22:00', end: '07:00' },
      channels: [{ kind: 'TASK_DUE', channels: ['WEBHOOK'] }],
    };
    const set = await post(setPrefs, { input }, alice);
    expect(set.errors).toBeUndefined();
    const expected = {
      timeZone: 'Europe/Berlin', journalPromptAt: '20:30', weeklyReflectionOn: 7, quietHours: { start: '22:00', end: '07:00' },
      channels: [
        { kind: 'TASK_DUE', channels: ['IN_APP', 'WEBHOOK'] },
        ...['JOURNAL_PROMPT', 'WEEKLY_REFLECTION', 'INSIGHTS_READY'].map((kind) => ({ kind, channels: ['IN_APP', 'EMAIL', 'WEBHOOK'] })),
      ],
    };
    expect(set.data).toEqual({ setNotificationPreferences: expected });
    expect(rescheduled).toEqual([{ userId: alice, inTransaction: true }]);
    // The daily prompt (20:30 Berlin) and the weekly reflection (Sundays) are scheduled in the preferences' zone.
    const schedule = await subgraph.pool.query<{ key: string; fire_at: Date }>('SELECT key, fire_at FROM scheduled_notifications WHERE user_id = $1 ORDER BY key', [alice]);
    expect(schedule.rows.map((r) => r.key)).toEqual([`prompt:${alice}`, `weekly:${alice}`]);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(schedule.rows[0]!.fire_at)).toBe('20:30');
    expect((await post(`{ notificationPreferences { ${prefs} } }`, {}, alice)).data).toEqual({ notificationPreferences: expected });
    expect((await post(`{ notificationPreferences { timeZone } }`, {}, bob)).data).toEqual({ notificationPreferences: { timeZone: 'UTC' } });
    // Fields left out are off; kinds left out of channels keep theirs.
    const cleared = await post(setPrefs, { input: {} }, alice);
    expect(cleared.data).toEqual({ setNotificationPreferences: { ...expected, timeZone: 'UTC', journalPromptAt: null, weeklyReflectionOn: null, quietHours: null } });
    expect((await subgraph.pool.query('SELECT key FROM scheduled_notifications WHERE user_id = $1', [alice])).rows).toEqual([]);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'input.timeZone'],
    [{ timeZone: '+01:00' }, 'input.timeZone'],
    [{ journalPromptAt: '24:00' }, 'input.journalPromptAt'],
    [{ journalPromptAt: '8:00' }, 'input.journalPromptAt'],
    [{ weeklyReflectionOn: 0 }, 'input.weeklyReflectionOn'],
    [{ weeklyReflectionOn: 8 }, 'input.weeklyReflectionOn'],
    [{ quietHours: { start: '22:00', end: '22:00' } }, 'input.quietHours'],
    [{ quietHours: { start: '22:00', end: '7:00' } }, 'input.quietHours.end'],
    [{ channels: [{ kind: 'TASK_DUE', channels: [] }, { kind: 'TASK_DUE', channels: ['EMAIL'] }] }, 'input.channels'],
  ])('refuses preferences %j naming %s, and keeps the stored ones', async (input, field) => {
    const before = await post(`{ notificationPreferences { ${prefs} } }`, {}, alice);
    const refused = await post(setPrefs, { input }, alice);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await post(`{ notificationPreferences { ${prefs} } }`, {}, alice)).toEqual(before);
  });

  it('refuses quiet hours with only one end (the schema requires both)', async () => {
    expect(codeOf(await post(setPrefs, { input: { quietHours: { start: '22:00' } } }, alice))).toBe('BAD_USER_INPUT');
  });

  const create = 'mutation ($url: String!, $kinds: [NotificationKind!]!) { createWebhook(url: $url, kinds: $kinds) { secret webhook { id url kinds createdAt disabledAt } } }';
  const hooks = '{ webhooks { id url kinds deliveries { id notificationId attempt at status ok error } } }';

  it('creates a webhook with a secret shown once, lists it with its deliveries, only to its owner, and deletes it', async () => {
    const created = (await post(create, { url: 'https://hooks.example.com/in', kinds: ['WEEKLY_REFLECTION', 'TASK_DUE'] }, alice)) as {
      data: { createWebhook: { secret: string; webhook: { id: string; kinds: string[] } } };
    };
    const { secret, webhook } = created.data.createWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(webhook.kinds).toEqual(['TASK_DUE', 'WEEKLY_REFLECTION']);
    await subgraph.pool.query(
      `INSERT INTO webhook_deliveries (id, webhook_id, notification_id, attempt, at, status, ok, error)
       VALUES ($1, $2, $3, 1, '2030-01-01T08:00:01Z', 500, false, 'HTTP 500'), ($4, $2, $3, 2, '2030-01-01T08:00:31Z', 200, true, NULL)`,
      [randomUUID(), webhook.id, notificationIds[0], randomUUID()],
    );
    const listed = await post(hooks, {}, alice);
    expect(listed.data).toEqual({ webhooks: [{ id: webhook.id, url: 'https://hooks.example.com/in', kinds: ['TASK_DUE', 'WEEKLY_REFLECTION'], deliveries: [
      expect.objectContaining({ attempt: 2, status: 200, ok: true, error: null, notificationId: notificationIds[0] }),
      expect.objectContaining({ attempt: 1, status: 500, ok: false, error: 'HTTP 500', at: '2030-01-01T08:00:01.000Z' }),
    ] }] });
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    expect((await post(hooks, {}, bob)).data).toEqual({ webhooks: [] });

    const remove = 'mutation ($id: ID!) { deleteWebhook(id: $id) { id version deletedAt consistencyToken } }';
    expect(codeOf(await post(remove, { id: webhook.id }, bob))).toBe('NOT_FOUND');
    expect((await post(hooks, {}, alice)).data).toEqual({ webhooks: [expect.objectContaining({ id: webhook.id })] });
    const deleted = await post(remove, { id: webhook.id }, alice);
    expect(deleted.data).toEqual({ deleteWebhook: { id: webhook.id, version: 1, deletedAt: expect.any(String), consistencyToken: expect.any(String) } });
    expect((await post(hooks, {}, alice)).data).toEqual({ webhooks: [] });
    expect(codeOf(await post(remove, { id: webhook.id }, alice))).toBe('NOT_FOUND');
  });

  it('keeps a user at 10 webhooks when the last free place is asked for 8 times at once', async () => {
    const frank = randomUUID();
    for (let i = 0; i < 9; i += 1) expect((await post(create, { url: `https://hooks.example.com/in/${i}`, kinds: ['TASK_DUE'] }, frank)).errors).toBeUndefined();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => post(create, { url: `https://hooks.example.com/more/${i}`, kinds: ['TASK_DUE'] }, frank)));
    expect(answers.filter((a) => a.errors === undefined)).toHaveLength(1);
    expect(answers.filter((a) => a.errors?.[0]?.message === 'a user may have at most 10 webhooks')).toHaveLength(7);
    const { rows } = await subgraph.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM webhooks WHERE user_id = $1 AND deleted_at IS NULL', [frank]);
    expect(rows).toEqual([{ n: 10 }]);
  });

  it.each([
    ['http://hooks.example.com/in', 'https'],
    ['ftp://hooks.example.com/in', 'https'],
    ['not a url', 'https'],
    ['https://user:pw@hooks.example.com/in', 'password'],
  ])('refuses the webhook URL %s', async (url, message) => {
    const refused = await post(create, { url, kinds: ['TASK_DUE'] }, alice);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(refused.errors?.[0]?.message).toContain(message);
  });

  it('refuses a webhook for no kinds', async () => {
    expect((await post(create, { url: 'https://hooks.example.com/in', kinds: [] }, alice)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
  });

  const generate = `mutation ($w: Date!) { generateWeeklyReflection(weekStart: $w) {
    id weekStart entryCount summary themes generatedBy moodTrend { date mood averageSentiment entryCount wordCount } highlights { id } } }`;

  it('answers a stored weekly reflection as it is', async () => {
    expect((await post(generate, { w: '2025-01-06' }, alice)).data?.['generateWeeklyReflection']).toMatchObject({
      id: reflectionId, weekStart: '2025-01-06', entryCount: 3, themes: ['work'], generatedBy: 'local', summary: 'a calm week',
    });
    expect((await post(generate, { w: '2025-01-07' }, alice)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weekStart' });
    const future = await post(generate, { w: '2030-01-07' }, alice);
    expect(future.errors?.[0]).toMatchObject({ message: 'the week starting 2030-01-07 has not begun yet', extensions: { code: 'BAD_USER_INPUT', field: 'weekStart' } });
  });

  it('generates a week’s reflection once from the caller’s entries of that local week, with its event in the outbox', async () => {
    const carol = randomUUID();
    await post(setPrefs, { input: { timeZone: 'America/Los_Angeles' } }, carol);
    const entry = (id: string, at: string, content: string, mood: string | null, themes: string[], sentiment: number | null, userId = carol) =>
      subgraph.pool.query('INSERT INTO reflection_entries (entry_id, user_id, title, content, mood, created_at, themes, sentiment) VALUES ($1, $2, NULL, $3, $4, $5, $6, $7)',
        [id, userId, content, mood, at, themes, sentiment]);
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await entry(ids[0]!, '2025-02-03T07:30:00Z', 'sunday night in LA, the week before', 'LOW', ['sleep'], -0.9); // Sun 23:30 local: the week before
    await entry(ids[1]!, '2025-02-03T09:30:00Z', 'monday at work went well', 'GOOD', ['work'], 0.6); // Mon 01:30 local
    await entry(ids[2]!, '2025-02-04T18:00:00Z', 'tuesday work and family dinner', 'CALM', ['work', 'family'], 0.2);
    await entry(ids[3]!, '2025-02-10T07:59:00Z', 'late sunday, still this week', 'CALM', ['family'], null); // Sun 23:59 local
    await entry(ids[4]!, '2025-02-04T18:00:00Z', 'someone else entirely', 'BAD', ['work'], -1, bob);
    const first = await post(generate, { w: '2025-02-03' }, carol);
    expect(first.errors).toBeUndefined();
    const reflection = first.data!['generateWeeklyReflection'] as { id: string; moodTrend: { date: string }[] };
    expect(reflection).toMatchObject({
      weekStart: '2025-02-03', entryCount: 3, themes: ['family', 'work'], generatedBy: 'local-reflection@1',
      highlights: [{ id: ids[1] }, { id: ids[2] }, { id: ids[3] }],
    });
    expect((reflection as unknown as { summary: string }).summary).toBe(
      'You wrote 3 entries on 3 days this week. It was mostly about family and work. Your most frequent mood was calm. Overall the week leaned positive.');
    expect(reflection.moodTrend.map((p) => p.date)).toEqual(['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07', '2025-02-08', '2025-02-09']);
    expect(reflection.moodTrend[0]).toEqual({ date: '2025-02-03', mood: 'GOOD', averageSentiment: 0.6, entryCount: 1, wordCount: 5 });
    expect(reflection.moodTrend[6]).toEqual({ date: '2025-02-09', mood: 'CALM', averageSentiment: null, entryCount: 1, wordCount: 5 });
    const again = await Promise.all([post(generate, { w: '2025-02-03' }, carol), post(generate, { w: '2025-02-03' }, carol)]);
    expect(again.map((a) => (a.data?.['generateWeeklyReflection'] as { id: string }).id)).toEqual([reflection.id, reflection.id]);
    const { rows } = await subgraph.pool.query<{ event_type: string; aggregate_id: string; user_id: string; payload: { entryCount: number; highlightEntryIds: string[] } }>(
      "SELECT event_type, aggregate_id, user_id, payload FROM outbox WHERE event_type = 'WeeklyReflectionGenerated'");
    expect(rows).toEqual([{ event_type: 'WeeklyReflectionGenerated', aggregate_id: reflection.id, user_id: carol,
      payload: expect.objectContaining({ entryCount: 3, highlightEntryIds: [ids[1], ids[2], ids[3]] }) }]);
    // Its summary and themes are sealed with carol's data key (crypto-shredding): not readable in the outbox.
    expect(JSON.stringify(rows[0]!.payload)).not.toContain('mostly about family');
    const listed = await post('{ weeklyReflections(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } } }', {}, carol);
    expect(listed.data).toEqual({ weeklyReflections: { totalCount: 1, pageInfo: { hasNextPage: false }, edges: [{ node: { id: reflection.id } }] } });
    expect(JSON.stringify(await post(generate, { w: '2025-02-03' }, bob))).not.toContain(ids[1]);
  });

  it('serves the emails’ one-click unsubscribe on the same port, for a correctly signed link only', async () => {
    const dave = randomUUID();
    const base = new URL('/unsubscribe', subgraph.url).toString();
    const forged = await fetch(unsubscribeUrl(base, 'another-secret-of-16+-chars', dave), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(forged.status).toBe(400);
    const clicked = await fetch(unsubscribeUrl(base, unsubscribeSecret, dave), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(clicked.status).toBe(200);
    const { rows } = await subgraph.pool.query('SELECT email_unsubscribed FROM notification_preferences WHERE user_id = $1', [dave]);
    expect(rows).toEqual([{ email_unsubscribed: true }]);
    expect((await fetch(new URL('/elsewhere', subgraph.url))).status).toBe(404);
  });

  it('clears an unsubscribe when the user chooses EMAIL for a kind again, not on other preference changes', async () => {
    const erin = randomUUID();
    const base = new URL('/unsubscribe', subgraph.url).toString();
    expect((await fetch(unsubscribeUrl(base, unsubscribeSecret, erin), { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
    const unsubscribed = async () =>
      (await subgraph.pool.query<{ email_unsubscribed: boolean }>('SELECT email_unsubscribed FROM notification_preferences WHERE user_id = $1', [erin])).rows[0]?.email_unsubscribed;
    const noEmail = await post(setPrefs, { input: { timeZone: 'UTC', channels: [{ kind: 'TASK_DUE', channels: ['WEBHOOK'] }] } }, erin);
    expect(noEmail.errors).toBeUndefined();
    expect(await unsubscribed()).toBe(true);
    const withEmail = await post(setPrefs, { input: { timeZone: 'UTC', channels: [{ kind: 'WEEKLY_REFLECTION', channels: ['EMAIL'] }] } }, erin);
    expect(withEmail.errors).toBeUndefined();
    expect(await unsubscribed()).toBe(false);
  });

  it('refuses a request without a caller the gateway vouched for, but serves the SDL', async () => {
    expect(codeOf(await post('{ notifications { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await post('query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { unreadNotifications } } }', { r: [{ __typename: 'User', id: alice }] }))).toBe('UNAUTHENTICATED');
    const sdl = await post('{ _service { sdl } }');
    expect(JSON.stringify(sdl.data)).toContain('markNotificationsRead');
  });
});
