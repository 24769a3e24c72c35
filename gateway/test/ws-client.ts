// A graphql-ws client as any outside client would use it (the `graphql-transport-ws` protocol), with
// helpers that wait for results with a bound.
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';

import { closeOnInit, messageType, wsUrl } from '@mindflow/testing';

export { closeOnInit, messageType, wsUrl };

export function connect(httpUrl: string, token: string): Client {
  return createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
}

/** What a client receives for one event (or one query). */
export interface Result<T> {
  readonly data?: T | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

export interface Subscription<T> {
  readonly results: Result<T>[];
  /** Waits until `count` results arrived (fails after `timeoutMs`). */
  until(count: number, timeoutMs?: number): Promise<Result<T>[]>;
  stop(): void;
  readonly failure: () => unknown;
}

export function subscribe<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const results: Result<T>[] = [];
  let failure: unknown;
  const stop = client.subscribe<T>({ query, variables }, {
    next: (result) => void results.push(result),
    error: (error) => void (failure = error),
    complete: () => undefined,
  });
  return {
    results,
    failure: () => failure,
    stop,
    async until(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count && failure === undefined && Date.now() < deadline) await sleep(10);
      if (results.length < count) throw new Error(`expected ${count} results, got ${JSON.stringify(results)}; failure: ${describe(failure)}`);
      return results;
    },
  };
}



function describe(error: unknown): string {
  if (error === undefined) return 'none';
  if (Array.isArray(error)) return JSON.stringify(error);
  if (error && typeof error === 'object' && 'code' in error) return `close ${text(error.code)} ${text('reason' in error ? error.reason ?? '' : '')}`;
  return text(error);
}

/** String() of a scalar or an Error; JSON of any other object (String() would say "[object Object]"). */
function text(value: unknown): string {
  return value !== null && typeof value === 'object' && !(value instanceof Error) ? JSON.stringify(value) : String(value);
}
