// What the benchmarks share: the profile, the test servers, a log line, clean-ups, and one MindFlow system
// (distributed mode: every service its own process, Kafka, Redis), started on first use and stopped at the end.
import { randomUUID } from 'node:crypto';
import { issueAccessToken, loadSigningKeys, type SigningKeys } from '@mindflow/auth';
import { createPool, type Pool } from '@mindflow/db';
import { createTestDatabase, testServers, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from './servers.js';
import { startSystem, waitUntil, type RunningSystem } from '../system/index.js';
import { graphql, JsonClient } from './http-client.js';
import type { Profile } from './profile.js';

export interface BenchUser {
  readonly userId: string;
  readonly token: string;
  /** A journal of theirs, created through the gateway. */
  readonly journalId: string;
}

export interface BenchSystem {
  readonly running: RunningSystem;
  readonly gatewayUrl: string;
  readonly subgraphUrl: string;
  readonly grpcAddress: string;
  readonly writeDatabaseUrl: string;
  readonly readDatabaseUrl: string;
  readonly topicPrefix: string;
  /** The first `count` users (created on demand, then reused), each with a token and a journal. */
  users(count: number): Promise<readonly BenchUser[]>;
  /** A new user with a journal, not shared with any other benchmark (a dev token: no session id). */
  newUser(): Promise<BenchUser>;
  /**
   * A new user registered through the gateway (identity: argon2id, a session), with a journal: its token
   * carries a session id, which the gateway checks with identity on every request, as for a real user.
   */
  signedInUser(): Promise<BenchUser>;
  /** A dev token (no session id) for any user id. */
  devToken(userId: string): Promise<string>;
  /** Waits (bounded) until the read side applied every event in the outbox; false when it did not in time. */
  settle(timeoutMs: number): Promise<boolean>;
  /** A pool on the write DB / the read DB for the bench's own queries. */
  readonly writePool: Pool;
  readonly readPool: Pool;
}

export interface BenchContext {
  readonly profile: Profile;
  log(line: string): void;
  kafkaBrokers(): Promise<string[]>;
  /** A fresh, empty database, dropped at the end of the run. */
  database(label: string): Promise<TestDatabase>;
  /** The shared running system, started on first call. */
  system(): Promise<BenchSystem>;
  /** Runs at the end of the whole run, last registered first; synchronous or not, a failure is logged. */
  defer(cleanup: () => Promise<unknown> | void): void;
  close(): Promise<void>;
}

const createJournal = /* GraphQL */ `
  mutation CreateJournal($input: CreateJournalInput!) { createJournal(input: $input) { journal { id } } }`;

export function createBenchContext(profile: Profile, log: (line: string) => void, serviceOutput: NodeJS.WritableStream | null): BenchContext {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  let system: Promise<BenchSystem> | undefined;
  const context: BenchContext = {
    profile,
    log,
    kafkaBrokers: async () => (await testServers()).kafkaBrokers(),
    async database(label) {
      const db = await createTestDatabase(`bench-${label}`);
      cleanups.push(() => db.drop());
      return db;
    },
    system() {
      system ??= startBenchSystem(context, serviceOutput);
      return system;
    },
    defer: (cleanup) => void cleanups.push(cleanup),
    async close() {
      for (const cleanup of cleanups.splice(0).reverse()) {
        try {
          await cleanup();
        } catch (error) {
          log(`clean-up failed: ${String(error)}`);
        }
      }
    },
  };
  return context;
}

async function startBenchSystem(context: BenchContext, output: NodeJS.WritableStream | null): Promise<BenchSystem> {
  const servers = await testServers();
  const [writeDb, readDb] = [await context.database('sys-write'), await context.database('sys-read')];
  const topicPrefix = uniqueTopicPrefix('bench');
  const started = performance.now();
  const running = await startSystem({
    mode: 'distributed',
    writeDatabaseUrl: writeDb.url,
    readDatabaseUrl: readDb.url,
    topicPrefix,
    kafkaBrokers: (await servers.kafkaBrokers()).join(','),
    redisUrl: await servers.redisUrl(),
    redisKeyPrefix: uniqueRedisPrefix('bench'),
    output,
    // Quiet services: a log line per request would cost the two cores more than some of what is measured.
    extraEnv: { LOG_LEVEL: 'warn' },
  });
  // Stopped in parallel (startSystem's stop goes one by one, which is slower and buys a benchmark nothing).
  context.defer(() => Promise.all([...running.services.values()].map((service) => service.stop())));
  context.log(`system started in distributed mode in ${Math.round(performance.now() - started)} ms`);
  const env = running.services.get('command')!.spec.env;
  const writePool = createPool(writeDb.url, { applicationName: 'bench', max: 4 });
  const readPool = createPool(readDb.url, { applicationName: 'bench', max: 4 });
  context.defer(() => Promise.all([writePool.end(), readPool.end()]));

  const keys: SigningKeys = await loadSigningKeys();
  const gateway = new JsonClient(running.gatewayUrl);
  context.defer(() => gateway.close());
  const register = /* GraphQL */ `
    mutation Register($email: String!, $password: String!) { register(email: $email, password: $password, name: "Bench") { accessToken user { id } } }`;
  const withJournal = async (userId: string, token: string): Promise<BenchUser> => {
    const created = await graphql<{ createJournal: { journal: { id: string } } }>(
      gateway, createJournal, { input: { name: `Bench ${userId.slice(0, 8)}` } }, { authorization: `Bearer ${token}` },
    );
    return { userId, token, journalId: created.createJournal.journal.id };
  };
  const devToken = async (userId: string) => (await issueAccessToken({ userId, roles: ['user'] }, keys)).token;
  const newUser = async (): Promise<BenchUser> => {
    const userId = randomUUID();
    return withJournal(userId, await devToken(userId));
  };
  const signedInUser = async (): Promise<BenchUser> => {
    const registered = await graphql<{ register: { accessToken: string; user: { id: string } } }>(
      gateway, register, { email: `bench-${randomUUID()}@example.com`, password: `Pw-${randomUUID()}` },
    );
    return withJournal(registered.register.user.id, registered.register.accessToken);
  };
  const shared: BenchUser[] = [];
  return {
    running,
    gatewayUrl: running.gatewayUrl,
    subgraphUrl: env['QUERY_SUBGRAPH_URL']!,
    grpcAddress: env['COMMAND_GRPC_ADDRESS']!,
    writeDatabaseUrl: writeDb.url,
    readDatabaseUrl: readDb.url,
    topicPrefix,
    writePool,
    readPool,
    newUser,
    signedInUser,
    devToken,
    async users(count) {
      while (shared.length < count) shared.push(await newUser());
      return shared.slice(0, count);
    },
    async settle(timeoutMs) {
      const started = performance.now();
      let progress = { written: 0, applied: 0 };
      let behind: string[] = [];
      try {
        await waitUntil('the read side to apply every event of the outbox', async () => {
          const written = await writePool.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE aggregate_type IN ('journal', 'entry')`);
          const applied = await readPool.query<{ n: string | null }>(`SELECT sum(version) AS n FROM projection_versions WHERE projection = 'query'`);
          progress = { written: Number(written.rows[0]?.n ?? 0), applied: Number(applied.rows[0]?.n ?? 0) };
          if (progress.applied < progress.written) return false;
          // The other projectors too (search, insights, notifications, media): one still working through an earlier
          // benchmark's thousand events takes the cores from the pipeline being measured (a 3 s lag at 40/s).
          behind = await projectorsBehind(running);
          return behind.length === 0;
        }, timeoutMs, 100);
        context.log(`read side caught up with ${progress.written} events in ${Math.round(performance.now() - started)} ms`);
        return true;
      } catch {
        context.log(`read side still behind after ${timeoutMs} ms: ${progress.applied} of ${progress.written} events applied${behind.length ? `; behind: ${behind.join(', ')}` : ''}`);
        return false;
      }
    },
  };
}

/** Every projector role still behind the log, as `role (N events)`, from the lag each reports on its ops port. */
async function projectorsBehind(running: RunningSystem): Promise<string[]> {
  const behind: string[] = [];
  await Promise.all([...running.services].map(async ([role, service]) => {
    if (!service.boundOpsPort) return;
    const text = await fetch(`http://127.0.0.1:${service.boundOpsPort}/metrics`).then((r) => r.text(), () => '');
    const lag = text.split('\n').filter((line) => line.startsWith('mindflow_projector_lag_events'))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
    if (lag > 0) behind.push(`${role} (${lag} events)`);
  }));
  return behind;
}
