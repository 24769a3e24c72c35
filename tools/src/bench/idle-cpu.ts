// npx tsx tools/src/bench/idle-cpu.ts [--mode distributed|embedded|both] [--settle 30] [--seconds 60] [--out dir] [--profile dir] [--logs]
// What MindFlow costs doing nothing (issue 11): starts the system (fresh databases, topic and key prefixes, as the
// benchmarks do; supervised, as `npm start` is), lets it settle, then reads every role's CPU time (user + system,
// /proc/<pid>/stat) and that of the Postgres backends serving its databases before and after a window in which
// nothing is asked of it, prints CPU ms per second of each, and stops everything. `--profile dir`: every role runs
// under `node --cpu-prof` (profiles written there when it stops); the window's CLOCK_MONOTONIC bounds (µs, the
// clock of a profile's `startTime`) are in the JSON, to keep only the idle samples.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createPool } from '@mindflow/db';
import { identityDatabaseUrlFor, insightsDatabaseUrlFor, repoRoot, startSystem, type Mode, type RunningSystem } from '../system/index.js';
import { LoadSampler, type LoadAverage } from './machine.js';
import { processCpuMs } from './process-cpu.js';
import { createTestDatabase, testServers, uniqueIndexPrefix, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from './servers.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    settle: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '60' },
    out: { type: 'string' },
    profile: { type: 'string' },
    logs: { type: 'boolean', default: false },
  },
});

interface RoleCpu {
  readonly role: string;
  readonly cpuMs: number;
  readonly msPerSecond: number;
}

interface IdleResult {
  readonly mode: Mode;
  readonly startedAt: string;
  readonly seconds: number;
  readonly roles: readonly RoleCpu[];
  /** MindFlow's processes (the roles and the launcher), CPU ms per second. */
  readonly totalMsPerSecond: number;
  /** The Postgres backends connected to the system's databases, by application name. */
  readonly postgres: readonly RoleCpu[];
  readonly postgresMsPerSecond: number;
  readonly load: LoadAverage;
  /** The window on CLOCK_MONOTONIC, µs (as a cpu profile's timestamps). */
  readonly windowUs: readonly [number, number];
}

const modes: Mode[] = values.mode === 'both' ? ['distributed', 'embedded'] : [values.mode as Mode];
if (!modes.every((m) => m === 'distributed' || m === 'embedded')) throw new Error(`--mode: distributed, embedded or both, not ${values.mode}`);
const settleMs = Number(values.settle) * 1000;
const windowMs = Number(values.seconds) * 1000;

const results: IdleResult[] = [];
for (const mode of modes) results.push(await measure(mode));
for (const result of results) console.log(`\n${table(result)}`);
const dir = values.out ?? join(repoRoot, 'artifacts', 'bench');
await mkdir(dir, { recursive: true });
const file = join(dir, `idle-cpu-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults: ${file}`);
process.exit(0);

