// The bundles the images run, run for real: every role bundled into a folder outside the repository,
// started with plain `node <role>.mjs` against real Postgres, Kafka and Redis, each answering
// /health/ready; then a user registers through the gateway (identity), and a write travels
// command → outbox → relay → Kafka → projector → read DB → back out through the gateway. The media subgraph
// loads sharp, a native add-on its bundle leaves external: it finds it in node_modules beside the bundles, as
// in its image (stage native installs it into /app/node_modules), here linked from the repository's own.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool } from '@mindflow/db';
import { freePort, repoRoot } from '@mindflow/platform';
import { createTestDatabase, testServers, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledRoles, roles } from '../roles/roles.js';
import { BundledProcess } from '../test/bundled-process.js';
import { bundleRole, nativeAddOns, type BundleResult } from './bundle-role.js';

/** Start order, as the launcher and compose have it; identity-, insights-, notifications- and query-relay are relay.mjs over those services' databases. */
const longRunning = [
  { name: 'command', bundle: 'command' },
  { name: 'relay', bundle: 'relay' },
  { name: 'query-projector', bundle: 'query-projector' },
  { name: 'query-subgraph', bundle: 'query-subgraph' },
  { name: 'query-relay', bundle: 'relay' },
  { name: 'identity', bundle: 'identity' },
  { name: 'identity-relay', bundle: 'relay' },
  { name: 'insights-projector', bundle: 'insights-projector' },
  { name: 'insights-subgraph', bundle: 'insights-subgraph' },
  { name: 'insights-relay', bundle: 'relay' },
  { name: 'notifications-projector', bundle: 'notifications-projector' },
  { name: 'notifications-subgraph', bundle: 'notifications-subgraph' },
  { name: 'notifications-relay', bundle: 'relay' },
  { name: 'media-projector', bundle: 'media-projector' },
  { name: 'media-subgraph', bundle: 'media-subgraph' },
  { name: 'notifier', bundle: 'notifier' },
  { name: 'gateway', bundle: 'gateway' },
] as const;

async function distinctPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

