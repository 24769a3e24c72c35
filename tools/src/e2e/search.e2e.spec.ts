// Search end to end, in both ways to run (embedded: Postgres full-text search; distributed: Elasticsearch):
// an entry, a thought and a task written through the gateway are found by `search` with highlights, the
// hits resolved by the query subgraph (federated entity references), a search sent with the write's
// consistency token finds the write at once, `suggest` completes words, and another user finds nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../system/index.js';
import type { GatewayClient } from './gateway-client.js';
import * as op from './operations.js';
import type { E2eGateway } from './test/e2e-system.js';
import { sharedE2eSystem } from './test/shared-e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];

const search = /* GraphQL */ `
  query ($q: String!, $kinds: [SearchKind!], $first: Int) {
    search(query: $q, kinds: $kinds, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { score highlights hit {
        __typename
        ... on Entry { id title content journal { name } }
        ... on Thought { id text }
        ... on Task { id taskTitle: title completed }
      } } }
    }
  }`;

interface SearchAnswer {
  search: {
    totalCount: number;
    edges: { node: { score: number; highlights: string[]; hit: { __typename: string; id: string; title?: string; taskTitle?: string; text?: string; journal?: { name: string } } } }[];
  };
}

const captureThought = /* GraphQL */ `
  mutation ($text: String!, $tags: [String!]) { captureThought(text: $text, tags: $tags) { thought { id } consistencyToken } }`;
const createTask = /* GraphQL */ `
  mutation ($input: CreateTaskInput!) { createTask(input: $input) { task { id } consistencyToken } }`;

describe.each(modes)('search through the gateway (%s mode)', (mode) => {
  let e2e: E2eGateway;
  let alice: GatewayClient;
  let bob: GatewayClient;
  const ids: Record<string, string> = {};
  const tokens: string[] = [];

  beforeAll(async () => {
    e2e = await sharedE2eSystem(mode);
    alice = await e2e.newUser();
    bob = await e2e.newUser();
    const { createJournal } = await alice.data<op.CreatedJournal>(op.createJournal, { input: { name: 'Seaside' } });
    const { createEntry } = await alice.data<op.CreatedEntry>(op.createEntry, {
      input: { journalId: createJournal.journal.id, title: 'Kayaking day', content: 'We were kayaking between the cliffs until sunset' },
    });
    const { captureThought: thought } = await alice.data<{ captureThought: { thought: { id: string }; consistencyToken: string } }>(captureThought, {
      text: 'Kayak storage idea for the garage', tags: ['home'],
    });
    const { createTask: task } = await alice.data<{ createTask: { task: { id: string }; consistencyToken: string } }>(createTask, {
      input: { title: 'Repair the kayak paddle', date: '2030-06-01', category: 'chores' },
    });
    ids['entry'] = createEntry.entry.id;
    ids['thought'] = thought.thought.id;
    ids['task'] = task.task.id;
    tokens.push(createJournal.consistencyToken, createEntry.consistencyToken, thought.consistencyToken, task.consistencyToken);
  });


  it('finds the caller’s entry, thought and task right after writing them (consistency token), with highlights', async () => {
    const answer = await alice.data<SearchAnswer>(search, { q: 'kayak' }, { 'x-consistent-with': tokens.join(',') });
    expect(answer.search.totalCount).toBe(3);
    const hits = Object.fromEntries(answer.search.edges.map((edge) => [edge.node.hit.__typename, edge.node]));
    expect(hits['Entry']?.hit).toMatchObject({ id: ids['entry'], title: 'Kayaking day', journal: { name: 'Seaside' } });
    expect(hits['Thought']?.hit).toMatchObject({ id: ids['thought'], text: 'Kayak storage idea for the garage' });
    expect(hits['Task']?.hit).toMatchObject({ id: ids['task'], taskTitle: 'Repair the kayak paddle' });
    for (const node of Object.values(hits)) {
      expect(node.score).toBeGreaterThan(0);
      expect(node.highlights.join(' ').toLowerCase()).toMatch(/<em>kayak/);
    }
  });

  it('filters by kind and forgives a typo', async () => {
    const tasks = await alice.data<SearchAnswer>(search, { q: 'kayak', kinds: ['TASK'] });
    expect(tasks.search.edges.map((e) => e.node.hit.id)).toEqual([ids['task']]);
    const typo = await alice.data<SearchAnswer>(search, { q: 'sunsett clifs' });
    expect(typo.search.edges.map((e) => e.node.hit.id)).toEqual([ids['entry']]);
  });

  it('suggests completions of the caller’s words', async () => {
    const { suggest } = await alice.data<{ suggest: string[] }>('query ($p: String!) { suggest(prefix: $p) }', { p: 'kay' }, {
      'x-consistent-with': tokens.join(','),
    });
    expect(suggest).toEqual(expect.arrayContaining(['kayak', 'kayaking']));
  });

  it('shows another user nothing, whatever they type', async () => {
    for (const q of ['kayak', 'kayak OR *', `kayak ownerId:*`]) {
      const answer = await bob.data<SearchAnswer>(search, { q }, { 'x-consistent-with': tokens.join(',') });
      expect(answer.search.totalCount).toBe(0);
    }
    expect((await bob.data<{ suggest: string[] }>('query { suggest(prefix: "kay") }')).suggest).toEqual([]);
  });

  it('refuses a page over 100 with BAD_USER_INPUT', async () => {
    const answer = await alice.request<SearchAnswer>(search, { q: 'kayak', first: 101 });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
