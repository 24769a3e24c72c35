// A graphql-ws client as any outside client would use it (the `graphql-transport-ws` protocol), with
// helpers that wait for results with a bound.
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';

export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

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

/** The close code and reason the server ends a connection with after `connection_init` with these params. */
export async function closeOnInit(httpUrl: string, connectionParams: Record<string, unknown>): Promise<{ code: number; reason: string }> {
  const socket = new WebSocket(wsUrl(httpUrl), 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not close the connection')), 5_000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    socket.on('message', (data) => {
      if (messageType(data) === 'connection_ack') reject(new Error('the server accepted the connection'));
    });
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
    socket.on('error', reject);
  });
}

/** The `type` of a graphql-transport-ws message as `ws` hands it over (text frames arrive as one Buffer). */
export function messageType(data: WebSocket.RawData): unknown {
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  const message: unknown = JSON.parse(bytes.toString('utf8'));
  return message !== null && typeof message === 'object' && 'type' in message ? message.type : undefined;
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
