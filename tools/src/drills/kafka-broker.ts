// The drills' own single-node Kafka (KRaft, broker and controller in one JVM), so that a drill can crash and
// restart "Kafka" without touching the shared broker on 9092 that other suites use. It runs from the jars
// tools/infra/kafka.sh fetched (.cache/infra/kafka/libs), on free ports, with its data in a folder of ours.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, repoRoot, waitUntil } from '../system/index.js';

export interface DrillKafka {
  /** `127.0.0.1:<port>` */
  readonly brokers: string;
  /** The JVM's pid while it runs. */
  readonly pid: number | undefined;
  /** Crash: SIGKILL to the JVM, no controlled shutdown. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data (after `kill`). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const kafkaLibs = join(repoRoot, '.cache', 'infra', 'kafka', 'libs');

/**
 * `settings`: broker properties added to (and overriding) the defaults below, e.g. a retention that deletes old
 * segments within seconds (`rebuild-after-retention.int.spec.ts`).
 */
export async function startDrillKafka(dir: string, settings: Readonly<Record<string, string>> = {}): Promise<DrillKafka> {
  if (!(await access(join(kafkaLibs, '.version')).then(() => true, () => false))) {
    // Fetched once from Maven Central (cached in ~/.m2), as tools/infra does for the shared broker.
    const fetched = spawnSync('bash', [join(repoRoot, 'tools', 'infra', 'kafka.sh'), 'fetch'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
    if (fetched.status !== 0) {
      throw new Error(`Kafka's jars are missing in ${kafkaLibs} and \`bash tools/infra/kafka.sh fetch\` failed (exit ${fetched.status}): it needs Java and Maven reaching Maven Central`);
    }
  }
  const [port, controllerPort] = [await freePort(), await freePort()];
  const brokers = `127.0.0.1:${port}`;
  await mkdir(dir, { recursive: true });
  const properties = join(dir, 'server.properties');
  await writeFile(properties, [
    'process.roles=broker,controller', 'node.id=1', `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://${brokers},CONTROLLER://127.0.0.1:${controllerPort}`, `advertised.listeners=PLAINTEXT://${brokers}`,
    'controller.listener.names=CONTROLLER', 'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT', `log.dirs=${join(dir, 'data')}`,
    'auto.create.topics.enable=true', 'num.partitions=3', 'default.replication.factor=1', 'min.insync.replicas=1',
    'offsets.topic.replication.factor=1', 'offsets.topic.num.partitions=4', 'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1', 'group.initial.rebalance.delay.ms=0',
    ...Object.entries(settings).map(([name, value]) => `${name}=${value}`), '',
  ].join('\n'));
  await writeFile(join(dir, 'log4j.properties'), [
    'log4j.rootLogger=WARN, file', 'log4j.appender.file=org.apache.log4j.FileAppender', `log4j.appender.file.File=${join(dir, 'kafka.log')}`,
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout', 'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n', '',
  ].join('\n'));
  const java = ['-Xms128m', '-Xmx384m', '-XX:+UseG1GC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`, '-cp', `${kafkaLibs}/*`];
  // A KRaft cluster id is 16 random bytes in base64url.
  const clusterId = Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
  const formatted = spawnSync('java', [...java, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '-c', properties], { encoding: 'utf8' });
  if (formatted.status !== 0) throw new Error(`kafka StorageTool format failed: ${formatted.stderr || formatted.stdout}`);

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const admin = new Kafka({ clientId: 'drill-kafka-probe', brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const start = async () => {
    const started = spawn('java', [...java, 'kafka.Kafka', properties], { stdio: 'ignore' });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    await waitUntil(`the drill's Kafka to answer at ${brokers}`, async () => {
      if (started.exitCode !== null) throw new Error(`the drill's Kafka exited with code ${started.exitCode}; see ${join(dir, 'kafka.log')}`);
      const client = admin.admin();
      try {
        await client.connect();
        const cluster = await client.describeCluster();
        return cluster.brokers.length > 0;
      } catch {
        return false;
      } finally {
        await client.disconnect().catch(() => undefined);
      }
    }, 120_000, 500);
  };
  const kill = async () => {
    child?.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    brokers,
    get pid() {
      return child?.exitCode === null ? child.pid : undefined;
    },
    kill,
    start,
    async stop() {
      if (!child || child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
