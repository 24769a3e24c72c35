// 5. The gateway's overhead on a read: the same `journal(id) { entries { … } }` query through the gateway
// (JWT verified, query planned, caller header signed, subgraph called) and straight to the query subgraph
// with a valid signed `x-mindflow-caller` header, at the same concurrency.
import { randomUUID } from 'node:crypto';
import { callerHeader, devCallerSecret, signCaller } from '@mindflow/auth';
import { createCommandClient } from '@mindflow/proto';
import type { BenchContext } from '../context.js';
import { JsonClient, type GraphQLBody } from '../http-client.js';
import { closedLoop, interleaved, type LoadResult } from '../load.js';
import { cpuDuring } from '../process-cpu.js';
import { measurement, ratio, type BenchmarkOutcome, type Measurement, type Ratio } from '../result.js';

export const name = 'gateway';
export const title = 'gateway overhead: journal(id) { entries } through the gateway vs straight to the query subgraph';
export const needsSystem = true;

const journalQuery = /* GraphQL */ `
  query Journal($id: ID!) {
    journal(id: $id) {
      id name entryCount
      entries(first: 20) { totalCount edges { node { id title content mood tags wordCount version createdAt } } }
    }
  }`;

interface JournalAnswer {
  journal: { entries: { edges: unknown[] } } | null;
}

