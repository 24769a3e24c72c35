// 7. Subscription scale: how many live graphql-ws sockets one gateway holds, and how fast one event reaches
// one user's many subscribers. N sockets (each acked, each with one `entryChanged` subscription) on loopback to a
// gateway of its own (its own process, distributed mode: notifications over Redis pub/sub, in front of a query
// subgraph on a seeded read DB); F of them are one user's. Figures: sockets/s until all acked, the gateway's RSS
// per socket (/proc/<pid>/status), and per event the latency from the notification's publish on the user's Redis
// channel (what the notifier does after a commit) to each of the F subscribers, and to the last of them.
// Baseline: a bare `ws` server in its own process (bare-ws-server.ts) holding the same sockets and sending one
// `next` per subscription on a publish: what the gateway costs above the sockets themselves.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { createRedisBus, type Notification } from '@mindflow/notifications';
import { createLogger } from '@mindflow/platform';
import { queryMigrationsDir } from '@mindflow/query';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { freePort, repoRoot, ServiceProcess, waitUntil } from '../../system/index.js';
import { testServers, uniqueRedisPrefix } from '../servers.js';
import type { BenchContext } from '../context.js';
import { Histogram } from '../histogram.js';
import { measurement, ratio, type BenchmarkOutcome, type Measurement } from '../result.js';
import { connectSwarm, residentBytes, subscribeAll, terminateAll, type SwarmConnect } from '../socket-swarm.js';
import { metricValue } from '../subscriptions.js';

export const name = 'subscription-scale';
export const title = 'live sockets held by one gateway: connection rate, RSS per socket, one event to one user\'s many subscribers';
export const needsSystem = false;

const entryChanged = /* GraphQL */ `subscription { entryChanged { kind entryId entry { id title version } } }`;
const MiB = 2 ** 20;

interface Target {
  readonly label: string;
  readonly url: string;
  readonly pid: number;
  readonly subscriptions: () => Promise<number>;
}

/** One event's deliveries to the fan-out user's subscribers, round after round. */
class FanOut {
  readonly all = new Histogram();
  readonly last = new Histogram();
  /** To the last subscriber, per round (ms). */
  readonly lasts: number[] = [];
  /** When each round began (CLOCK_MONOTONIC µs, as `node --cpu-prof` timestamps: to find a round in a profile). */
  readonly startedAtMicros: number[] = [];
  rounds = 0;
  missing = 0;
  seconds = 0;
  private round: { id?: string; from: number; seen: Set<number>; lastAt: number; pending: [number, string, number][] } | undefined;

  /** A `next` for socket `index` about `entryId`; counted when it belongs to the round under way. */
  delivered(index: number, entryId: string, at: number): void {
    const round = this.round;
    if (!round) return;
    if (round.id === undefined) {
      round.pending.push([index, entryId, at]); // the event's id and time are known once `fire` returns
      return;
    }
    if (round.id !== entryId || round.seen.has(index)) return;
    round.seen.add(index);
    round.lastAt = Math.max(round.lastAt, at);
    this.all.recordMs(Math.max(0, at - round.from));
  }

  /** One round: `fire` makes the event happen and says which entry it is about and when it counts from. */
  async run(expected: number, timeoutMs: number, fire: () => Promise<{ id: string; from: number }>): Promise<void> {
    const round: NonNullable<FanOut['round']> = { from: Number.NaN, seen: new Set(), lastAt: 0, pending: [] };
    this.round = round;
    this.startedAtMicros.push(Number(process.hrtime.bigint() / 1000n));
    const { id, from } = await fire();
    Object.assign(round, { id, from });
    for (const [index, entryId, at] of round.pending.splice(0)) this.delivered(index, entryId, at);
    const deadline = Date.now() + timeoutMs;
    while (round.seen.size < expected && Date.now() < deadline) await sleep(2);
    this.round = undefined;
    this.rounds += 1;
    this.missing += expected - round.seen.size;
    if (round.seen.size > 0) {
      this.last.recordMs(Math.max(0, round.lastAt - from));
      this.lasts.push(Math.round(round.lastAt - from));
    }
    this.seconds += ((round.seen.size > 0 ? round.lastAt : performance.now()) - from) / 1000;
  }

