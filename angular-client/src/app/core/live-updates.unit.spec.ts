import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Subject } from 'rxjs';
import { ThoughtsDocument, type ThoughtsQuery } from '../graphql/generated';
import { cacheTypePolicies } from './apollo-setup';
import { Gql } from './gql';
import { LiveUpdates } from './live-updates';
import { RemoteEntries, type EntryChange } from './remote-entries';
import { SessionStore } from './session-store';

/** An Apollo client whose subscriptions the test drives by hand. */
function fakeApollo() {
  const streams: Subject<{ data: unknown }>[] = [];
  const writes: unknown[] = [];
  // The app's cache (its type policies), its writeQuery recorded.
  const cache = cacheTypePolicies();
  const writeQuery = cache.writeQuery.bind(cache);
  cache.writeQuery = ((options: Parameters<typeof writeQuery>[0]) => {
    writes.push(options);
    return writeQuery(options);
  }) as typeof cache.writeQuery;
  const client = {
    subscribe: () => {
      const stream = new Subject<{ data: unknown }>();
      streams.push(stream);
      return stream.asObservable();
    },
    cache,
  };
  return { apollo: { client }, streams, writes, cache };
}

function setup(signedIn = true, onRefetch: (cache: ReturnType<typeof cacheTypePolicies>) => void = () => undefined) {
  const fake = fakeApollo();
  const refetches: number[] = [];
  TestBed.configureTestingModule({
    providers: [
      { provide: Apollo, useValue: fake.apollo },
      { provide: Gql, useValue: { refetchActive: async () => { refetches.push(1); onRefetch(fake.cache); } } },
      { provide: SessionStore, useValue: { signedIn: signal(signedIn) } },
    ],
  });
  return { live: TestBed.inject(LiveUpdates), refetches, ...fake };
}

