// The subscription-scale benchmark's baseline: the least a WebSocket server does to hold the same sockets and fan
// one message out to one user's subscribers — `ws` alone, the graphql-transport-ws handshake (no token check),
// and per publish a `next` message serialised per subscription, as graphql-ws does. Its own process, so its RSS
// is read like the gateway's. Prints `{"port":…}` on stdout once listening; POST /publish
// `{ "authorization": "Bearer …", "payload": {…} }` sends to every subscription opened with that authorization;
// GET /stats counts the subscriptions.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const byAuthorization = new Map<string, Set<{ socket: WebSocket; id: string }>>();

let subscriptions = 0;

const http = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/stats') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ subscriptions }));
    return;
  }
  if (request.method !== 'POST' || request.url !== '/publish') {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const { authorization, payload } = JSON.parse(Buffer.concat(chunks).toString()) as { authorization: string; payload: unknown };
    let sent = 0;
    for (const { socket, id } of byAuthorization.get(authorization) ?? []) {
      socket.send(JSON.stringify({ id, type: 'next', payload }));
      sent += 1;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sent }));
  });
});

const wss = new WebSocketServer({ server: http, path: '/graphql', perMessageDeflate: false, handleProtocols: () => 'graphql-transport-ws' });
wss.on('connection', (socket) => {
  let authorization: string | undefined;
  const mine: { socket: WebSocket; id: string }[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type: string; id?: string; payload?: { authorization?: string } };
    if (message.type === 'connection_init') {
      authorization = message.payload?.authorization ?? '';
      socket.send('{"type":"connection_ack"}');
    } else if (message.type === 'subscribe' && authorization !== undefined && message.id) {
      const subscription = { socket, id: message.id };
      mine.push(subscription);
      subscriptions += 1;
      const set = byAuthorization.get(authorization) ?? new Set();
      byAuthorization.set(authorization, set.add(subscription));
    } else if (message.type === 'ping') socket.send('{"type":"pong"}');
  });
  socket.on('close', () => {
    for (const subscription of mine) byAuthorization.get(authorization ?? '')?.delete(subscription);
    subscriptions -= mine.length;
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
