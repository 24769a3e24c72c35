import { randomUUID } from 'node:crypto';
import { devCallerSecret, signCaller } from '@mindflow/auth';
import { withTransaction } from '@mindflow/db';
import { sampleEvent } from '@mindflow/events/testing';
import { createLogger } from '@mindflow/platform';
import { createClaudeCaller } from '@mindflow/platform/claude';
import { createTestDatabase, startFakeMessagesApi, type FakeMessagesApi, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pgScheduleStore } from '../adapters/pg/pg-schedule-store.js';
import { reflectionEntries } from '../projector/reflection-entries.js';
import { createScheduler } from '../application/scheduler.js';
import { startNotificationsSubgraph, type RunningNotificationsSubgraph } from '../subgraph/start-notifications-subgraph.js';
import { createClaudeReflectionWriter } from './claude-reflection-writer.js';
import { reflectionGenerator } from './compose-reflection.js';
import { createReflectionPreparer } from './reflection-preparer.js';
import type { ClaudeReflections } from './weekly-reflections.js';

// Premium users' weekly reflections by Claude: the real @anthropic-ai/sdk (`messages.parse` with `zodOutputFormat`)
// against the local Messages API, through the same caller as insights (retries, breaker, budget).
const model = 'claude-reflection-test';
const log = createLogger('claude-reflection-test', 'silent');

interface Answer { data?: Record<string, unknown> | null; errors?: { message: string }[] }
interface Reflection { id: string; weekStart: string; entryCount: number; summary: string; themes: string[]; generatedBy: string; highlights: { id: string }[]; moodTrend: { date: string; entryCount: number }[] }

const claudeReply = {
  themes: ['Work', 'family', 'work'],
  moodTrend: 'You started the week tense and ended it calm.',
  highlights: [2, 9, 2],
  reflection: 'You kept showing up for your family even on hard days at work. Notice how the quiet dinner on Tuesday changed your evening.',
};

