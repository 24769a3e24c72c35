import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { callerHeader, signCaller } from '@mindflow/auth';
import { consistencyToken } from '@mindflow/event-log';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueIndexPrefix, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { document } from '../test/documents.js';
import { startSearchSubgraph, type RunningSearchSubgraph } from './start-search-subgraph.js';

const secret = 'search-subgraph-test-secret';
const log = createLogger('search-subgraph-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as Answer;
}

const as = (userId: string) => ({ [callerHeader]: signCaller({ userId, roles: ['user'] }, secret) });

const searchQuery = `query ($q: String!, $kinds: [SearchKind!], $first: Int, $after: String, $mood: Mood) {
  search(query: $q, kinds: $kinds, first: $first, after: $after, mood: $mood) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { score highlights hit { __typename ... on Entry { id } ... on Thought { id } ... on Task { id } } } }
  }
}`;

describe.each(['postgres', 'elasticsearch'] as const)('search subgraph on %s', (indexKind) => {
  let database: TestDatabase;
  let subgraph: RunningSearchSubgraph;
  let elasticsearchUrl: string | undefined;
  const prefix = uniqueIndexPrefix('search-subgraph');
  const alice = randomUUID();
  const bob = randomUUID();
  const entry = document(alice, { title: 'Harvest festival', body: 'Apples and pumpkins everywhere', mood: 'GREAT' });
  const thought = document(alice, { kind: 'thought', journalId: null, body: 'Pumpkin soup recipe idea' });
  const task = document(alice, { kind: 'task', journalId: null, title: 'Buy pumpkins', body: '', tags: ['shopping'], completed: false });
  const bobs = document(bob, { body: 'Pumpkins for bob' });

  beforeAll(async () => {
    database = await createTestDatabase('search_subgraph');
    elasticsearchUrl = indexKind === 'elasticsearch' ? await (await testServers()).elasticsearchUrl() : undefined;
    subgraph = await startSearchSubgraph(
      { READ_DATABASE_URL: database.url, SEARCH_SUBGRAPH_PORT: 0, INTERNAL_CALLER_SECRET: secret, CONSISTENCY_WAIT_MS: 500, ELASTICSEARCH_URL: elasticsearchUrl, SEARCH_INDEX_PREFIX: prefix },
      { log },
    );
    await subgraph.index.write([entry, thought, task, bobs]);
    await subgraph.index.refresh();
  });
  afterAll(async () => {
    await subgraph?.close();
    if (elasticsearchUrl) {
      const client = new Client({ node: elasticsearchUrl });
      await client.indices.delete({ index: `${prefix}*` }, { ignore: [404] });
      await client.close();
    }
    await database?.drop();
  });

  it('answers hits as entity references with scores and highlights', async () => {
    const answer = await post(subgraph.url, searchQuery, { q: 'pumpkin' }, as(alice));
    expect(answer.errors).toBeUndefined();
    const search = answer.data!['search'] as { totalCount: number; edges: { node: { score: number; highlights: string[]; hit: { __typename: string; id: string } } }[] };
    expect(search.totalCount).toBe(3);
    expect(search.edges.map((e) => e.node.hit).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [{ __typename: 'Entry', id: entry.id }, { __typename: 'Thought', id: thought.id }, { __typename: 'Task', id: task.id }].sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const edge of search.edges) {
      expect(edge.node.score).toBeGreaterThan(0);
      expect(edge.node.highlights.join(' ').toLowerCase()).toContain('<em>pumpkin');
    }
  });

  it('filters by kind and mood, and pages with cursors', async () => {
    const kinds = await post(subgraph.url, searchQuery, { q: 'pumpkins', kinds: ['TASK', 'THOUGHT'] }, as(alice));
    expect((kinds.data!['search'] as { totalCount: number }).totalCount).toBe(2);
    const mood = await post(subgraph.url, searchQuery, { q: 'pumpkins', mood: 'GREAT' }, as(alice));
    expect((mood.data!['search'] as { edges: { node: { hit: { id: string } } }[] }).edges.map((e) => e.node.hit.id)).toEqual([entry.id]);
    const first = (await post(subgraph.url, searchQuery, { q: 'pumpkin', first: 2 }, as(alice))).data!['search'] as { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { hit: { id: string } } }[] };
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await post(subgraph.url, searchQuery, { q: 'pumpkin', first: 2, after: first.pageInfo.endCursor }, as(alice))).data!['search'] as typeof first;
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...first.edges, ...rest.edges].map((e) => e.node.hit.id)).size).toBe(3);
  });

  it('suggests completions of the caller’s words only', async () => {
    const mine = await post(subgraph.url, 'query ($p: String!) { suggest(prefix: $p) }', { p: 'I like pump' }, as(alice));
    expect(mine.data!['suggest']).toEqual(['pumpkins', 'pumpkin'].filter((w) => (mine.data!['suggest'] as string[]).includes(w)));
    expect((mine.data!['suggest'] as string[]).length).toBeGreaterThan(0);
    const stranger = await post(subgraph.url, 'query ($p: String!) { suggest(prefix: $p) }', { p: 'harv' }, as(randomUUID()));
    expect(stranger.data!['suggest']).toEqual([]);
  });

  it('finds nothing of another user, whatever the query says', async () => {
    const answer = await post(subgraph.url, searchQuery, { q: `pumpkins ownerId:${alice} OR *` }, as(bob));
    const ids = (answer.data!['search'] as { edges: { node: { hit: { id: string } } }[] }).edges.map((e) => e.node.hit.id);
    expect(ids).not.toContain(entry.id);
  });

  it('refuses bad input with BAD_USER_INPUT and the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ q: 'x'.repeat(257) }, 'query'],
      [{ q: '   ' }, 'query'],
      [{ q: 'pumpkin', first: 101 }, 'first'],
      [{ q: 'pumpkin', first: 0 }, 'first'],
      [{ q: 'pumpkin', after: 'not-a-cursor' }, 'after'],
    ];
    for (const [variables, field] of cases) {
      const answer = await post(subgraph.url, searchQuery, variables, as(alice));
      expect(answer.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const long = await post(subgraph.url, 'query ($p: String!) { suggest(prefix: $p) }', { p: 'p'.repeat(65) }, as(alice));
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'prefix' });
  });

  it('refuses direct calls without the signed caller header, but serves the SDL to composition', async () => {
    const anonymous = await post(subgraph.url, searchQuery, { q: 'pumpkin' });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const forged = await post(subgraph.url, searchQuery, { q: 'pumpkin' }, { [callerHeader]: signCaller({ userId: alice, roles: [] }, 'wrong-secret') });
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const sdl = await post(subgraph.url, '{ _service { sdl } }', {});
    expect(JSON.stringify(sdl.data)).toContain('SearchConnection');
  });

  it('waits for x-consistent-with: a write not projected yet times out, a malformed token is refused', async () => {
    const pending = consistencyToken({ aggregateType: 'entry', aggregateId: randomUUID(), version: 1 });
    const waited = await post(subgraph.url, searchQuery, { q: 'pumpkin' }, { ...as(alice), 'x-consistent-with': pending });
    expect(waited.errors?.[0]?.extensions?.['code']).toBe('CONSISTENCY_TIMEOUT');
    const malformed = await post(subgraph.url, searchQuery, { q: 'pumpkin' }, { ...as(alice), 'x-consistent-with': 'garbage' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-consistent-with' });
    // a token of a stream search does not follow is not waited for
    const calendar = consistencyToken({ aggregateType: 'calendarEvent', aggregateId: randomUUID(), version: 1 });
    const other = await post(subgraph.url, searchQuery, { q: 'pumpkin' }, { ...as(alice), 'x-consistent-with': calendar });
    expect(other.errors).toBeUndefined();
  });
});