describe('bundled roles against real servers', () => {
  let outRoot: string;
  let write: TestDatabase;
  let read: TestDatabase;
  let identity: TestDatabase;
  let insights: TestDatabase;
  let notifications: TestDatabase;
  let media: TestDatabase;
  let keys: TestDatabase;
  let env: Record<string, string>;
  let gatewayUrl: string;
  let privatePem: string;
  let publicPem: string;
  const bundles = new Map<string, BundleResult>();
  const processes = new Map<string, BundledProcess>();
  const startMs = new Map<string, number>();
  let ports: number[] = [];

  beforeAll(async () => {
    outRoot = await mkdtemp(join(tmpdir(), 'mindflow-bundles-'));
    for (const result of await Promise.all(bundledRoles().map((role) => bundleRole(role, { repoRoot, outRoot })))) {
      bundles.set(result.role, result);
    }
    // The native add-ons the roles declare (sharp and its @img/* binaries), and nothing else, in node_modules above the bundles.
    await mkdir(join(outRoot, 'node_modules'));
    const linked = new Set(roles.flatMap((r) => r.nativePackages ?? []).flatMap((p) => nativeAddOns[p] ?? [p]).map((pattern) => pattern.replace(/\/\*$/, '')));
    for (const name of linked) await symlink(join(repoRoot, 'node_modules', name), join(outRoot, 'node_modules', name), 'dir');
    const servers = await testServers();
    [write, read, identity, insights, notifications, media, keys] = await Promise.all([
      createTestDatabase('deploy-write'),
      createTestDatabase('deploy-read'),
      createTestDatabase('deploy-identity'),
      createTestDatabase('deploy-insights'),
      createTestDatabase('deploy-notifications'),
      createTestDatabase('deploy-media'),
      createTestDatabase('deploy-keys'),
    ]);
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    [privatePem, publicPem] = await Promise.all([exportPKCS8(pair.privateKey), exportSPKI(pair.publicKey)]);
    // Every port up front and distinct: a port handed out but not yet bound could be handed out again.
    ports = await distinctPorts(7 + longRunning.length);
    const [grpcPort, subgraphPort, identityPort, gatewayPort, insightsPort, notificationsPort, mediaPort] = ports.splice(0, 7);
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    env = {
      MINDFLOW_MODE: 'distributed',
      WRITE_DATABASE_URL: write.url,
      READ_DATABASE_URL: read.url,
      IDENTITY_DATABASE_URL: identity.url,
      INSIGHTS_DATABASE_URL: insights.url,
      NOTIFICATIONS_DATABASE_URL: notifications.url,
      MEDIA_DATABASE_URL: media.url,
      // crypto-shredding on, as compose and k8s deploy it: the data keys in their own database, a master key of its own
      KEY_STORE_DATABASE_URL: keys.url,
      KEY_STORE_MASTER_KEY: randomBytes(32).toString('base64'),
      KAFKA_BROKERS: (await servers.kafkaBrokers()).join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('deploy'),
      REDIS_URL: await servers.redisUrl(),
      REDIS_KEY_PREFIX: uniqueRedisPrefix('deploy'),
      COMMAND_GRPC_ADDRESS: `127.0.0.1:${grpcPort}`,
      QUERY_SUBGRAPH_PORT: String(subgraphPort),
      QUERY_SUBGRAPH_URL: `http://127.0.0.1:${subgraphPort}/graphql`,
      IDENTITY_PORT: String(identityPort),
      IDENTITY_SUBGRAPH_URL: `http://127.0.0.1:${identityPort}/graphql`,
      AUTH_JWKS_URL: `http://127.0.0.1:${identityPort}/.well-known/jwks.json`,
      AUTH_SESSIONS_URL: `http://127.0.0.1:${identityPort}/internal/sessions`,
      INSIGHTS_SUBGRAPH_PORT: String(insightsPort),
      INSIGHTS_SUBGRAPH_URL: `http://127.0.0.1:${insightsPort}/graphql`,
      NOTIFICATIONS_SUBGRAPH_PORT: String(notificationsPort),
      NOTIFICATIONS_SUBGRAPH_URL: `http://127.0.0.1:${notificationsPort}/graphql`,
      MEDIA_SUBGRAPH_PORT: String(mediaPort),
      OBJECT_STORE: 'disk',
      OBJECT_STORE_DIR: join(outRoot, 'media-objects'),
      OBJECT_STORE_SIGNING_KEY: randomBytes(32).toString('base64'),
      AUTH_REQUIRE_SESSION: 'true',
      GATEWAY_PORT: String(gatewayPort),
      AUTH_PRIVATE_KEY: privatePem,
      AUTH_PUBLIC_KEY: publicPem,
      INTERNAL_CALLER_SECRET: 'bundled-system-test-caller-secret',
      LOG_LEVEL: 'warn',
    };
  }, 180_000);

  afterAll(async () => {
    for (const process of [...processes.values()].reverse()) await process.stop();
    await Promise.all([write?.drop(), read?.drop(), identity?.drop(), insights?.drop(), notifications?.drop(), media?.drop(), keys?.drop()]);
    if (outRoot) await rm(outRoot, { recursive: true, force: true });
  });

  it('bundles every role into one self-contained file with its runtime files beside it', () => {
    expect(bundles.get('command')?.assets).toEqual(expect.arrayContaining(['services/command/migrations/0001-journals.sql', 'proto/mindflow/command/v1/command.proto']));
    expect(bundles.get('query-subgraph')?.assets).toContain('services/query/src/subgraph/schema.graphql');
    expect(bundles.get('gateway')?.assets).toContain('gateway/supergraph.graphql');
    for (const bundle of bundles.values()) expect(bundle.bytes).toBeLessThan(16 * 1024 * 1024);
    expect(roles.filter((r) => r.nativePackages?.length).map((r) => r.name)).toEqual(['media-subgraph']);
  });

  it('migrates every database (every scope, search and the key store included) as a one-shot, and a second run changes nothing', async () => {
    const migrate = () => new BundledProcess('migrate', bundles.get('migrate')!.bundle, { ...env, LOG_LEVEL: 'info' });
    const first = migrate();
    expect(await first.run(), first.output.join('')).toBe(0);
    expect(first.output.join('')).toMatch(/"scope":"command","applied":\["0000-outbox"/);
    const second = migrate();
    expect(await second.run(), second.output.join('')).toBe(0);
    expect(second.output.join('')).toMatch(/"scope":"query","applied":\[\],"msg":"already up to date"/);
    expect(first.output.join('')).toMatch(/"scope":"read-outbox","applied":\["0000-outbox"/);
    expect(second.output.join('')).toMatch(/"scope":"read-outbox","applied":\[\],"msg":"already up to date"/);
    expect(first.output.join('')).toMatch(/"scope":"search","applied":\["0001-search-documents"/);
    expect(second.output.join('')).toMatch(/"scope":"search","applied":\[\],"msg":"already up to date"/);
    expect(second.output.join('')).toMatch(/"scope":"identity","applied":\[\],"msg":"already up to date"/);
    expect(second.output.join('')).toMatch(/"scope":"insights","applied":\[\],"msg":"already up to date"/);
    expect(second.output.join('')).toMatch(/"scope":"notifications","applied":\[\],"msg":"already up to date"/);
    expect(first.output.join('')).toMatch(/"scope":"keys","applied":\["0000-user-data-keys"/);
    expect(second.output.join('')).toMatch(/"scope":"keys","applied":\[\],"msg":"already up to date"/);
  }, 120_000);

  it('starts every long-running role from its bundle until /health/ready answers 200', async () => {
    for (const { name, bundle } of longRunning) {
      const roleEnv =
        name === 'identity-relay'
          ? { ...env, WRITE_DATABASE_URL: identity.url, KAFKA_CLIENT_ID: 'mindflow-identity-relay', RELAY_SOURCE: 'identity' }
          : name === 'insights-relay'
            ? { ...env, WRITE_DATABASE_URL: insights.url, KAFKA_CLIENT_ID: 'mindflow-insights-relay', RELAY_SOURCE: 'insights' }
            : name === 'notifications-relay'
              ? { ...env, WRITE_DATABASE_URL: notifications.url, KAFKA_CLIENT_ID: 'mindflow-notifications-relay', RELAY_SOURCE: 'notifications' }
              : name === 'query-relay'
                ? { ...env, WRITE_DATABASE_URL: read.url, KAFKA_CLIENT_ID: 'mindflow-query-relay', RELAY_SOURCE: 'query' }
                : env;
      const process = new BundledProcess(name, bundles.get(bundle)!.bundle, roleEnv, ports.shift());
      processes.set(name, process);
      startMs.set(name, await process.start());
    }
    console.info(`time to ready (ms): ${JSON.stringify(Object.fromEntries(startMs))}`);
    for (const process of processes.values()) {
      expect(await process.ready()).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${process.opsPort}/metrics`)).text();
      expect(metrics).toContain('process_resident_memory_bytes');
    }
  }, 180_000);

  it('registers through identity, then serves a write and reads it back once projected (Kafka in between)', async () => {
    let token = '';
    const call = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: Record<string, { journal: { id: string }; consistencyToken: string }>; errors?: unknown[] };
    };
    const registered = await call(`mutation { register(email: "bundle-${Date.now()}@example.com", password: "correct horse battery staple") { accessToken } }`);
    expect(registered.errors).toBeUndefined();
    token = (registered.data!['register'] as unknown as { accessToken: string }).accessToken;
    const created = await call('mutation { createJournal(input: { name: "from the bundle" }) { journal { id version } consistencyToken } }');
    expect(created.errors).toBeUndefined();
    const { journal, consistencyToken } = created.data!['createJournal']!;
    const readBack = await call(`{ journal(id: "${journal.id}") { id name version } }`, { 'x-consistent-with': consistencyToken });
    const logs = ['relay', 'query-projector'].map((name) => `[${name}]\n${processes.get(name)?.output.join('') ?? ''}`).join('\n');
    expect(readBack, logs).toEqual({ data: { journal: { id: journal.id, name: 'from the bundle', version: 1 } } });
    // read back through a projector that opened it: the outbox (and so Kafka) holds the name sealed, never in the clear
    const pool = createPool(write.url, { applicationName: 'bundled-system-spec' });
    try {
      const { rows } = await pool.query<{ payload: string }>(`SELECT payload::text AS payload FROM outbox WHERE event_type = 'JournalCreated' AND aggregate_id = $1`, [journal.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.payload).not.toContain('from the bundle');
    } finally {
      await pool.end();
    }
  }, 60_000);

  it('stops every role on SIGTERM within the grace period (no SIGKILL needed)', async () => {
    // Apollo Server (gateway, query subgraph) installs its own SIGTERM handler that drains, then re-raises
    // the signal; the other roles exit 0 from their Shutdown. Either is a clean stop for Kubernetes.
    for (const [name, process] of [...processes.entries()].reverse()) {
      expect(['exit 0', 'SIGTERM'], `${name}:\n${process.output.join('')}`).toContain(await process.stop());
    }
    processes.clear();
  }, 60_000);
});
