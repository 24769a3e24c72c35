// graphql-ws as any outside client uses it: the bench's subscribers, each result stamped on arrival.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export function connectSubscriber(gatewayUrl: string, token: string): Client {
  return createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    // The gateway closes with 1013 ("try again later") on a transient failure of its own; anything else is
    // an error the benchmark reports.
    retryAttempts: 5,
    shouldRetry: (event) => (event as { code?: number } | null)?.code === 1013,
    lazy: false,
  });
}

/** Calls `onResult(data, arrivedAt)` for every result; the returned function unsubscribes. */
export function subscribe<T>(client: Client, query: string, onResult: (data: T, at: number) => void, onError: (error: unknown) => void): () => void {
  return client.subscribe<T>({ query }, {
    next: (result) => {
      const at = performance.now();
      if (result.errors?.length || !result.data) onError(new Error(JSON.stringify(result.errors)));
      else onResult(result.data, at);
    },
    error: onError,
    complete: () => undefined,
  });
}

/** Reads one counter or gauge (summed over its label sets) from a service's `/metrics`. */
export async function metricValue(opsPort: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
