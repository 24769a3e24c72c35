import { Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { CalendarDocument } from '../graphql/generated';
import { Gql } from './gql';
import { catchUpPauses } from './read-your-writes';
import { SessionStore } from './session-store';

/** Apollo's watchQuery as Gql uses it: each call recorded (variables, fetch policy, headers) and left running. */
class FakeApollo {
  readonly started: { variables: unknown; fetchPolicy: string; headers: unknown; live: boolean }[] = [];
  /** The observer of each started watch, to answer it. */
  readonly observers: { next(result: unknown): void }[] = [];
  /** What each `client.query` was sent with, and what it answers (in turn). */
  readonly queried: unknown[] = [];
  answers: unknown[] = [];
  readonly client = {
    watchQuery: (options: { variables: unknown; fetchPolicy: string; context: { headers?: unknown } }) => {
      const record = { variables: options.variables, fetchPolicy: options.fetchPolicy, headers: options.context.headers, live: true };
      this.started.push(record);
      return {
        subscribe: (observer: { next(result: unknown): void }) => {
          this.observers.push(observer);
          return { unsubscribe: () => (record.live = false) };
        },
        refetch: async () => undefined,
      };
    },
    query: async (options: { context: { headers?: unknown } }) => {
      this.queried.push(options.context.headers);
      return this.answers.shift();
    },
  };
}

/** The server's answer to a read that came before its write reached the read side. */
const notCaughtUp = {
  error: { errors: [{ message: 'Your change is saved, but the read side has not shown it yet', extensions: { code: 'CONSISTENCY_TIMEOUT' } }] },
  loading: false,
};

describe('Gql.watch', () => {
  it('a refetch made consistent with a write, as the variables change, is not replaced by a read that need not see the write', async () => {
    const apollo = new FakeApollo();
    TestBed.configureTestingModule({ providers: [{ provide: Apollo, useValue: apollo }, { provide: SessionStore, useValue: {} }] });
    const gql = TestBed.inject(Gql);
    const range = signal({ start: '2030-03-04', end: '2030-03-10' });
    const calendar = runInInjectionContext(TestBed.inject(Injector), () => gql.watch(CalendarDocument, () => ({ ...range() })));
    TestBed.tick();
    expect(apollo.started.map((s) => s.variables)).toEqual([{ start: '2030-03-04', end: '2030-03-10' }]);

    // the same range again (a new object): nothing restarts
    range.set({ start: '2030-03-04', end: '2030-03-10' });
    TestBed.tick();
    expect(apollo.started).toHaveLength(1);

    // a write, then the view moves to the write's week and waits for it there
    range.set({ start: '2030-03-11', end: '2030-03-17' });
    await calendar.refetch({ consistentWith: 'token-1' });
    TestBed.tick();
    expect(apollo.started.slice(1)).toEqual([
      { variables: { start: '2030-03-11', end: '2030-03-17' }, fetchPolicy: 'network-only', headers: { 'x-consistent-with': 'token-1' }, live: true },
    ]);
  });
});

describe('reading one\'s own write on a busy server (CONSISTENCY_TIMEOUT)', () => {
  afterEach(() => vi.useRealTimers());

  it('a watched read asks again with the same token, stays loading and shows no error; after the last pause it reads what there is', async () => {
    vi.useFakeTimers();
    const apollo = new FakeApollo();
    TestBed.configureTestingModule({ providers: [{ provide: Apollo, useValue: apollo }, { provide: SessionStore, useValue: {} }] });
    const gql = TestBed.inject(Gql);
    const calendar = runInInjectionContext(TestBed.inject(Injector), () => gql.watch(CalendarDocument, () => ({ start: '2030-03-04', end: '2030-03-10' })));
    TestBed.tick();
    await calendar.refetch({ consistentWith: 'token-1' });
    for (const [i, pause] of catchUpPauses.entries()) {
      apollo.observers[i + 1]?.next(notCaughtUp);
      expect(calendar.error()).toBeUndefined();
      expect(calendar.loading()).toBe(true);
      expect(apollo.started).toHaveLength(i + 2);
      await vi.advanceTimersByTimeAsync(pause);
      expect(apollo.started[i + 2]).toMatchObject({ fetchPolicy: 'network-only', headers: { 'x-consistent-with': 'token-1' } });
    }
    // the last attempt times out too: a read without the token, still no error on screen
    apollo.observers.at(-1)?.next(notCaughtUp);
    expect(apollo.started.at(-1)).toMatchObject({ fetchPolicy: 'network-only', headers: undefined });
    expect(calendar.error()).toBeUndefined();
    const days = { calendar: [] };
    apollo.observers.at(-1)?.next({ data: days, dataState: 'complete', loading: false });
    expect(calendar.data()).toEqual(days);
    expect(calendar.loading()).toBe(false);
  });

  it('a one-off read waits the same way and answers once the read side has the write', async () => {
    vi.useFakeTimers();
    const apollo = new FakeApollo();
    TestBed.configureTestingModule({ providers: [{ provide: Apollo, useValue: apollo }, { provide: SessionStore, useValue: {} }] });
    const gql = TestBed.inject(Gql);
    const days = { calendar: [] };
    apollo.answers = [notCaughtUp, notCaughtUp, { data: days }];
    const read = gql.query(CalendarDocument, { start: '2030-03-04', end: '2030-03-10' }, { consistentWith: 'token-2' });
    await vi.advanceTimersByTimeAsync(catchUpPauses[0]! + catchUpPauses[1]!);
    await expect(read).resolves.toEqual(days);
    expect(apollo.queried).toEqual(Array(3).fill({ 'x-consistent-with': 'token-2' }));
  });

  it('any other error is shown at once, not retried', () => {
    const apollo = new FakeApollo();
    TestBed.configureTestingModule({ providers: [{ provide: Apollo, useValue: apollo }, { provide: SessionStore, useValue: {} }] });
    const gql = TestBed.inject(Gql);
    const calendar = runInInjectionContext(TestBed.inject(Injector), () => gql.watch(CalendarDocument, () => ({ start: '2030-03-04', end: '2030-03-10' })));
    TestBed.tick();
    apollo.observers[0]?.next({ error: { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }, loading: false });
    expect(calendar.error()?.code).toBe('FORBIDDEN');
    expect(apollo.started).toHaveLength(1);
  });
});