async function measure(mode: Mode): Promise<IdleResult> {
  const log = (line: string) => console.error(`[idle-cpu ${mode}] ${line}`);
  const servers = await testServers();
  const databases: TestDatabase[] = [await createTestDatabase(`idle-${mode}-write`), await createTestDatabase(`idle-${mode}-read`)];
  const [write, read] = databases as [TestDatabase, TestDatabase];
  const distributed = mode === 'distributed';
  let system: RunningSystem | undefined;
  const admin = createPool(await servers.postgresUrl(), { applicationName: 'idle-cpu', max: 1 });
  try {
    const startedAt = new Date().toISOString();
    // Bounded: each role must be ready within 60 s (startSystem stops what it started when one is not).
    system = await startSystem({
      mode,
      writeDatabaseUrl: write.url,
      readDatabaseUrl: read.url,
      ...(distributed
        ? {
            topicPrefix: uniqueTopicPrefix('idle'),
            kafkaBrokers: (await servers.kafkaBrokers()).join(','),
            redisUrl: await servers.redisUrl(),
            redisKeyPrefix: uniqueRedisPrefix('idle'),
            // as `npm run start:distributed`: search in Elasticsearch
            elasticsearchUrl: await servers.elasticsearchUrl(),
            searchIndexPrefix: uniqueIndexPrefix('idle'),
          }
        : {}),
      output: values.logs ? process.stderr : null,
      // as `npm start`: the launcher supervises its roles (its own CPU is the `launcher` row)
      supervise: { log },
      extraEnv: { LOG_LEVEL: 'warn', ...(values.profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values.profile}` } : {}) },
    });
    log(`started ${system.services.size} roles; settling ${settleMs / 1000} s`);
    await sleep(settleMs);

    const names = [write.name, read.name, ...[identityDatabaseUrlFor(write.url), insightsDatabaseUrlFor(write.url)].map((url) => new URL(url).pathname.slice(1))];
    const backends = async () =>
      (await admin.query<{ pid: number; app: string }>(`SELECT pid, application_name AS app FROM pg_stat_activity WHERE datname = ANY($1)`, [names])).rows;
    const pids = new Map([...system.services].map(([name, service]) => [name, service.pid]));
    const load = new LoadSampler();
    const before = new Map([...pids].map(([name, pid]) => [name, processCpuMs(pid)]));
    const launcherBefore = process.cpuUsage();
    const pgBefore = new Map((await backends()).map((b) => [b.pid, { app: b.app, cpu: processCpuMs(b.pid) }]));
    const began = performance.now();
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    log(`measuring ${windowMs / 1000} s of idleness`);
    await sleep(windowMs);
    const seconds = (performance.now() - began) / 1000;
    const windowUs = [fromUs, Number(process.hrtime.bigint() / 1000n)] as const;
    const roles: RoleCpu[] = [];
    for (const [name, pid] of pids) {
      const [from, to] = [before.get(name), processCpuMs(pid)];
      if (from === undefined || to === undefined || pid !== system.services.get(name)?.pid) {
        log(`${name} restarted or exited during the window: left out`);
        continue;
      }
      roles.push({ role: name, cpuMs: to - from, msPerSecond: (to - from) / seconds });
    }
    const launcher = process.cpuUsage(launcherBefore);
    const launcherMs = (launcher.user + launcher.system) / 1000;
    roles.push({ role: 'launcher (supervisor)', cpuMs: launcherMs, msPerSecond: launcherMs / seconds });
    // Backends that lived through the window count their difference; ones that connected during it, all of theirs.
    const pgByApp = new Map<string, number>();
    for (const backend of await backends()) {
      const to = processCpuMs(backend.pid);
      if (to === undefined) continue;
      const from = pgBefore.get(backend.pid)?.cpu ?? 0;
      const app = backend.app || '(unnamed)';
      pgByApp.set(app, (pgByApp.get(app) ?? 0) + to - from);
    }
    const postgres = [...pgByApp].map(([role, cpuMs]) => ({ role, cpuMs, msPerSecond: cpuMs / seconds })).sort((a, b) => b.cpuMs - a.cpuMs);
    const sum = (rows: readonly RoleCpu[]) => rows.reduce((total, row) => total + row.msPerSecond, 0);
    return { mode, startedAt, seconds, roles, totalMsPerSecond: sum(roles), postgres, postgresMsPerSecond: sum(postgres), load: load.stop(), windowUs };
  } finally {
    system?.supervisor?.stop();
    await Promise.all([...(system?.services.values() ?? [])].map((service) => service.stop()));
    await admin.end();
    const extra = [identityDatabaseUrlFor(write.url), ...(distributed ? [insightsDatabaseUrlFor(write.url)] : [])];
    const serverUrl = new URL(write.url);
    for (const url of extra) {
      serverUrl.pathname = '/postgres';
      const cleanup = createPool(serverUrl.toString(), { applicationName: 'idle-cpu', max: 1 });
      await cleanup.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`).catch(() => undefined);
      await cleanup.end();
    }
    for (const database of databases) await database.drop().catch(() => undefined);
  }
}

function table(result: IdleResult): string {
  const rows = [...result.roles].sort((a, b) => b.msPerSecond - a.msPerSecond);
  const width = Math.max(...[...rows, ...result.postgres].map((r) => r.role.length), 24);
  const line = (label: string, ms: number) => `${label.padEnd(width)}  ${ms.toFixed(2).padStart(8)}`;
  return [
    `${result.mode}: ${result.seconds.toFixed(1)} s idle from ${result.startedAt} (+ settle); load average ${result.load.start} → ${result.load.end} (mean ${result.load.mean}, max ${result.load.max})`,
    `${'role'.padEnd(width)}  ${'CPU ms/s'.padStart(8)}`,
    ...rows.map((r) => line(r.role, r.msPerSecond)),
    line('total MindFlow processes', result.totalMsPerSecond),
    '',
    `Postgres backends on its databases, by application_name:`,
    ...result.postgres.map((r) => line(r.role, r.msPerSecond)),
    line('total Postgres backends', result.postgresMsPerSecond),
  ].join('\n');
}
