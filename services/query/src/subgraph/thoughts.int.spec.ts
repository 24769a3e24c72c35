import { randomUUID } from 'node:crypto';
import { signCaller } from '@mindflow/auth';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuerySubgraph, type RunningQuerySubgraph } from './start-query-subgraph.js';
import { postGraphQL } from './test/post-graphql.js';
import { createTestReadDb, type TestReadDb } from './test/read-db.js';
import { recordingCommands } from './test/recording-commands.js';
import { seedThought } from './test/seed.js';

const secret = 'query-subgraph-thoughts-test-secret';
const alice = randomUUID();
const bob = randomUUID();
const as = (userId: string) => ({ 'x-mindflow-caller': signCaller({ userId, roles: ['user'] }, secret) });

let db: TestReadDb;
let subgraph: RunningQuerySubgraph;
const commands = recordingCommands();
let bobThought: string;
let goneThought: string;

beforeAll(async () => {
  db = await createTestReadDb();
  subgraph = await startQuerySubgraph({ QUERY_SUBGRAPH_PORT: 0, READ_DATABASE_URL: db.url, INTERNAL_CALLER_SECRET: secret }, { commands, log: createLogger('thoughts-test', 'silent') });
  for (let i = 0; i < 5; i++) {
    await seedThought(db.pool, { ownerId: alice, text: `t${i}`, tags: i % 2 ? ['garden'] : ['work'], createdAt: `2030-01-0${i + 1}T10:00:00Z` });
  }
  goneThought = await seedThought(db.pool, { ownerId: alice, text: 'gone', tags: ['garden'], deleted: true });
  bobThought = await seedThought(db.pool, { ownerId: bob, text: 'bob only', tags: ['garden'] });
});

afterAll(async () => {
  await subgraph?.close();
  await db?.drop();
});

type Page = { thoughts: { totalCount: number; edges: { node: { text: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
const query = `query ($tag: String, $after: String) { thoughts(first: 2, tag: $tag, after: $after) {
  totalCount edges { node { text } } pageInfo { hasNextPage endCursor } } }`;

describe('thoughts', () => {
  it("lists the caller's live thoughts newest first, page by page", async () => {
    const texts: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: { data?: Page | null } = await postGraphQL<Page>(subgraph.url, query, { after }, as(alice));
      expect(res.data!.thoughts.totalCount).toBe(5);
      texts.push(...res.data!.thoughts.edges.map((e) => e.node.text));
      if (!res.data!.thoughts.pageInfo.hasNextPage) break;
      after = res.data!.thoughts.pageInfo.endCursor;
    }
    expect(texts).toEqual(['t4', 't3', 't2', 't1', 't0']);
  });

  it('filters by a tag, written as users write it', async () => {
    const res = await postGraphQL<Page>(subgraph.url, query, { tag: ' #Garden' }, as(alice));
    expect(res.data!.thoughts).toMatchObject({ totalCount: 2, edges: [{ node: { text: 't3' } }, { node: { text: 't1' } }] });
    const bad = await postGraphQL(subgraph.url, query, { tag: '#' }, as(alice));
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tag' });
  });

  it("resolves another user's thought to null through _entities", async () => {
    const res = await postGraphQL(
      subgraph.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Thought { id text } } }',
      { r: [{ __typename: 'Thought', id: bobThought }] },
      as(alice),
    );
    expect(res.data?.['_entities']).toEqual([null]);
    const own = await postGraphQL(
      subgraph.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Thought { id text } } }',
      { r: [{ __typename: 'Thought', id: bobThought }] },
      as(bob),
    );
    expect(own.data?.['_entities']).toEqual([{ id: bobThought, text: 'bob only' }]);
  });

  it("thought(id) reads the caller's live thought, and null for another user's, a deleted or an unknown one (thoughtChanged reads through it)", async () => {
    const byId = 'query ($id: ID!) { thought(id: $id) { id text tags } }';
    expect((await postGraphQL(subgraph.url, byId, { id: bobThought }, as(bob))).data).toEqual({ thought: { id: bobThought, text: 'bob only', tags: ['garden'] } });
    for (const id of [bobThought, goneThought, randomUUID(), 'not-a-uuid']) {
      const res = await postGraphQL(subgraph.url, byId, { id }, as(alice));
      expect([res.data, res.errors], id).toEqual([{ thought: null }, undefined]);
    }
  });

  it('captureThought sends the text, tags and idempotency key; updateThought tells absent tags from null', async () => {
    const captured = await postGraphQL(subgraph.url, 'mutation { captureThought(text: "hi", tags: ["a"], idempotencyKey: "k-1") { thought { text tags version } consistencyToken } }', {}, as(alice));
    expect(captured.data?.['captureThought']).toMatchObject({ thought: { text: 'hi', tags: ['a'], version: 1 } });
    expect(commands.sent.at(-1)).toMatchObject({ name: 'captureThought', command: { text: 'hi', tags: ['a'] }, metadata: { idempotencyKey: 'k-1' } });
    const id = randomUUID();
    await postGraphQL(subgraph.url, 'mutation ($id: ID!) { updateThought(id: $id, expectedVersion: 1, text: "x") { consistencyToken } }', { id }, as(alice));
    expect(commands.sent.at(-1)?.command).toEqual({ id, expectedVersion: 1, patch: { text: 'x' } });
    await postGraphQL(subgraph.url, 'mutation ($id: ID!) { updateThought(id: $id, expectedVersion: 1, tags: null) { consistencyToken } }', { id }, as(alice));
    expect(commands.sent.at(-1)?.command).toEqual({ id, expectedVersion: 1, patch: { tags: [] } });
  });
});