describe('LiveUpdates', () => {
  afterEach(() => vi.useRealTimers());

  it('re-reads lists on creations and deletions, and writes arriving insights to their entry', () => {
    const { live, streams, refetches, writes } = setup();
    live.start();
    expect(streams).toHaveLength(4);
    const [entries, tasks, , insights] = streams;
    entries!.next({ data: { entryChanged: { kind: 'UPDATED', entryId: 'e1', entry: null } } });
    expect(refetches).toHaveLength(0); // the normalized cache already has the update
    entries!.next({ data: { entryChanged: { kind: 'CREATED', entryId: 'e2', entry: null } } });
    tasks!.next({ data: { taskChanged: { kind: 'DELETED', taskId: 't1', task: null } } });
    expect(refetches).toHaveLength(2);

    const ready = { entryId: 'e1', sentiment: 0.5, themes: ['sea'], summary: 'Calm.', suggestions: [], generatedBy: 'local', generatedAt: '2026-11-22T07:00:00Z' };
    insights!.next({ data: { insightsReady: ready } });
    expect(live.latestInsights()).toEqual(ready);
    expect(writes[0]).toMatchObject({ variables: { id: 'e1' }, data: { entry: { id: 'e1', insights: { summary: 'Calm.' } } } });
  });

  it('thoughts: a capture elsewhere re-reads the lists on screen, an edit is written to the cached thought (no re-read)', () => {
    const { live, streams, refetches, cache } = setup();
    const listed = { __typename: 'Thought' as const, id: 'th1', text: 'Call the plumber', tags: ['home'], createdAt: '2026-12-01T07:00:00.000Z', version: 1 };
    cache.writeQuery({ query: ThoughtsDocument, variables: { first: 50, tag: null }, data: { thoughts: { __typename: 'ThoughtConnection',
      edges: [{ __typename: 'ThoughtEdge', cursor: 'c1', node: listed }], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, totalCount: 1 } } as unknown as ThoughtsQuery });
    live.start();
    const thoughts = streams[2]!;
    const edited = { id: 'th1', text: 'Call the plumber on Monday', tags: ['home'], createdAt: listed.createdAt, version: 2 };
    thoughts.next({ data: { thoughtChanged: { kind: 'UPDATED', thoughtId: 'th1', thought: edited } } });
    expect(cache.readQuery({ query: ThoughtsDocument, variables: { first: 50, tag: null } })!.thoughts.edges[0]!.node).toEqual({ __typename: 'Thought', ...edited });
    expect(refetches).toHaveLength(0);
    thoughts.next({ data: { thoughtChanged: { kind: 'CREATED', thoughtId: 'th2', thought: null } } });
    expect(refetches).toHaveLength(1);
  });

  it('thoughts: a deletion elsewhere (a thought converted into an entry or a task, too) leaves every cached list at once, without a re-read', () => {
    const { live, streams, refetches, cache } = setup();
    const node = (id: string, tags: string[]) => ({ __typename: 'Thought' as const, id, text: `text ${id}`, tags, createdAt: '2026-12-01T07:00:00.000Z', version: 1 });
    const page = (nodes: ReturnType<typeof node>[]): ThoughtsQuery => ({
      thoughts: { __typename: 'ThoughtConnection', edges: nodes.map((n) => ({ __typename: 'ThoughtEdge', cursor: `c-${n.id}`, node: n })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, totalCount: nodes.length } } as ThoughtsQuery);
    cache.writeQuery({ query: ThoughtsDocument, variables: { first: 50, tag: null }, data: page([node('th1', ['sea']), node('th2', [])]) });
    cache.writeQuery({ query: ThoughtsDocument, variables: { first: 50, tag: 'sea' }, data: page([node('th1', ['sea'])]) });
    live.start();
    streams[2]!.next({ data: { thoughtChanged: { kind: 'DELETED', thoughtId: 'th1', thought: null } } });
    const listed = (tag: string | null) => {
      const read = cache.readQuery({ query: ThoughtsDocument, variables: { first: 50, tag } })!;
      return [read.thoughts.edges.map((e) => e.node.id), read.thoughts.totalCount];
    };
    expect(listed(null)).toEqual([['th2'], 1]);
    expect(listed('sea')).toEqual([[], 0]);
    streams[2]!.next({ data: { thoughtChanged: { kind: 'DELETED', thoughtId: 'th9', thought: null } } }); // not listed: nothing changes
    expect(listed(null)).toEqual([['th2'], 1]);
    expect(refetches).toHaveLength(0);
  });

  it('thoughts: a re-read answered before the read side applied a live deletion does not bring the thought back', async () => {
    const node = (id: string) => ({ __typename: 'Thought' as const, id, text: `text ${id}`, tags: [], createdAt: '2026-12-01T07:00:00.000Z', version: 1 });
    const page = (ids: string[]): ThoughtsQuery => ({
      thoughts: { __typename: 'ThoughtConnection', edges: ids.map((id) => ({ __typename: 'ThoughtEdge', cursor: `c-${id}`, node: node(id) })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, totalCount: ids.length } } as ThoughtsQuery);
    // the read side still lists th1 when the re-read comes (the task it became is there, its deletion not yet)
    const { live, streams, cache } = setup(true, (c) => c.writeQuery({ query: ThoughtsDocument, variables: { first: 50, tag: null }, data: page(['th1', 'th2']) }));
    cache.writeQuery({ query: ThoughtsDocument, variables: { first: 50, tag: null }, data: page(['th1', 'th2']) });
    live.start();
    streams[2]!.next({ data: { thoughtChanged: { kind: 'DELETED', thoughtId: 'th1', thought: null } } });
    streams[1]!.next({ data: { taskChanged: { kind: 'CREATED', taskId: 't1', task: null } } }); // the task th1 became: a re-read
    await new Promise((resolve) => setTimeout(resolve));
    const read = cache.readQuery({ query: ThoughtsDocument, variables: { first: 50, tag: null } })!;
    expect(read.thoughts.edges.map((e) => e.node.id)).toEqual(['th2']);
  });

  it('hands every entry change to RemoteEntries (an open editor merges it)', () => {
    const { live, streams } = setup();
    const arrived: EntryChange[] = [];
    TestBed.inject(RemoteEntries).changes.subscribe((change) => arrived.push(change));
    live.start();
    const change = { kind: 'UPDATED', entryId: 'e1', entry: null };
    streams[0]!.next({ data: { entryChanged: change } });
    expect(arrived).toEqual([change]);
  });

  it('subscribes again with backoff after the socket closes (an expired token: 4401), but not after a refusal', () => {
    vi.useFakeTimers();
    const { live, streams } = setup();
    live.start();
    streams[0]!.error(new Error('Socket closed with event 4401 Unauthorized'));
    vi.advanceTimersByTime(999);
    expect(streams).toHaveLength(4);
    vi.advanceTimersByTime(1);
    expect(streams).toHaveLength(8);

    streams[7]!.error(new CombinedGraphQLErrors({ data: null, errors: [{ message: 'Cannot query field "insightsReady"' }] }));
    vi.advanceTimersByTime(60_000);
    expect(streams).toHaveLength(8);
    live.stop();
  });

  it('does not come back once signed out', () => {
    vi.useFakeTimers();
    const { live, streams } = setup(false);
    live.start();
    streams[0]!.error(new Error('closed'));
    vi.advanceTimersByTime(60_000);
    expect(streams).toHaveLength(4);
  });
});
