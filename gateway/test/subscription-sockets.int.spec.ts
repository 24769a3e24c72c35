// The gateway's WebSockets as sockets: a client that vanished without a close, or stopped reading, is found by the
// heartbeat and terminated; a socket whose client reads slower than its results come is closed with 4008 once more
// than GATEWAY_WS_MAX_BUFFERED_BYTES wait to be sent. Real query subgraph and read DB.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { issueAccessToken, loadSigningKeys, type SigningKeys } from '@mindflow/auth';
import { createInProcessBus, type Notification } from '@mindflow/notifications';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '../src/index.js';
import { createTestReadDb, seedJournalWithEntries, type TestReadDb } from './read-db.js';
import { startSubgraphProcess, type SubgraphProcess } from './subgraph-process.js';
import { messageType, wsUrl } from './ws-client.js';

const secret = 'gateway-sockets-int-test-secret';
const alice = randomUUID();
const bus = createInProcessBus();
let keys: SigningKeys;
let db: TestReadDb;
let subgraph: SubgraphProcess;
/** Heartbeat every second: short for a test, long enough that a loaded machine's stall does not end a healthy socket. */
let gateway: RunningGateway;
/** No heartbeat, and at most 256 KiB waiting per socket: only the buffer limit can end a slow consumer here. */
let bounded: RunningGateway;
let boundedMetrics: Registry;
let entryId: string;

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const pem = { AUTH_PRIVATE_KEY: await exportPKCS8(pair.privateKey), AUTH_PUBLIC_KEY: await exportSPKI(pair.publicKey) };
  keys = await loadSigningKeys(pem);
  db = await createTestReadDb();
  const journalId = await seedJournalWithEntries(db.pool, alice, 'Long days', ['long']);
  const { rows } = await db.pool.query<{ entry_id: string }>('SELECT entry_id FROM entries_view WHERE journal_id = $1', [journalId]);
  entryId = rows[0]!.entry_id;
  // 200 KB of text: a few deliveries fill the socket buffers between here and a client that stopped reading.
  await db.pool.query('UPDATE entries_view SET content = $2 WHERE entry_id = $1', [entryId, 'words '.repeat(34_000)]);
  await db.pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1)`, [entryId]);
  subgraph = await startSubgraphProcess('services/query/src/subgraph-main.ts', 'QUERY_SUBGRAPH_PORT', {
    READ_DATABASE_URL: db.url, INTERNAL_CALLER_SECRET: secret, CONSISTENCY_WAIT_MS: '3000', COMMAND_GRPC_ADDRESS: '127.0.0.1:1',
  });
  const config = { GATEWAY_PORT: 0, QUERY_SUBGRAPH_URL: subgraph.url, AUTH_PUBLIC_KEY: pem.AUTH_PUBLIC_KEY, INTERNAL_CALLER_SECRET: secret };
  gateway = await startGateway({ ...config, GATEWAY_WS_PING_MS: 1_000 }, { notifications: bus, metrics: new Registry() });
  boundedMetrics = new Registry();
  bounded = await startGateway({ ...config, GATEWAY_WS_PING_MS: 0, GATEWAY_WS_MAX_BUFFERED_BYTES: 256 * 1024 }, { notifications: bus, metrics: boundedMetrics });
});

afterAll(async () => {
  await bounded?.close();
  await gateway?.close();
  await subgraph?.stop();
  await db?.drop();
});

/** A raw graphql-transport-ws client; `answerPings: false` plays a client whose network vanished. */
async function rawClient(options: { answerPings: boolean; to?: RunningGateway }): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const token = (await issueAccessToken({ userId: alice, roles: ['user'] }, keys)).token;
  const socket = new WebSocket(wsUrl((options.to ?? gateway).url), 'graphql-transport-ws', { autoPong: options.answerPings });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      if (messageType(data) === 'connection_ack') resolve();
    });
  });
  return { socket, closed };
}

function notification(version: number): Notification {
  return {
    subject: 'entry', kind: 'UPDATED', subjectId: entryId, eventId: randomUUID(), eventType: 'JournalEntryUpdated',
    userId: alice, aggregateId: entryId, aggregateVersion: version, occurredAt: new Date().toISOString(),
  };
}

describe('gateway WebSockets', () => {
  it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
    const gone = await rawClient({ answerPings: false });
    const healthy = await rawClient({ answerPings: true });
    const outcome = await Promise.race([gone.closed, sleep(10_000).then(() => null)]);
    expect(outcome?.code, 'terminated without a close frame').toBe(1006);
    expect(healthy.socket.readyState).toBe(WebSocket.OPEN);
    healthy.socket.close();
  });

  it('terminates a subscriber that stopped reading (no pong gets through), while its notifications keep coming', async () => {
    const slow = await rawClient({ answerPings: true });
    slow.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { entryChanged { entry { content } } }' } }));
    await sleep(300);
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    let version = 0;
    const publishing = (async () => {
      while (version < 200 && slow.socket.readyState === WebSocket.OPEN) {
        await bus.publish(notification((version += 1)));
        await sleep(25);
      }
    })();
    // 5 s is five heartbeats; a paused client cannot see its socket end either, until it reads again.
    await sleep(5_000);
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const outcome = await Promise.race([slow.closed, sleep(5_000).then(() => null)]);
    await publishing;
    expect(outcome?.code, 'terminated without a close frame').toBe(1006);
    expect(version, 'notifications were published while it was paused').toBeGreaterThan(0);
  });

  it('closes a socket with 4008 once more than GATEWAY_WS_MAX_BUFFERED_BYTES wait to be sent to it, and keeps the others', async () => {
    const slow = await rawClient({ answerPings: true, to: bounded });
    const healthy = await rawClient({ answerPings: true, to: bounded });
    // Eight subscriptions of the 200 KB entry: graphql-ws sends one result at a time per subscription, so several are
    // needed for results to pile up on one socket once the kernel's buffers are full.
    for (let id = 1; id <= 8; id++) {
      slow.socket.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query: 'subscription { entryChanged { entry { content } } }' } }));
    }
    healthy.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { entryChanged { kind } }' } }));
    let healthyResults = 0;
    healthy.socket.on('message', (data) => void (messageType(data) === 'next' && (healthyResults += 1)));
    await sleep(300);
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const closes = async () => (await boundedMetrics.getSingleMetric('mindflow_gateway_websocket_slow_consumer_closes_total')!.get()).values[0]?.value ?? 0;
    // Version 1, which the read side has: each read answers at once (a later version would wait for the projection).
    let sent = 0;
    while (sent < 300 && (await closes()) === 0) {
      await bus.publish(notification(1));
      sent += 1;
      await sleep(25);
    }
    expect(await closes(), `closed after ${sent} notifications`).toBe(1);
    // The close frame waits behind what was buffered: the client sees it once it reads again.
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const outcome = await Promise.race([slow.closed, sleep(10_000).then(() => null)]);
    expect(outcome).toEqual({ code: 4008, reason: 'slow consumer: too much waiting to be sent' });
    expect(healthy.socket.readyState).toBe(WebSocket.OPEN);
    await bus.publish(notification(1));
    await waitFor(() => healthyResults >= sent + 1, 5_000);
    healthy.socket.close();
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(10);
  expect(condition()).toBe(true);
}
