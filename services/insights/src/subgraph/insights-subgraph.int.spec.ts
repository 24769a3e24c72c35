import { randomUUID } from 'node:crypto';
import { devCallerSecret, signCaller } from '@mindflow/auth';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveInsights } from '../adapters/pg/insights-rows.js';
import { insightsSettingsAggregateId } from '@mindflow/events';
import { insightsEnabled, publishUnpublishedSettings } from '../adapters/pg/user-settings.js';
import { startInsightsSubgraph, type RunningInsightsSubgraph } from './start-insights-subgraph.js';

describe('the insights subgraph', () => {
  let db: TestDatabase;
  let subgraph: RunningInsightsSubgraph;
  const alice = randomUUID();
  const bob = randomUUID();
  const entries = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    db = await createTestDatabase('insights_subgraph');
    subgraph = await startInsightsSubgraph(
      { INSIGHTS_DATABASE_URL: db.url, INSIGHTS_SUBGRAPH_PORT: 0 },
      { log: createLogger('insights-subgraph-test', 'silent') },
    );
    for (const [i, entryId] of entries.entries()) {
      await saveInsights(subgraph.pool, {
        entryId: entryId,
        userId: alice,
        entryVersion: 1,
        sentiment: i === 0 ? 0.5 : -0.5,
        themes: ['work'],
        summary: `summary ${i}`,
        suggestions: ['rest'],
        generatedBy: 'local-analyzer@1',
        generatedAt: new Date('2030-01-01T00:00:00Z'),
      });
    }
  });
  afterAll(async () => {
    await subgraph?.close();
    await db?.drop();
  });

  async function post(query: string, variables: Record<string, unknown>, userId?: string) {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(userId ? { 'x-mindflow-caller': signCaller({ userId, roles: ['user'] }, devCallerSecret) } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
  }

  const entryInsights = `query ($r: [_Any!]!) { _entities(representations: $r) {
    ... on Entry { id insights { entryId sentiment themes summary suggestions generatedBy generatedAt } } } }`;

  it('extends Entry with the caller’s insights, several entries in one request', async () => {
    const result = await post(entryInsights, { r: entries.map((id) => ({ __typename: 'Entry', id })) }, alice);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([
      { id: entries[0], insights: { entryId: entries[0], sentiment: 0.5, themes: ['work'], summary: 'summary 0', suggestions: ['rest'], generatedBy: 'local-analyzer@1', generatedAt: '2030-01-01T00:00:00.000Z' } },
      { id: entries[1], insights: expect.objectContaining({ summary: 'summary 1', sentiment: -0.5 }) },
    ]);
  });

  it('shows another user nothing, and null for unknown or malformed ids', async () => {
    const asBob = await post(entryInsights, { r: [{ __typename: 'Entry', id: entries[0] }] }, bob);
    expect(asBob.data?.['_entities']).toEqual([{ id: entries[0], insights: null }]);
    const unknown = await post(entryInsights, { r: [{ __typename: 'Entry', id: randomUUID() }, { __typename: 'Entry', id: 'nope' }] }, alice);
    expect(unknown.data?.['_entities']).toEqual([expect.objectContaining({ insights: null }), { id: 'nope', insights: null }]);
  });

  it('resolves Insights references by entryId, only the caller’s', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Insights { entryId summary } } }`;
    const r = [{ __typename: 'Insights', entryId: entries[1] }];
    expect((await post(query, { r }, alice)).data?.['_entities']).toEqual([{ entryId: entries[1], summary: 'summary 1' }]);
    expect((await post(query, { r }, bob)).data?.['_entities']).toEqual([null]);
  });

  it('refuses a request without a caller the gateway vouched for, but serves the SDL', async () => {
    const refused = await post(entryInsights, { r: [{ __typename: 'Entry', id: entries[0] }] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sdl = await post('{ _service { sdl } }', {});
    expect(JSON.stringify(sdl.data)).toContain('setInsightsEnabled');
  });

  it('lets a user turn insights off and on, and tells only them', async () => {
    const set = 'mutation ($on: Boolean!) { setInsightsEnabled(enabled: $on) }';
    const read = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { insightsEnabled } } }`;
    expect((await post(set, { on: false }, bob)).data).toEqual({ setInsightsEnabled: false });
    expect(await insightsEnabled(subgraph.pool, bob)).toBe(false);
    expect(await insightsEnabled(subgraph.pool, alice)).toBe(true);
    expect((await post(read, { r: [{ __typename: 'User', id: bob }] }, bob)).data?.['_entities']).toEqual([{ insightsEnabled: false }]);
    expect((await post(read, { r: [{ __typename: 'User', id: alice }] }, bob)).data?.['_entities']).toEqual([{ insightsEnabled: false }]);
    expect((await post(read, { r: [{ __typename: 'User', id: alice }] }, alice)).data?.['_entities']).toEqual([{ insightsEnabled: true }]);
    await post(set, { on: true }, bob);
    expect(await insightsEnabled(subgraph.pool, bob)).toBe(true);
  });

  it('records each change of the setting in the insights outbox, with the setting, and nothing when it did not change', async () => {
    const carol = randomUUID();
    const set = 'mutation ($on: Boolean!) { setInsightsEnabled(enabled: $on) }';
    const published = async () => (await subgraph.pool.query<{ event_type: string; aggregate_type: string; aggregate_version: number; user_id: string; correlation_id: string; payload: { userId: string; enabled: boolean; changedAt: string } }>(
      'SELECT event_type, aggregate_type, aggregate_version, user_id, correlation_id, payload FROM outbox WHERE aggregate_id = $1 ORDER BY aggregate_version',
      [insightsSettingsAggregateId(carol)])).rows;
    expect(await published()).toEqual([]);
    expect((await post(set, { on: false }, carol)).data).toEqual({ setInsightsEnabled: false });
    expect((await post(set, { on: false }, carol)).data).toEqual({ setInsightsEnabled: false });
    const off = await published();
    expect(off.map((r) => [r.event_type, r.aggregate_type, r.aggregate_version, r.user_id, r.payload.userId, r.payload.enabled])).toEqual([
      ['InsightsSettingChanged', 'insights', 1, carol, carol, false],
    ]);
    expect(Number.isNaN(Date.parse(off[0]!.payload.changedAt))).toBe(false);
    await post(set, { on: true }, carol);
    expect((await published()).map((r) => [r.aggregate_version, r.payload.enabled])).toEqual([[1, false], [2, true]]);
    expect(await insightsEnabled(subgraph.pool, carol)).toBe(true);
  });

  it('publishes a setting stored before the event existed once, at start-up', async () => {
    const dave = randomUUID();
    await subgraph.pool.query('INSERT INTO insights_settings (user_id, enabled, updated_at, version) VALUES ($1, false, now(), 0)', [dave]);
    expect(await publishUnpublishedSettings(subgraph.pool, new Date())).toBe(1);
    expect(await publishUnpublishedSettings(subgraph.pool, new Date())).toBe(0);
    const { rows } = await subgraph.pool.query<{ aggregate_version: number; payload: { enabled: boolean } }>(
      'SELECT aggregate_version, payload FROM outbox WHERE aggregate_id = $1', [insightsSettingsAggregateId(dave)]);
    expect(rows.map((r) => [r.aggregate_version, r.payload.enabled])).toEqual([[1, false]]);
  });
});
