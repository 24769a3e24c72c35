import { randomUUID } from 'node:crypto';
import { devCallerSecret, signCaller } from '@mindflow/auth';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveInsights } from '../adapters/pg/insights-rows.js';
import { insightsEnabled } from '../adapters/pg/user-settings.js';
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
});
