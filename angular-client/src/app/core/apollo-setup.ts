import { inject, type EnvironmentProviders, type Provider } from '@angular/core';
import { provideApollo } from 'apollo-angular';
import { ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { AccessToken } from './access-token';
import { ConnectionStatus } from './connection-status';

/** The API is same-origin: the SPA's server proxies /graphql (HTTP and WebSocket) to the gateway. */
export function graphqlHttpUrl(): string {
  return '/graphql';
}

export function graphqlWsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/** One graphql-ws client per signed-in session: `restartLiveConnection` after sign-in/out picks up the new token. */
let wsClient: Client | undefined;

export function restartLiveConnection(): void {
  wsClient?.terminate();
}

export function cacheTypePolicies(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // paged lists are cached per page and filter; refetched after writes
      Query: { fields: { journals: { keyArgs: ['first', 'after'] }, thoughts: { keyArgs: ['tag', 'first', 'after'] } } },
      Insights: { keyFields: ['entryId'] },
      MoodPoint: { keyFields: false },
      TaskStats: { keyFields: false },
      Dashboard: { keyFields: [], merge: true },
      CalendarDay: { keyFields: ['date'] },
      // Each occurrence of a recurring task is its own object (same id, its own day and completion): one cache
      // entry per id would tick every day of the series when one is ticked.
      Task: { keyFields: (task) => (task['occurrence'] ? `Task:${String(task['id'])}@${String(task['occurrence'])}` : ['id']) },
      // The occurrences of a recurring event share its id: each is kept apart by its start.
      CalendarEvent: { keyFields: ['id', 'startsAt'] },
    },
  });
}

export function provideGraphql(): (Provider | EnvironmentProviders)[] {
  return [
    provideApollo(() => {
      const token = inject(AccessToken);
      const status = inject(ConnectionStatus);
      const http = new HttpLink({ uri: graphqlHttpUrl(), credentials: 'same-origin' });
      const auth = new SetContextLink((prev) => ({ headers: { ...prev['headers'], ...token.header() } }));
      wsClient = createClient({
        url: graphqlWsUrl(window.location),
        lazy: true,
        // the token is read at each (re)connect, so a refreshed token is used after a drop
        connectionParams: () => {
          const value = token.value();
          return value ? { authorization: `Bearer ${value}` } : {};
        },
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
        retryWait: (retries) => status.waitToRetry(retries),
        on: { connected: () => status.connected(), closed: () => status.lost() },
      });
      const ws = new GraphQLWsLink(wsClient);
      const link = ApolloLink.split(
        ({ query }) => {
          const definition = getMainDefinition(query);
          return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
        },
        ws,
        ApolloLink.from([auth, http]),
      );
      return { link, cache: cacheTypePolicies(), defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } } };
    }),
  ];
}
