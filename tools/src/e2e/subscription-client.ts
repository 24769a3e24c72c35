// graphql-ws (`graphql-transport-ws`) as any outside client uses it, for end-to-end tests: results are
// collected as they arrive, with the time each arrived, and waited for with a bound.
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

import { closeOnInit, messageType, wsUrl } from '@mindflow/testing';

export { closeOnInit, messageType, wsUrl };

export interface Received<T> {
  readonly data?: T | null;
  readonly errors?: readonly GraphQLFormattedError[];
  /** `performance.now()` when it arrived. */
  readonly at: number;
}

export interface LiveSubscription<T> {
  readonly received: Received<T>[];
  /** Waits until `count` results arrived; fails with what did arrive after `timeoutMs`. */
  until(count: number, timeoutMs?: number): Promise<Received<T>[]>;
  stop(): void;
}

export function connect(httpUrl: string, token: string): Client {
  return createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
}

export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
  const received: Received<T>[] = [];
  let failure: unknown;
  const stop = client.subscribe<T>({ query, variables }, {
    next: (result) => void received.push({ data: result.data, errors: result.errors, at: performance.now() }),
    error: (error) => void (failure = error),
    complete: () => undefined,
  });
  return {
    received,
    stop,
    async until(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && failure === undefined && Date.now() < deadline) await sleep(5);
      if (received.length < count) {
        throw new Error(`expected ${count} subscription results, got ${JSON.stringify(received)}; failure: ${JSON.stringify(failure) ?? String(failure)}`);
      }
      return received;
    },
  };
}