describe('the weekly reflection by Claude for premium users', () => {
  let api: FakeMessagesApi;
  let subgraph: RunningNotificationsSubgraph;
  let claude: ClaudeReflections;
  let db: TestDatabase;

  beforeAll(async () => {
    api = await startFakeMessagesApi();
    // the caller insights uses (its default breaker: open after 5 failures in a row), with short waits
    const caller = createClaudeCaller({ apiKey: 'test-key', baseURL: api.url, model, log, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    claude = { writer: createClaudeReflectionWriter({ caller }), dailyBudget: 3 };
    db = await createTestDatabase('notif_claude_reflection');
    subgraph = await startNotificationsSubgraph({ NOTIFICATIONS_DATABASE_URL: db.url, NOTIFICATIONS_SUBGRAPH_PORT: 0 }, { log, claude });
  });
  afterAll(async () => {
    await subgraph?.close();
    await db?.drop();
    await api?.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
  });

  async function generate(userId: string, weekStart: string, roles: string[]): Promise<Reflection> {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mindflow-caller': signCaller({ userId, roles }, devCallerSecret) },
      body: JSON.stringify({
        query: `mutation ($w: Date!) { generateWeeklyReflection(weekStart: $w) {
          id weekStart entryCount summary themes generatedBy highlights { id } moodTrend { date entryCount } } }`,
        variables: { w: weekStart },
      }),
    });
    const answer = (await response.json()) as Answer;
    expect(answer.errors).toBeUndefined();
    return answer.data!['generateWeeklyReflection'] as Reflection;
  }

  /** Three entries in the week of 2025-02-03 (UTC), oldest first. */
  async function week(userId: string, weekStart = '2025-02-03'): Promise<string[]> {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const day = (n: number) => new Date(Date.parse(`${weekStart}T09:00:00Z`) + n * 86_400_000);
    const rows: [string, Date, string, string | null, string[], number][] = [
      [ids[0]!, day(0), 'Monday: a tense meeting at work, the secret-marker of this spec', 'LOW', ['work'], -0.6],
      [ids[1]!, day(1), 'Tuesday: a quiet dinner with my family', 'CALM', ['family'], 0.5],
      [ids[2]!, day(4), 'Friday: work went fine', null, ['work'], 0.2],
    ];
    for (const [id, at, content, mood, themes, sentiment] of rows) {
      await subgraph.pool.query('INSERT INTO reflection_entries (entry_id, user_id, title, content, mood, created_at, themes, sentiment) VALUES ($1, $2, NULL, $3, $4, $5, $6, $7)',
        [id, userId, content, mood, at, themes, sentiment]);
    }
    return ids;
  }

  it('writes a premium caller’s reflection with Claude’s structured output: themes, highlights and words from Claude, the mood per day from the entries; once per week', async () => {
    const userId = randomUUID();
    const ids = await week(userId);
    api.script({ kind: 'analysis', body: claudeReply });
    const reflection = await generate(userId, '2025-02-03', ['user', 'premium']);
    expect(reflection).toMatchObject({
      weekStart: '2025-02-03', entryCount: 3, generatedBy: model, themes: ['work', 'family'],
      summary: `${claudeReply.moodTrend} ${claudeReply.reflection}`,
      highlights: [{ id: ids[1] }], // entry 9 does not exist, entry 2 is named twice
    });
    expect(reflection.moodTrend.map((p) => p.entryCount)).toEqual([1, 1, 0, 0, 1, 0, 0]);
    // one request, asking for structured output with the schema; the week's entries in the message
    expect(api.requests).toHaveLength(1);
    const request = api.requests[0]!.body;
    expect(request.model).toBe(model);
    expect(request.output_config?.format).toMatchObject({ type: 'json_schema', schema: { type: 'object', required: expect.arrayContaining(['themes', 'moodTrend', 'highlights', 'reflection']) } });
    expect(request.messages[0]!.content).toContain('secret-marker');
    expect(request.messages[0]!.content).toContain('mood="CALM"');
    // idempotent per week: no second call, the stored one
    expect((await generate(userId, '2025-02-03', ['user', 'premium'])).id).toBe(reflection.id);
    expect(api.requests).toHaveLength(1);
    const { rows } = await subgraph.pool.query<{ payload: { generatedBy: string } }>("SELECT payload FROM outbox WHERE event_type = 'WeeklyReflectionGenerated' AND user_id = $1", [userId]);
    expect(rows.map((r) => r.payload.generatedBy)).toEqual([model]);
  });

  it('gives a free caller the local reflection without calling Claude, and an empty week costs no call', async () => {
    const userId = randomUUID();
    await week(userId);
    expect(await generate(userId, '2025-02-03', ['user'])).toMatchObject({ generatedBy: reflectionGenerator, entryCount: 3 });
    expect(await generate(randomUUID(), '2025-02-03', ['user', 'premium'])).toMatchObject({ generatedBy: reflectionGenerator, entryCount: 0 });
    expect(api.requests).toHaveLength(0);
  });

  it('falls back to the local reflection when the reply is not the schema (not retried) or Claude keeps failing (retried)', async () => {
    const malformed = randomUUID();
    await week(malformed);
    api.script({ kind: 'analysis', body: { themes: ['work'], summary: 'not the schema' } });
    expect(await generate(malformed, '2025-02-03', ['premium'])).toMatchObject({ generatedBy: reflectionGenerator, entryCount: 3 });
    expect(api.requests).toHaveLength(1);

    const failing = randomUUID();
    await week(failing);
    api.script({ kind: 'status', status: 529 }, { kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    expect(await generate(failing, '2025-02-03', ['premium'])).toMatchObject({ generatedBy: reflectionGenerator, entryCount: 3 });
    expect(api.requests).toHaveLength(4); // 1 malformed + 3 attempts
  });

  it('spends at most the daily budget of Claude reflections per user, then the local one', async () => {
    const userId = randomUUID();
    const weeks = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];
    for (const w of weeks) await week(userId, w);
    api.script(...weeks.slice(0, 3).map(() => ({ kind: 'analysis' as const, body: claudeReply }))); // the fourth is never asked
    const by = [];
    for (const w of weeks) by.push((await generate(userId, w, ['premium'])).generatedBy);
    expect(by).toEqual([model, model, model, reflectionGenerator]);
    expect(api.requests).toHaveLength(3);
    const { rows } = await subgraph.pool.query<{ calls: number }>('SELECT calls FROM reflection_claude_usage WHERE user_id = $1', [userId]);
    expect(rows).toEqual([{ calls: 3 }]);
  });

  // (before the breaker test below, which leaves the shared caller's breaker open)
  it('treats a premium user who turned AI insights off like a free one, on demand and scheduled: the local reflection, nothing sent to Claude; on again, Claude', async () => {
    const userId = randomUUID();
    const insightsSetting = (enabled: boolean, version: number) => withTransaction(subgraph.pool, (tx) => reflectionEntries.handlers.InsightsSettingChanged!(
      sampleEvent('InsightsSettingChanged', { userId, aggregateVersion: version, payload: { userId, enabled, changedAt: new Date().toISOString() } }), tx));
    for (const w of ['2025-04-07', '2025-04-14', '2025-04-21', '2025-04-28']) await week(userId, w);
    await insightsSetting(false, 1);
    api.script({ kind: 'analysis', body: claudeReply }); // would be spent if anything were sent
    expect(await generate(userId, '2025-04-07', ['user', 'premium'])).toMatchObject({ generatedBy: reflectionGenerator, entryCount: 3 });
    // scheduled: the preparer leaves it to the firing, which composes it locally
    const firesAt = new Date('2025-04-21T18:00:00Z'); // Monday: reflects 14–20 April
    await subgraph.pool.query("INSERT INTO reflection_authors (user_id, plan, seen_at) VALUES ($1, 'premium', now())", [userId]);
    await subgraph.pool.query(
      `INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at) VALUES ($1, $2, 'WEEKLY_REFLECTION', NULL, '2025-04-21', $3, now())`,
      [`weekly:${userId}`, userId, firesAt]);
    let now = new Date(firesAt.getTime() - 60_000);
    const preparer = createReflectionPreparer({ pool: subgraph.pool, claude, log, now: () => now, leadMs: 5 * 60_000 });
    expect(await preparer.runOnce()).toBe(0);
    now = new Date(firesAt.getTime() + 500);
    const scheduler = createScheduler({ store: pgScheduleStore(subgraph.pool), log, now: () => now, newId: randomUUID, concurrency: 1 });
    expect(await scheduler.runOnce()).toBeGreaterThanOrEqual(1);
    const fired = await subgraph.pool.query<{ generated_by: string }>(
      "SELECT generated_by FROM weekly_reflections WHERE user_id = $1 AND week_start = '2025-04-14'", [userId]);
    expect(fired.rows).toEqual([{ generated_by: reflectionGenerator }]);
    expect(api.requests).toHaveLength(0);

    // an older event (a replay) does not turn them back on; a newer one does
    await insightsSetting(true, 1);
    expect((await generate(userId, '2025-04-21', ['premium'])).generatedBy).toBe(reflectionGenerator);
    expect(api.requests).toHaveLength(0);
    await insightsSetting(true, 2);
    expect(await generate(userId, '2025-04-28', ['premium'])).toMatchObject({ generatedBy: model, entryCount: 3 });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.body.messages[0]!.content).toContain('secret-marker');
  });

  it('prepares a premium user’s scheduled reflection with Claude before it fires; the firing links it, and the breaker open means local without a call', async () => {
    const premium = randomUUID();
    const free = randomUUID();
    const ids = await week(premium);
    await week(free);
    const firesAt = new Date('2025-02-10T18:00:00Z'); // Monday: reflects 3–9 February
    for (const [userId, plan] of [[premium, 'premium'], [free, 'free']] as const) {
      await subgraph.pool.query('INSERT INTO reflection_authors (user_id, plan, seen_at) VALUES ($1, $2, now())', [userId, plan]);
      await subgraph.pool.query(
        `INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at) VALUES ($1, $2, 'WEEKLY_REFLECTION', NULL, '2025-02-10', $3, now())`,
        [`weekly:${userId}`, userId, firesAt]);
    }
    let now = new Date(firesAt.getTime() - 10 * 60_000);
    const preparer = createReflectionPreparer({ pool: subgraph.pool, claude, log, now: () => now, leadMs: 5 * 60_000 });
    expect(await preparer.runOnce()).toBe(0); // ten minutes ahead: not yet
    now = new Date(firesAt.getTime() - 4 * 60_000);
    api.script({ kind: 'analysis', body: claudeReply });
    expect(await preparer.runOnce()).toBe(1); // the premium user's only
    expect(await preparer.runOnce()).toBe(0); // prepared: not looked at again
    expect(api.requests).toHaveLength(1);
    const prepared = await subgraph.pool.query<{ id: string; generated_by: string; highlight_ids: string[] }>(
      "SELECT id, generated_by, highlight_ids FROM weekly_reflections WHERE user_id = $1 AND week_start = '2025-02-03'", [premium]);
    expect(prepared.rows).toEqual([{ id: expect.any(String), generated_by: model, highlight_ids: [ids[1]] }]);

    now = new Date(firesAt.getTime() + 500);
    const scheduler = createScheduler({ store: pgScheduleStore(subgraph.pool), log, now: () => now, newId: randomUUID, concurrency: 1 });
    expect(await scheduler.runOnce()).toBeGreaterThanOrEqual(2);
    const linked = await subgraph.pool.query<{ user_id: string; subject_id: string; generated_by: string }>(
      `SELECT n.user_id, n.subject_id, w.generated_by FROM notifications n JOIN weekly_reflections w ON w.id = n.subject_id
        WHERE n.kind = 'WEEKLY_REFLECTION' AND n.user_id = ANY($1) ORDER BY n.user_id = $2 DESC`, [[premium, free], premium]);
    expect(linked.rows).toEqual([
      { user_id: premium, subject_id: prepared.rows[0]!.id, generated_by: model },
      { user_id: free, subject_id: expect.any(String), generated_by: reflectionGenerator },
    ]);
    expect(api.requests).toHaveLength(1); // the firing itself never calls Claude

    // Claude down: five failures in a row open the breaker; then a premium reflection is local with no call made
    api.script(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 500 })));
    const tripped = randomUUID();
    for (const w of ['2025-02-03', '2025-02-10', '2025-02-17']) await week(tripped, w);
    expect((await generate(tripped, '2025-02-03', ['premium'])).generatedBy).toBe(reflectionGenerator); // 3 attempts
    expect((await generate(tripped, '2025-02-10', ['premium'])).generatedBy).toBe(reflectionGenerator); // 2 attempts: open
    expect(api.requests).toHaveLength(6);
    expect((await generate(tripped, '2025-02-17', ['premium'])).generatedBy).toBe(reflectionGenerator); // open: no call
    expect(api.requests).toHaveLength(6);
    const { rows } = await subgraph.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM weekly_reflections WHERE user_id = $1', [tripped]);
    expect(rows).toEqual([{ n: 3 }]);
  });
});
