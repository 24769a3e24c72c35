import { join } from 'node:path';
import { ensureDatabase } from '@mindflow/db';
import { freePort } from './free-port.js';
import { ServiceProcess } from './service-process.js';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

export type Mode = 'embedded' | 'distributed';

export interface SystemOptions {
  readonly mode: Mode;
  readonly writeDatabaseUrl: string;
  readonly readDatabaseUrl: string;
  /** identity's own database; default: the write DB's name + `_identity` on the same server (`identityDatabaseUrlFor`). */
  readonly identityDatabaseUrl?: string;
  /** distributed mode */
  readonly kafkaBrokers?: string;
  readonly topicPrefix?: string;
  readonly redisUrl?: string;
  readonly redisKeyPrefix?: string;
  /** 0 or absent: any free port */
  readonly gatewayPort?: number;
  readonly gatewayHost?: string;
  /** Where services' logs go; null silences them. */
  readonly output?: NodeJS.WritableStream | null;
  readonly extraEnv?: Record<string, string>;
}

export interface RunningSystem {
  readonly gatewayUrl: string;
  /** By name: command, relay and identity-relay (distributed only), query-projector, query-subgraph, identity, gateway. */
  readonly services: ReadonlyMap<string, ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * Starts every MindFlow service as its own process, in dependency order, and waits for each to be ready.
 * The same code path serves `npm start` (embedded), `npm run start:distributed` and the end-to-end tests;
 * only the adapters chosen by MINDFLOW_MODE differ.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const [grpcPort, subgraphPort, identityPort, gatewayPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    options.gatewayPort ? Promise.resolve(options.gatewayPort) : freePort(),
  ]);
  const identityDatabaseUrl = options.identityDatabaseUrl ?? identityDatabaseUrlFor(options.writeDatabaseUrl);
  await ensureDatabase(identityDatabaseUrl);
  const env: Record<string, string> = {
    MINDFLOW_MODE: options.mode,
    WRITE_DATABASE_URL: options.writeDatabaseUrl,
    READ_DATABASE_URL: options.readDatabaseUrl,
    COMMAND_GRPC_ADDRESS: `127.0.0.1:${grpcPort}`,
    QUERY_SUBGRAPH_PORT: String(subgraphPort),
    QUERY_SUBGRAPH_URL: `http://127.0.0.1:${subgraphPort}/graphql`,
    GATEWAY_PORT: String(gatewayPort),
    // identity: accounts and sessions in its own database; the gateway verifies its tokens with its JWKS and
    // asks it whether a token's session is still live.
    IDENTITY_DATABASE_URL: identityDatabaseUrl,
    IDENTITY_PORT: String(identityPort),
    IDENTITY_SUBGRAPH_URL: `http://127.0.0.1:${identityPort}/graphql`,
    AUTH_JWKS_URL: `http://127.0.0.1:${identityPort}/.well-known/jwks.json`,
    AUTH_SESSIONS_URL: `http://127.0.0.1:${identityPort}/internal/sessions`,
    ...(options.gatewayHost ? { HOST: options.gatewayHost } : {}),
    ...(options.kafkaBrokers ? { KAFKA_BROKERS: options.kafkaBrokers } : {}),
    ...(options.topicPrefix ? { KAFKA_TOPIC_PREFIX: options.topicPrefix } : {}),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...(options.redisKeyPrefix ? { REDIS_KEY_PREFIX: options.redisKeyPrefix } : {}),
    ...options.extraEnv,
  };
  const specs: { name: string; entry: string; env?: Record<string, string> }[] = [
    { name: 'command', entry: 'services/command/src/main.ts' },
    ...(options.mode === 'distributed' ? [{ name: 'relay', entry: 'services/command/src/relay-main.ts' }] : []),
    { name: 'query-projector', entry: 'services/query/src/projector-main.ts' },
    { name: 'query-subgraph', entry: 'services/query/src/subgraph-main.ts' },
    { name: 'identity', entry: 'services/identity/src/main.ts' },
    // identity's outbox (UserRegistered, UserLoggedIn) to Kafka: the command relay, pointed at identity's database.
    ...(options.mode === 'distributed'
      ? [{ name: 'identity-relay', entry: 'services/command/src/relay-main.ts',
          env: { WRITE_DATABASE_URL: identityDatabaseUrl, KAFKA_CLIENT_ID: 'mindflow-identity-relay', RELAY_SOURCE: 'identity' } }]
      : []),
    // distributed: the event log → Redis pub/sub for every gateway replica (embedded: the gateway notifies in-process)
    ...(options.mode === 'distributed' ? [{ name: 'notifier', entry: 'services/notifier/src/main.ts' }] : []),
    { name: 'gateway', entry: 'gateway/src/main.ts' },
  ];
  const services = new Map<string, ServiceProcess>();
  const stop = async () => {
    for (const service of [...services.values()].reverse()) await service.stop();
  };
  try {
    for (const spec of specs) {
      const service = new ServiceProcess(
        { name: spec.name, entry: join(repoRoot, spec.entry), env: { ...env, ...spec.env }, opsPort: await freePort() },
        options.output === undefined ? process.stderr : options.output,
      );
      services.set(spec.name, service);
      await service.start();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`, services, stop };
}

/** identity's database next to the write DB: same server, the write DB's name + `_identity`. */
export function identityDatabaseUrlFor(writeDatabaseUrl: string): string {
  const url = new URL(writeDatabaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}_identity`;
  return url.toString();
}
