import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Subject } from 'rxjs';
import { Gql } from './gql';
import { LiveUpdates } from './live-updates';
import { RemoteEntries, type EntryChange } from './remote-entries';
import { SessionStore } from './session-store';

/** An Apollo client whose subscriptions the test drives by hand. */
function fakeApollo() {
  const streams: Subject<{ data: unknown }>[] = [];
  const writes: unknown[] = [];
  const client = {
    subscribe: () => {
      const stream = new Subject<{ data: unknown }>();
      streams.push(stream);
      return stream.asObservable();
    },
    cache: { writeQuery: (options: unknown) => writes.push(options) },
  };
  return { apollo: { client }, streams, writes };
}

function setup(signedIn = true) {
  const fake = fakeApollo();
  const refetches: number[] = [];
  TestBed.configureTestingModule({
    providers: [
      { provide: Apollo, useValue: fake.apollo },
      { provide: Gql, useValue: { refetchActive: async () => void refetches.push(1) } },
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
    expect(streams).toHaveLength(3);
    const [entries, tasks, insights] = streams;
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
    expect(streams).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(streams).toHaveLength(6);

    streams[5]!.error(new CombinedGraphQLErrors({ data: null, errors: [{ message: 'Cannot query field "insightsReady"' }] }));
    vi.advanceTimersByTime(60_000);
    expect(streams).toHaveLength(6);
    live.stop();
  });

  it('does not come back once signed out', () => {
    vi.useFakeTimers();
    const { live, streams } = setup(false);
    live.start();
    streams[0]!.error(new Error('closed'));
    vi.advanceTimersByTime(60_000);
    expect(streams).toHaveLength(3);
  });
});
