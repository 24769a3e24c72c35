// 4. End-to-end freshness at a steady rate of createEntry commands: commit → visible in the read model,
// and commit → delivered to a graphql-ws subscriber through the gateway. Baseline: the bare transport hop
// the pipeline is built on, a kafkajs message produced (acks = all) → consumed, at the same rate.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCommandClient } from '@mindflow/proto';
import { Kafka, logLevel } from 'kafkajs';
import { waitUntil } from '../../system/index.js';
import type { BenchContext, BenchSystem, BenchUser } from '../context.js';
import { Histogram } from '../histogram.js';
import { steadyRate } from '../load.js';
import { measurement, type BenchmarkOutcome, type Measurement, type Ratio } from '../result.js';
import { processCpuMs } from '../process-cpu.js';
import type { Profile } from '../profile.js';
import { uniqueTopicPrefix } from '../servers.js';
import { connectSubscriber, metricValue, subscribe } from '../subscriptions.js';

export const name = 'freshness';
export const title = 'end-to-end freshness at a steady command rate: commit → read model, commit → subscription';
export const needsSystem = true;
/** Settling, every rate with its drain, the Kafka baseline, users and sockets: the worst case, not the usual one. */
export const timeoutMs = (profile: Profile) => {
  const { settleMs, perSecond, durationMs, drainMs, baselineDurationMs } = profile.freshness;
  return settleMs + perSecond.length * (durationMs + drainMs + settleMs) + baselineDurationMs + 60_000;
};

const entryChanged = /* GraphQL */ `subscription { entryChanged { kind entryId entry { id title version } } }`;

interface Write {
  readonly sentAt: number;
  readonly answeredAt: number;
}

/** Latencies from the write's answer (≈ its commit) and from its sending, to when it was seen. */
class Lag {
  readonly fromAnswer = new Histogram();
  readonly fromSend = new Histogram();
  /** Seen before the writer had its answer back (the answer's return trip was slower than the pipeline). */
  early = 0;
  record(write: Write, at: number): void {
    if (at < write.answeredAt) this.early += 1;
    this.fromAnswer.recordMs(Math.max(0, at - write.answeredAt));
    this.fromSend.recordMs(at - write.sentAt);
  }
  measurement(label: string, role: Measurement['role'], expected: number, seconds: number, explained: { missing?: string; extra?: Record<string, number> } = {}): Measurement {
    const missing = expected - this.fromAnswer.count;
    const fromSend = this.fromSend.summary();
    return measurement(label, role, 'events/s', {
      operations: this.fromAnswer.count, errors: missing,
      ...(missing > 0 ? { firstError: `${missing} of ${expected} never arrived${explained.missing ? `: ${explained.missing}` : ''}` } : {}),
      seconds, perSecond: this.fromAnswer.count / seconds, latency: this.fromAnswer.summary(),
    }, { extra: { fromSendP50Ms: fromSend.p50Ms, fromSendP95Ms: fromSend.p95Ms, fromSendP99Ms: fromSend.p99Ms, seenBeforeAnswer: this.early, ...explained.extra } });
  }
}