  measurement(label: string, role: Measurement['role'], expected: number): Measurement {
    const last = this.last.summary();
    return measurement(label, role, 'events/s', {
      operations: this.all.count,
      errors: this.missing,
      ...(this.missing > 0 ? { firstError: `${this.missing} of ${expected * this.rounds} deliveries never arrived` } : {}),
      seconds: this.seconds,
      perSecond: this.all.count / Math.max(this.seconds, 1e-6),
      latency: this.all.summary(),
    }, { extra: { rounds: this.rounds, subscribers: expected, lastP50Ms: last.p50Ms, lastP99Ms: last.p99Ms, lastMaxMs: last.maxMs, lastPerRoundMs: this.lasts.join(' ') } });
  }
}

export async function run(context: BenchContext): Promise<BenchmarkOutcome> {
  const settings = context.profile.subscriptionScale;
  const quick = context.profile.name === 'quick';
  const setup = await startGateway(context);
  const { gateway, keys, readDb } = setup;

  // The fan-out user: one token (no session, so no identity round trip per socket), reused by all F sockets; an
  // entry of theirs, applied by the read side, is what every notification is about. Every other socket is a user
  // of its own, as N browsers would be: N − F channels on Redis.
  const fanUserId = randomUUID();
  const subject = await seedEntry(readDb.pool, fanUserId);
  const token = async (userId: string) => (await issueAccessToken({ userId, roles: ['user'] }, keys)).token;
  const fanToken = await token(fanUserId);
  const tokens: string[] = [];
  for (let i = settings.fanOut; i < settings.sockets; i++) tokens.push(await token(randomUUID()));
  const tokenOf = (i: number) => (i < settings.fanOut ? fanToken : tokens[i - settings.fanOut]!);

  // Baseline first, so the gateway's figures come from a machine that has just done the same client work.
  const bare = await startBareServer(context);
  const payload = { data: { entryChanged: { kind: 'UPDATED', entryId: subject.id, entry: { id: subject.id, title: subject.title, version: 1 } } } };
  const bareRun = await hold(context, { label: 'bare ws', url: bare.url, pid: bare.pid, subscriptions: bare.subscriptions }, tokenOf, async () => {
    const from = performance.now();
    const answer = await fetch(bare.publishUrl, { method: 'POST', body: JSON.stringify({ authorization: `Bearer ${fanToken}`, payload }) });
    await answer.arrayBuffer();
    return { id: subject.id, from };
  });
  await bare.stop();

  // The gateway: each round one notification published on the user's Redis channel, as the notifier does.
  const bus = createRedisBus({ url: setup.redisUrl, keyPrefix: setup.redisKeyPrefix, log: createLogger('bench', 'warn') });
  context.defer(() => bus.close());
  const opsPort = gateway.spec.opsPort;
  const gatewayRun = await hold(context, {
    label: 'gateway', url: setup.wsUrl, pid: gateway.pid!,
    subscriptions: () => metricValue(opsPort, 'mindflow_gateway_subscriptions_active'),
  }, tokenOf, async () => {
    const notification: Notification = {
      subject: 'entry', kind: 'UPDATED', subjectId: subject.id, eventId: randomUUID(), eventType: 'JournalEntryUpdated',
      userId: fanUserId, aggregateId: subject.id, aggregateVersion: 1, occurredAt: new Date().toISOString(),
    };
    const from = performance.now();
    await bus.publish(notification);
    return { id: subject.id, from };
  });
  const dropped = await metricValue(opsPort, 'mindflow_gateway_subscription_dropped_total');
  await gateway.stop();

  const [bareConnect, bareRss] = bareRun.connect('baseline');
  const [gatewayConnect, gatewayRss] = gatewayRun.connect('subject');
  const bareFan = bareRun.fanOut.measurement(`bare ws: publish → ${settings.fanOut} subscribers`, 'baseline', settings.fanOut);
  const notify = gatewayRun.fanOut.measurement(`gateway: notify → ${settings.fanOut} subscribers`, 'subject', settings.fanOut);
  context.log(`subscription-scale: ${gatewayRun.summary}`);
  context.log(`subscription-scale: notify → last of ${settings.fanOut}: p50 ${notify.extra?.['lastP50Ms']} ms p99 ${notify.extra?.['lastP99Ms']} ms; every delivery p50 ${notify.latency?.p50Ms} ms p99 ${notify.latency?.p99Ms} ms`);
  return {
    measurements: [bareConnect!, bareRss!, bareFan, gatewayConnect!, gatewayRss!, notify],
    ratios: [
      ratio(gatewayConnect!, bareConnect!, { throughput: true }),
      { subject: gatewayRss!.label, baseline: bareRss!.label, basis: 'RSS per socket, in the p50 column', p50: round3(Number(gatewayRss!.extra!['rssPerSocketKiB']) / Number(bareRss!.extra!['rssPerSocketKiB'])) },
      ratio(notify, bareFan),
    ],
    notes: [
      `${settings.sockets} sockets on loopback from the bench process, ${settings.connectConcurrency} handshakes in flight, each acked then given one \`${entryChanged}\`; ${settings.fanOut} of them are one user's (one token), every other socket a user of its own`,
      `gateway: its own process (gateway/src/main.ts, distributed mode: notifications through Redis pub/sub) in front of a query subgraph process on a read DB seeded with the entry; RSS from /proc/<pid>/status before connecting and once every subscription was active and the sockets idle ${settings.idleMs / 1000} s; rssPerSocketKiB = that delta ÷ sockets`,
      `fan-out: ${settings.rounds} rounds after one unmeasured, one at a time; each a notification published on the user's Redis channel (as the notifier does) about an entry the read side has; the table's latency covers every delivery, lastP50Ms/lastP99Ms/lastMaxMs the last subscriber of each round`,
      'baseline: bare-ws-server.ts in its own process (ws only: the handshake, then per POST /publish one JSON.stringify + send per subscription), latency from before the POST',
      `the gateway dropped ${dropped} notifications as a slow subscriber's oldest`,
      gatewayRun.summary,
      bareRun.summary,
      ...(quick ? ['quick profile: tiny counts, figures meaningless'] : []),
    ],
  };
}

