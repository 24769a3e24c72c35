import { insightsAggregateId, isSealed, openStoredEvent } from '@mindflow/events';
import { devMasterKey, MasterKeyWrapper, PgKeyStore } from '@mindflow/event-log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaudeEntryAnalyzer } from '../adapters/anthropic/claude-entry-analyzer.js';
import { setInsightsEnabled } from '../adapters/pg/user-settings.js';
import type { EntryAnalyzer } from '../application/entry-analyzer.js';
import { localAnalyzerName } from '../domain/analysis/local-analyzer.js';
import { capturedLog } from '../test/captured-log.js';
import { entryStory } from '../test/entry-events.js';
import { defaultFakeAnalysis, startFakeMessagesApi, type FakeMessagesApi } from '@mindflow/testing';
import { insightsUnderTest, type InsightsUnderTest } from '../test/insights-under-test.js';

describe('the insights projector (embedded event log, real Postgres, Claude on a local Messages API)', () => {
  let api: FakeMessagesApi;
  let system: InsightsUnderTest;
  const logs = capturedLog();
  let localShouldFail = false;

  beforeAll(async () => {
    api = await startFakeMessagesApi();
    const claude = createClaudeEntryAnalyzer({ apiKey: 'k', baseURL: api.url, model: 'claude-test', log: logs.log, retry: { maxAttempts: 1 } });
    const real = (await import('../adapters/local/local-entry-analyzer.js')).createLocalEntryAnalyzer();
    const local: EntryAnalyzer = {
      name: real.name,
      analyze: async (entry) => {
        if (localShouldFail) throw new Error('scripted local failure');
        return real.analyze(entry);
      },
    };
    system = await insightsUnderTest('insights_projector', { claude, local, log: logs.log, dailyBudget: 1 });
  });
  afterAll(async () => {
    await system?.close();
    await api?.close();
  });

  const insightsOf = async (entryId: string) =>
    (await system.insights.query('SELECT * FROM entry_insights WHERE entry_id = $1', [entryId])).rows[0] as Record<string, unknown> | undefined;
  type OutboxRow = { event_id: string; event_type: string; schema_version: number; aggregate_type: string; aggregate_id: string; aggregate_version: number; payload: Record<string, unknown>; user_id: string };
  const storedEventsOf = async (entryId: string) =>
    (
      await system.insights.query<OutboxRow>(
        'SELECT event_id, event_type, schema_version, aggregate_type, aggregate_id, aggregate_version, payload, user_id FROM outbox WHERE aggregate_id = $1 ORDER BY aggregate_version',
        [insightsAggregateId(entryId)],
      )
    ).rows;
  /** The outbox rows as a consumer reads them: sealed personal fields opened with the owner's key (write DB's key store). */
  const eventsOf = async (entryId: string) => {
    const keys = new PgKeyStore(system.write, MasterKeyWrapper.fromBase64(devMasterKey));
    const opened = [];
    for (const row of await storedEventsOf(entryId)) {
      const raw = { eventId: row.event_id, eventType: row.event_type, schemaVersion: row.schema_version, aggregateType: row.aggregate_type, aggregateId: row.aggregate_id, aggregateVersion: row.aggregate_version, userId: row.user_id, payload: row.payload };
      opened.push({ ...row, payload: ((await openStoredEvent(raw, keys)) as { payload: Record<string, unknown> }).payload });
    }
    return opened;
  };
  const pending = async (entryId: string) => (await system.insights.query('SELECT 1 FROM pending_analyses WHERE entry_id = $1', [entryId])).rowCount;
  /** Lets the debounce window pass, then analyses what is due. */
  const afterPause = async () => {
    system.clock.advance(2_500);
    return system.projector.worker.runOnce();
  };

  it('analyses a free author’s entry locally and records the insights row and AIInsightsGenerated together', async () => {
    const story = entryStory();
    await system.append(story.created('A wonderful walk in the park with my sister. I feel grateful.'));
    await system.caughtUp();
    expect(await afterPause()).toBe(1);
    const row = await insightsOf(story.entryId);
    expect(row).toMatchObject({ user_id: story.userId, entry_version: 1, generated_by: localAnalyzerName });
    expect(row?.['sentiment']).toBeGreaterThan(0.5);
    const [event, ...more] = await eventsOf(story.entryId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ event_type: 'AIInsightsGenerated', aggregate_version: 1, user_id: story.userId });
    expect(event?.payload).toMatchObject({
      entryId: story.entryId,
      entryVersion: 1,
      generatedBy: localAnalyzerName,
      analysed: true,
      sentiment: row?.['sentiment'],
      themes: row?.['themes'],
      summary: row?.['summary'],
      suggestions: row?.['suggestions'],
    });
    expect(api.requests).toHaveLength(0);
    // sealed in the outbox (issue 16): neither the summary nor a theme is readable there
    const [stored] = await storedEventsOf(story.entryId);
    expect(isSealed(stored?.payload)).toBe(true);
    const text = JSON.stringify(stored?.payload);
    expect(text).not.toContain(String(row?.['summary']));
    for (const theme of row?.['themes'] as string[]) expect(text).not.toContain(theme);
  });

  it('writes no AIInsightsGenerated for a user whose key was destroyed, and the worker goes on', async () => {
    const story = entryStory();
    await system.append(story.created('A wonderful walk in the park with my sister. I feel grateful.'));
    await system.caughtUp();
    await new PgKeyStore(system.write, MasterKeyWrapper.fromBase64(devMasterKey)).destroy(story.userId);
    expect(await afterPause()).toBe(1); // settled, not failed: nothing left to retry
    expect(await storedEventsOf(story.entryId)).toEqual([]);
    expect(await pending(story.entryId)).toBe(0);
  });

  it('says in AIInsightsGenerated that a text the local analyzer cannot read was not analysed', async () => {
    const story = entryStory();
    await system.append(story.created('Heute war ein schöner Tag. Ich bin mit meiner Schwester im Park spazieren gegangen.'));
    await system.caughtUp();
    expect(await afterPause()).toBe(1);
    const [event] = await eventsOf(story.entryId);
    expect(event?.payload).toMatchObject({ generatedBy: localAnalyzerName, analysed: false, sentiment: 0, themes: [], suggestions: [] });
  });

  it('debounces rapid edits: one analysis, of the latest version, once the author pauses', async () => {
    const story = entryStory({ plan: 'premium' });
    await system.append(story.created('first draft'), story.updated('second draft'));
    await system.caughtUp();
    system.clock.advance(1_500);
    await system.append(story.updated('final words about my project at work'));
    await system.caughtUp();
    system.clock.advance(1_500); // 3 s after the first edit, 1.5 s after the last: not due yet
    expect(await system.projector.worker.runOnce()).toBe(0);
    const before = api.requests.length;
    expect(await afterPause()).toBe(1);
    expect(api.requests.length - before).toBe(1);
    expect(api.requests.at(-1)?.body.messages[0]?.content).toContain('final words');
    expect(await insightsOf(story.entryId)).toMatchObject({ entry_version: 3, generated_by: 'claude-test', summary: defaultFakeAnalysis.summary });
    expect((await eventsOf(story.entryId)).map((e) => e.aggregate_version)).toEqual([1]);
  });

  it('re-analyses a content edit but not a mood change, and numbers the insights events 1, 2, …', async () => {
    const story = entryStory();
    await system.append(story.created('A calm day.'));
    await system.caughtUp();
    await afterPause();
    await system.append(story.moodRecorded(), story.updated('A calm day.', ['mood']));
    await system.caughtUp();
    expect(await afterPause()).toBe(0);
    await system.append(story.updated('An awful, terrible day.'));
    await system.caughtUp();
    expect(await afterPause()).toBe(1);
    const events = await eventsOf(story.entryId);
    expect(events.map((e) => [e.aggregate_version, e.payload['entryVersion']])).toEqual([[1, 1], [2, 4]]);
    expect(Number((await insightsOf(story.entryId))?.['sentiment'])).toBeLessThan(0);
  });

  it('spends the premium daily budget on Claude, then falls back to the local analyzer', async () => {
    const story = entryStory({ plan: 'premium' });
    const other = entryStory({ plan: 'premium', userId: story.userId });
    await system.append(story.created('one'));
    await system.caughtUp();
    await afterPause();
    await system.append(other.created('two'));
    await system.caughtUp();
    await afterPause();
    // the debounce test's premium author is someone else; this author's budget of 1 went to the first entry
    expect((await insightsOf(story.entryId))?.['generated_by']).toBe('claude-test');
    expect((await insightsOf(other.entryId))?.['generated_by']).toBe(localAnalyzerName);
  });

  it('falls back to the local analyzer when Claude answers malformed output', async () => {
    const story = entryStory({ plan: 'premium' });
    api.script({ kind: 'text', text: 'no json here' });
    await system.append(story.created('My exam went well and I am proud.'));
    await system.caughtUp();
    expect(await afterPause()).toBe(1);
    expect(await insightsOf(story.entryId)).toMatchObject({ generated_by: localAnalyzerName });
  });

  it('does nothing for a user who turned insights off', async () => {
    const story = entryStory();
    await setInsightsEnabled(system.insights, story.userId, false, system.clock.now);
    await system.append(story.created('private thoughts'));
    await system.caughtUp();
    expect(await afterPause()).toBe(0);
    expect(await insightsOf(story.entryId)).toBeUndefined();
    expect(await eventsOf(story.entryId)).toEqual([]);
  });

  it('drops work queued before insights were turned off', async () => {
    const story = entryStory();
    await system.append(story.created('queued thoughts'));
    await system.caughtUp();
    await setInsightsEnabled(system.insights, story.userId, false, system.clock.now);
    expect(await afterPause()).toBe(0);
    expect(await pending(story.entryId)).toBe(0);
    expect(await eventsOf(story.entryId)).toEqual([]);
  });

  it('drops pending work and existing insights when the entry is deleted', async () => {
    const gone = entryStory();
    await system.append(gone.created('soon gone'), gone.deleted());
    await system.caughtUp();
    expect(await afterPause()).toBe(0);
    expect(await eventsOf(gone.entryId)).toEqual([]);

    const analysed = entryStory();
    await system.append(analysed.created('A good day.'));
    await system.caughtUp();
    await afterPause();
    expect(await insightsOf(analysed.entryId)).toBeDefined();
    await system.append(analysed.deleted());
    await system.caughtUp();
    expect(await insightsOf(analysed.entryId)).toBeUndefined();
  });

  it('is idempotent: the whole log delivered again, bookkeeping lost, analyses nothing twice', async () => {
    const story = entryStory();
    await system.append(story.created('Idempotent day, fine and good.'));
    await system.caughtUp();
    await afterPause();
    const outboxBefore = (await system.insights.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]?.n;
    await system.projector.close();
    await system.insights.query(`DELETE FROM event_log_checkpoints; DELETE FROM projection_versions WHERE projection = 'insights'`);
    await system.restart();
    await system.caughtUp();
    expect((await system.insights.query<{ n: number }>('SELECT count(*)::int AS n FROM pending_analyses')).rows[0]?.n).toBe(0);
    expect(await afterPause()).toBe(0);
    expect((await system.insights.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]?.n).toBe(outboxBefore);
  });

  it('writes neither the row nor the event when the outbox refuses the event (one transaction)', async () => {
    const story = entryStory();
    // Another writer already took insights version 1 of this entry: the insert of ours must fail.
    await system.insights.query(
      `INSERT INTO outbox (event_id, event_type, schema_version, aggregate_type, aggregate_id, aggregate_version, user_id,
                           correlation_id, occurred_at, payload)
       VALUES (gen_random_uuid(), 'AIInsightsFailed', 1, 'insights', $1, 1, $2, 'c', now(), '{}')`,
      [insightsAggregateId(story.entryId), story.userId],
    );
    await system.append(story.created('Clashing day.'));
    await system.caughtUp();
    expect(await afterPause()).toBe(0);
    expect(await insightsOf(story.entryId)).toBeUndefined();
    expect(await pending(story.entryId)).toBe(1); // released for a later attempt
  });

  it('records AIInsightsFailed when no analyzer can analyse the entry', async () => {
    const story = entryStory();
    localShouldFail = true;
    try {
      await system.append(story.created('Unlucky words.'));
      await system.caughtUp();
      expect(await afterPause()).toBe(1);
    } finally {
      localShouldFail = false;
    }
    expect(await insightsOf(story.entryId)).toBeUndefined();
    const [event] = await eventsOf(story.entryId);
    expect(event).toMatchObject({ event_type: 'AIInsightsFailed', payload: { entryId: story.entryId, entryVersion: 1, reason: 'local-analyzer-error' } });
  });

  it('never writes entry text to the logs', async () => {
    const story = entryStory({ plan: 'premium', userId: undefined });
    api.script({ kind: 'status', status: 500 });
    await system.append(story.created('zebra-secret-phrase about my boss'));
    await system.caughtUp();
    await afterPause();
    expect(logs.text()).toContain('insights settled');
    expect(logs.text()).toContain('Claude analysis failed');
    expect(logs.text()).not.toContain('zebra-secret-phrase');
  });

  it('counts analyses by analyzer and outcome, Claude fallbacks by reason and spent budgets', async () => {
    const text = await system.metrics.metrics();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    // the debounce test's entry and the first entry of the budget test
    expect(value('mindflow_insights_analyses_total{analyzer="claude",outcome="generated"}')).toBe(2);
    expect(value('mindflow_insights_analyses_total{analyzer="local",outcome="generated"}')).toBeGreaterThanOrEqual(8);
    expect(value('mindflow_insights_analyses_total{analyzer="none",outcome="failed"}')).toBe(1);
    expect(value('mindflow_insights_claude_fallbacks_total{reason="malformed-reply"}')).toBe(1);
    expect(value('mindflow_insights_budget_spent_total')).toBeGreaterThanOrEqual(1);
  });
});