export async function run(context: BenchContext): Promise<BenchmarkOutcome> {
  const settings = context.profile.gateway;
  const system = await context.system();
  // A real signed-in user: their token carries a session id, which the gateway checks with identity per request.
  const user = await system.signedInUser();

  // The journal's entries, written over gRPC and waited for on the read side.
  const grpc = createCommandClient(system.grpcAddress);
  context.defer(() => grpc.close());
  for (let i = 0; i < settings.entries; i++) {
    await grpc.createEntry(
      { input: { journalId: user.journalId, title: `Entry ${i}`, content: `Entry ${i}: a few lines about the day, the weather and the work.`, mood: 'CALM', tags: ['bench', `t${i % 3}`] } },
      { userId: user.userId, correlationId: randomUUID() },
    );
  }
  const expectedEntries = Math.min(20, settings.entries);
  const gateway = new JsonClient(system.gatewayUrl, { authorization: `Bearer ${user.token}` });
  // The same user with a dev token (no session id): the gateway verifies the JWT but asks identity nothing.
  const gatewayNoSession = new JsonClient(system.gatewayUrl, { authorization: `Bearer ${await system.devToken(user.userId)}` });
  // Valid for the whole run: the header's usual 60 s lifetime is for headers minted per request.
  const subgraph = new JsonClient(system.subgraphUrl, { [callerHeader]: signCaller({ userId: user.userId, roles: ['user'] }, devCallerSecret, 3_600) });
  context.defer(() => {
    gateway.close();
    gatewayNoSession.close();
    subgraph.close();
  });
  const ask = (client: JsonClient) => async () => {
    const { status, body } = await client.post<GraphQLBody<JournalAnswer>>({ query: journalQuery, variables: { id: user.journalId } });
    const got = body.data?.journal?.entries.edges.length;
    if (status !== 200 || body.errors?.length || got !== expectedEntries) {
      throw new Error(`status ${status}, ${got} entries, errors ${JSON.stringify(body.errors ?? null).slice(0, 300)}`);
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await ask(gateway)();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the journal's ${expectedEntries} entries never became readable: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  // CPU time of the processes on the path, per request: what the code costs, whatever else shares the cores.
  const pids = {
    gateway: system.running.services.get('gateway')?.pid,
    subgraph: system.running.services.get('query-subgraph')?.pid,
    identity: system.running.services.get('identity')?.pid,
  };
  type Cpu = Partial<Record<keyof typeof pids, number>>;
  const cpuSpent: Record<'direct' | 'through' | 'noSession', { cpu: Cpu; requests: number }[]> = { direct: [], through: [], noSession: [] };
  const withCpu = (key: keyof typeof cpuSpent, run: () => Promise<LoadResult>) => async () => {
    const { result, cpuMs } = await cpuDuring(pids, run);
    // Warm-up requests used CPU too: count them at the measured rate (the loop does not report them apart).
    cpuSpent[key].push({ cpu: cpuMs, requests: result.operations * (1 + settings.warmupMs / settings.durationMs) });
    return result;
  };
  const cpuPerRequest = (key: keyof typeof cpuSpent): Record<string, number> => {
    const requests = cpuSpent[key].reduce((sum, r) => sum + r.requests, 0);
    const out: Record<string, number> = {};
    for (const process of Object.keys(pids) as (keyof typeof pids)[]) {
      const ms = cpuSpent[key].reduce((sum, r) => sum + (r.cpu[process] ?? 0), 0);
      if (requests > 0 && cpuSpent[key].every((r) => r.cpu[process] !== undefined)) out[`${process}CpuMsPerRequest`] = Math.round((ms / requests) * 100) / 100;
    }
    cpuSpent[key] = [];
    return out;
  };

  const measurements: Measurement[] = [];
  const ratios: Ratio[] = [];
  const cpuNotes: string[] = [];
  for (const concurrency of settings.concurrency) {
    const load = { concurrency, warmupMs: settings.warmupMs, durationMs: settings.durationMs };
    const results = await interleaved(settings.rounds, {
      direct: withCpu('direct', () => closedLoop({ ...load, operation: ask(subgraph) })),
      through: withCpu('through', () => closedLoop({ ...load, operation: ask(gateway) })),
      noSession: withCpu('noSession', () => closedLoop({ ...load, operation: ask(gatewayNoSession) })),
    });
    const cpu = { direct: cpuPerRequest('direct'), through: cpuPerRequest('through'), noSession: cpuPerRequest('noSession') };
    const direct = measurement(`query subgraph ×${concurrency}`, 'baseline', 'req/s', results.direct, { concurrency, extra: cpu.direct });
    const through = measurement(`gateway ×${concurrency}`, 'subject', 'req/s', results.through, { concurrency, extra: cpu.through });
    const noSession = measurement(`gateway, no session check ×${concurrency}`, 'subject', 'req/s', results.noSession, { concurrency, extra: cpu.noSession });
    const describeCpu = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k.replace('CpuMsPerRequest', '')} ${v}`).join(', ');
    cpuNotes.push(`CPU ms per request ×${concurrency}: direct (${describeCpu(cpu.direct)}); through the gateway (${describeCpu(cpu.through)}); no session check (${describeCpu(cpu.noSession)})`);
    measurements.push(direct, through, noSession);
    ratios.push(ratio(through, direct), ratio(noSession, direct));
    context.log(`gateway ×${concurrency}: ${through.perSecond}/s p50 ${through.latency?.p50Ms} ms (no session check ${noSession.perSecond}/s p50 ${noSession.latency?.p50Ms} ms); subgraph ${direct.perSecond}/s p50 ${direct.latency?.p50Ms} ms`);
  }
  return {
    measurements,
    ratios,
    notes: [
      `one user's journal with ${settings.entries} entries; the query asks for the journal and ${expectedEntries} entries (10 fields each); every answer checked`,
      `closed loop, per concurrency ${settings.rounds} rounds taking turns (subgraph, gateway, gateway without session check), each ${settings.warmupMs} ms warm-up + ${settings.durationMs} ms measured; keep-alive HTTP/1.1 from the bench process`,
      'gateway: the signed-in user\'s access token (from `register` through the gateway): JWT (EdDSA) verified against identity\'s JWKS, then identity asked over HTTP whether the token\'s session is live (every request), limits, query plan, caller header signed, HTTP to the subgraph',
      '"no session check": the same user with a dev token, which carries no session id, so the gateway skips the liveness call (what tokens from `issue-dev-token` do; production sets AUTH_REQUIRE_SESSION)',
      'direct: the same query to the query subgraph with a caller header signed once up front',
      'CPU per request: user + system time of each process (/proc/<pid>/stat, 10 ms ticks) over the rounds, divided by the requests answered (warm-up included); it holds on a busy machine where req/s and ms do not',
      ...cpuNotes,
    ],
  };
}