/** A read DB with the query projection's tables, a query subgraph on it, and a gateway in front (distributed mode). */
async function startGateway(context: BenchContext) {
  const servers = await testServers();
  const readDb = await context.database('subscale-read');
  const pool = createPool(readDb.url, { applicationName: 'bench', max: 2 });
  context.defer(() => pool.end());
  await migrate(pool, 'query', await migrationsFromDir(queryMigrationsDir));
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const pem = { AUTH_PRIVATE_KEY: await exportPKCS8(pair.privateKey), AUTH_PUBLIC_KEY: await exportSPKI(pair.publicKey) };
  const keys = await loadSigningKeys(pem);
  const secret = randomUUID();
  const [subgraphPort, gatewayPort, nowhere] = [await freePort(), await freePort(), await freePort()];
  const redisUrl = await servers.redisUrl();
  const redisKeyPrefix = uniqueRedisPrefix('bench-subscale');
  const common = { LOG_LEVEL: 'warn', INTERNAL_CALLER_SECRET: secret };
  const subgraph = new ServiceProcess({
    name: 'query-subgraph', entry: join(repoRoot, 'services/query/src/subgraph-main.ts'), opsPort: await freePort(),
    env: { ...common, READ_DATABASE_URL: readDb.url, QUERY_SUBGRAPH_PORT: String(subgraphPort), COMMAND_GRPC_ADDRESS: `127.0.0.1:${nowhere}` },
  }, null);
  context.defer(() => subgraph.stop());
  await subgraph.start();
  const gateway = new ServiceProcess({
    name: 'gateway', entry: join(repoRoot, 'gateway/src/main.ts'), opsPort: await freePort(),
    env: {
      ...common,
      MINDFLOW_MODE: 'distributed', REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisKeyPrefix,
      GATEWAY_PORT: String(gatewayPort), AUTH_PUBLIC_KEY: pem.AUTH_PUBLIC_KEY,
      QUERY_SUBGRAPH_URL: `http://127.0.0.1:${subgraphPort}/graphql`,
      // BENCH_GATEWAY_NODE_OPTIONS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` or `--trace-gc` (its output then goes to stderr).
      ...(process.env['BENCH_GATEWAY_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['BENCH_GATEWAY_NODE_OPTIONS'] } : {}),
      // Only the query subgraph is needed (entryChanged { entry { … } }); the others point nowhere.
      ...Object.fromEntries(['IDENTITY', 'SEARCH', 'INSIGHTS'].map((n) => [`${n}_SUBGRAPH_URL`, `http://127.0.0.1:${nowhere}/graphql`])),
    },
  }, process.env['BENCH_GATEWAY_NODE_OPTIONS'] ? process.stderr : null);
  context.defer(() => gateway.stop());
  await gateway.start();
  return { gateway, keys, readDb: { url: readDb.url, pool }, redisUrl, redisKeyPrefix, wsUrl: `ws://127.0.0.1:${gatewayPort}/graphql` };
}

/** A journal and one entry of `ownerId`, as the query projector would have written them (version 1, applied). */
async function seedEntry(pool: Pool, ownerId: string): Promise<{ id: string; title: string }> {
  const [journalId, entryId, title] = [randomUUID(), randomUUID(), 'fan-out subject'];
  await pool.query(
    `INSERT INTO journals_view (journal_id, owner_id, name, is_private, version, entry_count, created_at, updated_at)
     VALUES ($1, $2, 'Fan-out', false, 1, 1, now(), now())`, [journalId, ownerId]);
  await pool.query(
    `INSERT INTO entries_view (entry_id, journal_id, owner_id, journal_name, title, content, mood, tags, word_count, version, created_at, updated_at)
     VALUES ($1, $2, $3, 'Fan-out', $4, 'One event, many subscribers.', 'GOOD', '{}', 4, 1, now(), now())`, [entryId, journalId, ownerId, title]);
  await pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1), ('query', $2, 1)`, [journalId, entryId]);
  return { id: entryId, title };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Holds the sockets on one target: connects them, subscribes, measures RSS, runs the fan-out rounds (one unmeasured
 * first: the target's first read plans its query), ends them. `fire` makes one event happen.
 */
async function hold(context: BenchContext, target: Target, tokenOf: (i: number) => string, fire: () => Promise<{ id: string; from: number }>) {
  const settings = context.profile.subscriptionScale;
  const fanOut = new FanOut();
  let current: FanOut | undefined;
  const onNext = (index: number, payload: unknown, at: number) => {
    if (index >= settings.fanOut) return;
    const change = (payload as { data?: { entryChanged?: { entryId?: string } } } | null)?.data?.entryChanged;
    if (change?.entryId) current?.delivered(index, change.entryId, at);
  };
  const before = await residentBytes(target.pid);
  context.log(`${target.label}: opening ${settings.sockets} sockets (RSS ${(before.rss / MiB).toFixed(0)} MiB)`);
  const connected: SwarmConnect = await connectSwarm({
    url: target.url, tokenOf, count: settings.sockets, concurrency: settings.connectConcurrency, timeoutMs: settings.connectTimeoutMs, onNext,
  });
  context.defer(() => terminateAll(connected.sockets));
  const acked = await residentBytes(target.pid);
  await subscribeAll(connected.sockets, entryChanged);
  await waitUntil(`${connected.sockets.length} subscriptions on the ${target.label}`, async () => (await target.subscriptions()) >= connected.sockets.length, settings.connectTimeoutMs, 50);
  // Idle sockets, as the goal has them: the connection storm's garbage is collected (V8's memory reducer runs a full
  // GC a few seconds after allocation calms down) before the first event, not during it.
  await sleep(settings.idleMs);
  const held = await residentBytes(target.pid);
  context.log(`${target.label}: ${connected.sockets.length} acked in ${Math.round(connected.elapsedMs)} ms and subscribed (RSS ${(held.rss / MiB).toFixed(0)} MiB); fan-out rounds`);
  const warmUp = new FanOut();
  current = warmUp;
  await warmUp.run(settings.fanOut, 10_000, fire);
  current = fanOut;
  for (let r = 0; r < settings.rounds; r++) {
    await fanOut.run(settings.fanOut, 10_000, fire);
    await sleep(50);
  }
  context.log(`${target.label}: to the last subscriber, warm-up ${warmUp.lasts.join(' ')} ms, then ${fanOut.lasts.join(' ')} ms (rounds began at ${[...warmUp.startedAtMicros, ...fanOut.startedAtMicros].join(' ')} µs, monotonic)`);
  current = undefined;
  const after = await residentBytes(target.pid);
  // Closed by the server while held (before we end them all).
  const closedEarly = [...connected.closes];
  const closes = closedEarly.map(([code, n]) => `${n} × ${code}`).join(', ');
  terminateAll(connected.sockets);
  await waitUntil(`the ${target.label} to let go of the subscriptions`, async () => (await target.subscriptions()) <= 0, 60_000, 100).catch(() => undefined);
  const n = connected.sockets.length;
  const ack = new Histogram();
  for (const s of connected.sockets) ack.recordMs(s.ackMs);
  const perSocketKiB = round3((held.rss - before.rss) / Math.max(n, 1) / 1024);
  return {
    fanOut,
    summary: `${target.label}: ${n} sockets acked in ${(connected.elapsedMs / 1000).toFixed(1)} s (${Math.round(n / (connected.elapsedMs / 1000))}/s); RSS ${(before.rss / MiB).toFixed(0)} MiB before, ${(acked.rss / MiB).toFixed(0)} acked, ${(held.rss / MiB).toFixed(0)} subscribed (${perSocketKiB} KiB per socket), ${(after.rss / MiB).toFixed(0)} after the rounds, peak ${(after.peak / MiB).toFixed(0)} MiB${closes ? `; closed by the server: ${closes}` : ''}`,
    connect(role: Measurement['role']): Measurement[] {
      const connect = measurement(`${target.label}: connect ×${settings.sockets}`, role, 'conn/s', {
        operations: n, errors: connected.failures, ...(connected.firstFailure ? { firstError: connected.firstFailure } : {}),
        seconds: connected.elapsedMs / 1000, perSecond: n / (connected.elapsedMs / 1000), latency: ack.summary(),
      });
      const rss = measurement(`${target.label}: hold ×${settings.sockets} (RSS)`, role, 'conn/s', {
        operations: n, errors: closedEarly.reduce((sum, [, count]) => sum + count, 0),
        ...(closes ? { firstError: `closed by the server: ${closes}` } : {}),
        seconds: connected.elapsedMs / 1000, perSecond: n / (connected.elapsedMs / 1000),
      }, { extra: { rssBeforeMiB: round3(before.rss / MiB), rssAckedMiB: round3(acked.rss / MiB), rssSubscribedMiB: round3(held.rss / MiB), rssAfterRoundsMiB: round3(after.rss / MiB), rssPeakMiB: round3(after.peak / MiB), rssPerSocketKiB: perSocketKiB } });
      return [connect, rss];
    },
  };
}

/** bare-ws-server.ts as a child process (same Node, same tsx loader as the services). */
async function startBareServer(context: BenchContext): Promise<{ url: string; publishUrl: string; pid: number; subscriptions: () => Promise<number>; stop: () => Promise<void> }> {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const child: ChildProcess = spawn(process.execPath, ['--import', tsx, fileURLToPath(new URL('../bare-ws-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  context.defer(stop);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bare ws server did not start within 20 s')), 20_000);
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0]!;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) => reject(new Error(`the bare ws server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    publishUrl: `${base}/publish`,
    pid: child.pid!,
    subscriptions: async () => ((await (await fetch(`${base}/stats`)).json()) as { subscriptions: number }).subscriptions,
    stop,
  };
}
