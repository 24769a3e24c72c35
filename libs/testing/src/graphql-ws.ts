// Raw `graphql-transport-ws` helpers for suites that test a GraphQL server's WebSocket endpoint from outside
// (the gateway's own specs, the end-to-end and security suites): what a client sees below graphql-ws' client.
import WebSocket from 'ws';

/** The WebSocket URL of an HTTP GraphQL endpoint (same host, port and path). */
export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/** The `type` of a graphql-transport-ws message as `ws` hands it over (text frames arrive as one Buffer). */
export function messageType(data: WebSocket.RawData): unknown {
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  const message: unknown = JSON.parse(bytes.toString('utf8'));
  return message !== null && typeof message === 'object' && 'type' in message ? message.type : undefined;
}

/** The close code and reason a server ends a connection with after a `connection_init` carrying these params. */
export async function closeOnInit(httpUrl: string, connectionParams: Record<string, unknown>, timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
  const socket = new WebSocket(wsUrl(httpUrl), 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not close the connection within ${timeoutMs} ms`)), timeoutMs);
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
