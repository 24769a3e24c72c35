import { Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Apollo } from 'apollo-angular';
import { CalendarDocument } from '../graphql/generated';
import { Gql } from './gql';
import { SessionStore } from './session-store';

/** Apollo's watchQuery as Gql uses it: each call recorded (variables, fetch policy, headers) and left running. */
class FakeApollo {
  readonly started: { variables: unknown; fetchPolicy: string; headers: unknown; live: boolean }[] = [];
  readonly client = {
    watchQuery: (options: { variables: unknown; fetchPolicy: string; context: { headers?: unknown } }) => {
      const record = { variables: options.variables, fetchPolicy: options.fetchPolicy, headers: options.context.headers, live: true };
      this.started.push(record);
      return {
        subscribe: () => ({ unsubscribe: () => (record.live = false) }),
        refetch: async () => undefined,
      };
    },
  };
}

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