export async function run(context: BenchContext): Promise<BenchmarkOutcome> {
  const settings = context.profile.freshness;
  const system = await context.system();
  // Earlier benchmarks may have left the projector a backlog: start from a caught-up read side.
  const settled = await system.settle(settings.settleMs);
  const users = await Promise.all(Array.from({ length: settings.users }, () => system.newUser()));
  const grpc = createCommandClient(system.grpcAddress);
  await grpc.waitForReady(10_000);
  context.defer(() => grpc.close());

  // One subscriber per user on the gateway, as the SPA would be; every result goes to the current round.
  let current: Round | undefined;
  let subscriptionErrors = 0;
  let firstSubscriptionError: string | undefined;
  const sockets = users.map((user) => connectSubscriber(system.gatewayUrl, user.token));
  context.defer(() => Promise.all(sockets.map(async (socket) => { await socket.dispose(); })));
  const gatewayOps = system.running.services.get('gateway')!.boundOpsPort;
  const activeBefore = await metricValue(gatewayOps, 'mindflow_gateway_subscriptions_active');
  const stops = sockets.map((socket) =>
    subscribe<{ entryChanged: { kind: string; entryId: string } }>(socket, entryChanged, (data, at) => {
      if (data.entryChanged.kind === 'CREATED') current?.delivered(data.entryChanged.entryId, at);
    }, (error) => {
      subscriptionErrors += 1;
      firstSubscriptionError ??= String(error);
    }),
  );
  context.defer(() => stops.forEach((stop) => stop()));
  await waitUntil(`${users.length} subscriptions on the gateway`, async () =>
    (await metricValue(gatewayOps, 'mindflow_gateway_subscriptions_active')) >= activeBefore + users.length, 30_000, 20);

  const measurements: Measurement[] = [];
  const ratios: Ratio[] = [];
  const notes: string[] = [];
  const rounds: { rate: number; read: Measurement; live: Measurement }[] = [];
  for (const rate of settings.perSecond) {
    if (rounds.length > 0) await system.settle(settings.settleMs);
    current = new Round(system, users, grpc);
    const droppedBefore = await metricValue(gatewayOps, 'mindflow_gateway_subscription_dropped_total');
    const cpuBefore = cpuOfRoles(system);
    const { load, read, live } = await current.run(rate, settings.durationMs, settings.drainMs, () => subscriptionErrors > 0);
    const cpu = cpuPerCommand(cpuBefore, cpuOfRoles(system), current.written);
    const dropped = (await metricValue(gatewayOps, 'mindflow_gateway_subscription_dropped_total')) - droppedBefore;
    const commands = measurement(`createEntry gRPC @ ${rate}/s`, 'subject', 'cmd/s', load, {
      extra: { scheduled: load.scheduled, late: load.late, ...(cpu ? { cpuMsPerCommand: cpu.totalMs, ...Object.fromEntries(cpu.byRole.map(([role, ms]) => [`cpuMsPerCommand.${role}`, ms])) } : {}) },
    });
    const readM = read.measurement(`commit → read model @ ${rate}/s`, 'subject', current.written, load.seconds);
    const liveM = live.measurement(`commit → subscription @ ${rate}/s`, 'subject', current.written, load.seconds, {
      missing: `the gateway dropped ${dropped} as a slow subscriber's oldest (its per-subscription queue holds 100)`,
      extra: { droppedByGateway: dropped },
    });
    measurements.push(commands, readM, liveM);
    rounds.push({ rate, read: readM, live: liveM });
    if (cpu) {
      notes.push(`@ ${rate}/s, CPU ms per command by role (user + system, from the first command to the last delivery; Postgres, Kafka, Redis and Elasticsearch not counted): ${cpu.byRole.map(([role, ms]) => `${role} ${ms}`).join(', ')}; MindFlow's processes together ${cpu.totalMs} ms, so ${os.availableParallelism()} cores run at most ${Math.round((os.availableParallelism() * 1000) / cpu.totalMs)} commands/s through them`);
    }
    notes.push(`@ ${rate}/s: ${load.scheduled} commands scheduled over ${settings.durationMs / 1000} s, ${load.late} sent > 10 ms late (client or command service behind), achieved ${commands.perSecond}/s; gateway dropped ${dropped} notifications`);
    context.log(`freshness @ ${rate}/s: achieved ${commands.perSecond}/s; read model p50 ${readM.latency?.p50Ms} ms p99 ${readM.latency?.p99Ms} ms; subscription p50 ${liveM.latency?.p50Ms} ms p99 ${liveM.latency?.p99Ms} ms (${liveM.operations}/${current.written}, ${dropped} dropped)`);
  }
  current = undefined;

  // Baseline: one Kafka hop at the highest rate, a fresh topic and consumer group.
  const top = Math.max(...settings.perSecond);
  const hop = await kafkaHop(context, top, settings.baselineDurationMs);
  measurements.splice(0, 0, hop);
  for (const { read, live } of rounds) {
    for (const subject of [read, live]) ratios.push(fromSendRatio(subject, hop));
  }
  return {
    measurements,
    ratios,
    notes: [
      `open loop: createEntry over gRPC straight to the command service at ${settings.perSecond.join(' then ')} commands/s (the issue's target is 200/s), ${settings.durationMs / 1000} s each, up to 64 in flight, ${users.length} users with a journal and a live subscription each`,
      '"commit" = the moment the command service\'s answer reached the client (its transaction committed just before); the table\'s latencies run from there. fromSend* in the JSON run from sending the command (an upper bound); the true commit → visible lies between the two',
      'read model: projection_versions in the read DB polled for the outstanding entries every ~2 ms (resolution ≈ 2–5 ms)',
      `subscription: one graphql-ws connection per user on the gateway, \`${entryChanged}\`; path: relay → Kafka → notifier → Redis pub/sub → gateway, which reads each payload through the supergraph (query subgraph, x-consistent-with) before sending it`,
      `baseline: kafkajs idempotent producer (acks = all), one message per send at ${top}/s for ${settings.baselineDurationMs / 1000} s, to a kafkajs consumer on a fresh topic; ratios compare latencies from sending the write (command / Kafka send), because the consumer often sees a message before its producer has the ack`,
      ...notes,
      `after each rate the bench waits up to ${settings.drainMs / 1000} s for the stragglers; what has not arrived by then is counted as an error`,
      ...(settled ? [] : ['the read side had not caught up with earlier benchmarks when this one started']),
      ...(subscriptionErrors ? [`${subscriptionErrors} subscription errors, first: ${firstSubscriptionError}`] : []),
    ],
  };
}

