// One MindFlow system for a run of drills, on servers the drills may break without hurting anybody:
// the read DB in the drills' own embedded PostgreSQL (stopped by the read-DB drill), in distributed mode the
// drills' own Kafka broker (crashed by the Kafka drill); the write DB on the shared Postgres and Redis under
// a unique prefix, as for any test. The applied-events audit is installed before the projector starts.
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { createPool, startEmbeddedPostgres, type EmbeddedPostgres, type Pool } from '@mindflow/db';
import { graphql, JsonClient } from '../bench/http-client.js';
import { createTestDatabase, testServers, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from '../bench/servers.js';
import { freePort, startSystem, type Mode, type RunningSystem, type ServiceProcess } from '../system/index.js';
import { installAppliedAudit } from './audit.js';
import type { LoadWriter } from './command-load.js';
import { startDrillKafka, type DrillKafka } from './kafka-broker.js';

export interface DrillEnvironment {
  readonly mode: Mode;
  readonly system: RunningSystem;
  readonly gatewayUrl: string;
  readonly writeDatabaseUrl: string;
  readonly readDatabaseUrl: string;
  /** distributed only */
  readonly kafka?: DrillKafka;
  readonly topicPrefix: string;
  readonly writePool: Pool;
  /** Fails while the read DB is stopped. */
  readonly readPool: Pool;
  readonly writers: readonly LoadWriter[];
  service(name: string): ServiceProcess;
  stopReadDatabase(): Promise<void>;
  startReadDatabase(): Promise<void>;
  close(): Promise<void>;
}

export interface EnvironmentOptions {
  readonly mode: Mode;
  readonly writers: number;
  readonly log: (line: string) => void;
  readonly serviceOutput: NodeJS.WritableStream | null;
}

const createJournal = `mutation ($input: CreateJournalInput!) { createJournal(input: $input) { journal { id version } } }`;

export async function startDrillEnvironment(options: EnvironmentOptions): Promise<DrillEnvironment> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => options.log(`clean-up failed: ${String(error)}`));
  };
  try {
    const root = await mkdtemp(join(tmpdir(), 'mindflow-drills-'));
    await chmod(root, 0o755); // as root, the embedded server runs as `postgres`, which must reach its data
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const readPort = await freePort();
    const startRead = () => startEmbeddedPostgres({ dataDir: join(root, 'read-db'), port: readPort, databases: ['drill_read'] });
    let readServer: EmbeddedPostgres | undefined = await startRead();
    cleanups.push(async () => readServer?.stop());
    const readDatabaseUrl = readServer.databaseUrl('drill_read');
    const readPool = createPool(readDatabaseUrl, { applicationName: 'drills', max: 3 });
    readPool.on('error', () => undefined); // idle connections die with the read DB in its drill
    cleanups.push(() => readPool.end());
    await installAppliedAudit(readPool);

    const writeDb: TestDatabase = await createTestDatabase('drills-write');
    cleanups.push(() => writeDb.drop());
    // startSystem's databases next to the write DB (identity's; distributed, insights', notifications', media's, the keys'): dropped with it.
    const writeName = new URL(writeDb.url).pathname.slice(1);
    cleanups.push(async () => {
      const admin = createPool(writeDb.url, { applicationName: 'drills-cleanup', max: 1 });
      try {
        for (const name of [`${writeName}_identity`, `${writeName}_insights`, `${writeName}_notifications`, `${writeName}_media`, `${writeName}_keys`]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    });
    const writePool = createPool(writeDb.url, { applicationName: 'drills', max: 3 });
    cleanups.push(() => writePool.end());

    const topicPrefix = uniqueTopicPrefix('drills');
    let kafka: DrillKafka | undefined;
    let redis: { redisUrl: string; redisKeyPrefix: string } | undefined;
    if (options.mode === 'distributed') {
      const started = performance.now();
      kafka = await startDrillKafka(join(root, 'kafka'));
      cleanups.push(() => kafka!.stop());
      options.log(`drill Kafka broker up at ${kafka.brokers} in ${Math.round(performance.now() - started)} ms`);
      redis = { redisUrl: await (await testServers()).redisUrl(), redisKeyPrefix: uniqueRedisPrefix('drills') };
    }

    const started = performance.now();
    const system = await startSystem({
      mode: options.mode,
      writeDatabaseUrl: writeDb.url,
      readDatabaseUrl,
      topicPrefix,
      ...(kafka ? { kafkaBrokers: kafka.brokers } : {}),
      ...redis,
      output: options.serviceOutput,
      // As `npm start` and `npm run start:distributed` do: a role that dies is restarted. The drills' own kills
      // (ServiceProcess.kill) are not crashes to it; the soak drill's `kill -9` from outside is.
      supervise: { log: (line) => options.log(`[supervisor] ${line}`) },
      extraEnv: {
        LOG_LEVEL: 'warn',
        // A restarted projector rejoins with a new member id: the group waits this long for the dead one.
        KAFKA_SESSION_TIMEOUT_MS: '10000',
        PROJECTOR_LAG_POLL_MS: '1000',
      },
    });
    // The drills' attachments on the disk store (both modes here) go once the system has stopped.
    const objectsDir = system.services.get('media-subgraph')?.spec.env['OBJECT_STORE_DIR'];
    cleanups.push(async () => {
      await system.stop();
      if (objectsDir) await rm(objectsDir, { recursive: true, force: true });
    });
    // If this process ends without closing the environment (a test timeout, Ctrl-C), its services must not live on.
    const orphans = () => {
      for (const service of system.services.values()) if (service.pid) tryKill(service.pid);
      if (kafka?.pid) tryKill(kafka.pid);
    };
    process.once('exit', orphans);
    cleanups.push(() => {
      process.off('exit', orphans);
      return Promise.resolve();
    });
    options.log(`system started (${options.mode}) in ${Math.round(performance.now() - started)} ms`);

    const keys = await loadSigningKeys();
    const gateway = new JsonClient(system.gatewayUrl);
    const writers: LoadWriter[] = [];
    try {
      for (let i = 0; i < options.writers; i++) {
        const userId = randomUUID();
        const token = (await issueAccessToken({ userId, roles: ['user'] }, keys)).token;
        const created = await graphql<{ createJournal: { journal: { id: string; version: number } } }>(
          gateway, createJournal, { input: { name: `Drill journal ${i}` } }, { authorization: `Bearer ${token}` },
        );
        writers.push({ token, journalId: created.createJournal.journal.id, journalVersion: created.createJournal.journal.version });
      }
    } finally {
      gateway.close();
    }

    return {
      mode: options.mode,
      system,
      gatewayUrl: system.gatewayUrl,
      writeDatabaseUrl: writeDb.url,
      readDatabaseUrl,
      ...(kafka ? { kafka } : {}),
      topicPrefix,
      writePool,
      readPool,
      writers,
      service(name) {
        const service = system.services.get(name);
        if (!service) throw new Error(`no service ${name} in ${options.mode} mode (have ${[...system.services.keys()].join(', ')})`);
        return service;
      },
      async stopReadDatabase() {
        await readServer?.stop();
        readServer = undefined;
      },
      async startReadDatabase() {
        readServer = await startRead();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