/** CPU time used so far by every role's process of the system (by role name), and by this bench process ("bench"). */
function cpuOfRoles(system: BenchSystem): Map<string, number> {
  const used = new Map<string, number>();
  for (const [role, service] of system.running.services) {
    const ms = processCpuMs(service.pid);
    if (ms !== undefined) used.set(role, ms);
  }
  const own = process.cpuUsage();
  used.set('bench', (own.user + own.system) / 1000);
  return used;
}

/** Each role's CPU between two readings per command written, biggest first; undefined when nothing was written or /proc says nothing. */
function cpuPerCommand(before: Map<string, number>, after: Map<string, number>, commands: number) {
  if (commands === 0 || after.size <= 1) return undefined;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const byRole = [...after].flatMap(([role, ms]): [string, number][] => (before.has(role) ? [[role, round((ms - before.get(role)!) / commands)]] : []))
    .sort((a, b) => b[1] - a[1]);
  const totalMs = round(byRole.filter(([role]) => role !== 'bench').reduce((sum, [, ms]) => sum + ms, 0));
  return { byRole, totalMs };
}

function fromSendRatio(subject: Measurement, baseline: Measurement): Ratio {
  const div = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? Math.round((a / b) * 100) / 100 : undefined);
  const p50 = div(subject.extra?.['fromSendP50Ms'], baseline.extra?.['fromSendP50Ms']);
  const p99 = div(subject.extra?.['fromSendP99Ms'], baseline.extra?.['fromSendP99Ms']);
  return { subject: subject.label, baseline: baseline.label, basis: 'latency from sending the write', ...(p50 ? { p50 } : {}), ...(p99 ? { p99 } : {}) };
}

/** One rate: the commands, the read model watched, the subscribers' deliveries matched to the writes. */
class Round {
  readonly read = new Lag();
  readonly live = new Lag();
  private readonly writes = new Map<string, Write>();
  private readonly deliveredEarly = new Map<string, number>(); // arrived before the write's answer was recorded
  private readonly outstanding = new Set<string>();

  constructor(private readonly system: BenchSystem, private readonly users: readonly BenchUser[], private readonly grpc: ReturnType<typeof createCommandClient>) {}

  get written(): number {
    return this.writes.size;
  }

  delivered(entryId: string, at: number): void {
    const write = this.writes.get(entryId);
    if (write) this.live.record(write, at);
    else this.deliveredEarly.set(entryId, at);
  }

  async run(rate: number, durationMs: number, drainMs: number, failed: () => boolean) {
    let watching = true;
    const watcher = this.watch(() => watching);
    const load = await steadyRate({
      perSecond: rate,
      durationMs,
      maxInFlight: 64,
      operation: async (n) => {
        const user = this.users[n % this.users.length]!;
        const sentAt = performance.now();
        const answer = await this.grpc.createEntry(
          { input: { journalId: user.journalId, title: `fresh ${n}`, content: `Entry ${n}, written to see how soon it shows.`, tags: ['fresh'] } },
          { userId: user.userId, correlationId: randomUUID() },
        );
        const write = { sentAt, answeredAt: performance.now() };
        const id = answer.entry!.id;
        this.writes.set(id, write);
        this.outstanding.add(id);
        const early = this.deliveredEarly.get(id);
        if (early !== undefined) this.live.record(write, early);
      },
    });
    const deadline = Date.now() + drainMs;
    while ((this.outstanding.size > 0 || this.live.fromAnswer.count < this.writes.size) && Date.now() < deadline && !failed()) await sleep(20);
    watching = false;
    await watcher;
    return { load, read: this.read, live: this.live };
  }

  /** Every few ms: which of the outstanding entries has the projector applied? */
  private async watch(active: () => boolean): Promise<void> {
    while (active()) {
      if (this.outstanding.size === 0) {
        await sleep(1);
        continue;
      }
      const { rows } = await this.system.readPool.query<{ aggregate_id: string }>(
        `SELECT aggregate_id FROM projection_versions WHERE projection = 'query' AND aggregate_id = ANY($1::uuid[])`, [[...this.outstanding]]);
      const at = performance.now();
      for (const { aggregate_id: id } of rows) {
        this.outstanding.delete(id);
        this.read.record(this.writes.get(id)!, at);
      }
      await sleep(2);
    }
  }
}

async function kafkaHop(context: BenchContext, perSecond: number, durationMs: number): Promise<Measurement> {
  const kafka = new Kafka({ clientId: 'bench-kafka-hop', brokers: await context.kafkaBrokers(), logLevel: logLevel.ERROR });
  const topic = `${uniqueTopicPrefix('bench-hop')}.entry`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `${topic}.hop` });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  try {
    const sends = new Map<string, Write>();
    const early = new Map<string, number>();
    const lag = new Lag();
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const at = performance.now();
        const id = message.key!.toString();
        const write = sends.get(id);
        if (write) lag.record(write, at);
        else early.set(id, at);
        return Promise.resolve();
      },
    });
    await waitUntil('the hop consumer to join its group', () => joined, 30_000, 20);
    await sleep(200); // its first fetch in flight
    const load = await steadyRate({
      perSecond,
      durationMs,
      maxInFlight: 64,
      operation: async (n) => {
        const id = randomUUID();
        const sentAt = performance.now();
        await producer.send({ topic, acks: -1, messages: [{ key: id, value: JSON.stringify({ n, at: new Date().toISOString() }) }] });
        const write = { sentAt, answeredAt: performance.now() };
        sends.set(id, write);
        const seen = early.get(id);
        if (seen !== undefined) lag.record(write, seen);
      },
    });
    const deadline = Date.now() + 15_000;
    while (lag.fromAnswer.count < sends.size && Date.now() < deadline) await sleep(20);
    return lag.measurement(`Kafka hop @ ${perSecond}/s`, 'baseline', sends.size, load.seconds);
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
