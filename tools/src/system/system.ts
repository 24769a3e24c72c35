import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase } from '@mindflow/db';
import { freePort, repoRoot } from '@mindflow/platform';
import { PortInUseError, ServiceProcess } from './service-process.js';
import { Supervisor, type SupervisorOptions } from './supervisor.js';

/** The built SPA: its presence decides whether the app's server starts. */
export const clientBuild = join(repoRoot, 'angular-client', 'dist', 'angular-client', 'browser', 'index.html');

export type Mode = 'embedded' | 'distributed';

export interface SystemOptions {
  readonly mode: Mode;
  readonly writeDatabaseUrl: string;
  readonly readDatabaseUrl: string;
  /** identity's own database; default: the write DB's name + `_identity` on the same server (`identityDatabaseUrlFor`). */
  readonly identityDatabaseUrl?: string;
  /**
   * insights' own database; default: distributed, the write DB's name + `_insights` (`insightsDatabaseUrlFor`);
   * embedded, the write DB itself, whose outbox is the event log (docs/CONVENTIONS.md, "Insights").
   */
  readonly insightsDatabaseUrl?: string;
  /**
   * The notifications service's database; default: distributed, the write DB's name + `_notifications`
   * (`notificationsDatabaseUrlFor`); embedded, the write DB itself (as insights').
   */
  readonly notificationsDatabaseUrl?: string;
  /**
   * The media service's database; default: distributed, the write DB's name + `_media` (`mediaDatabaseUrlFor`);
   * embedded, the write DB itself (as notifications').
   */
  readonly mediaDatabaseUrl?: string;
  /**
   * Object storage for attachments: an S3-compatible server (distributed mode's adapter), or absent: the local disk
   * under `.cache/media-objects/<write DB name>`, served with signed URLs by the media subgraph (embedded default).
   */
  readonly s3?: { readonly endpoint: string; readonly bucket: string; readonly region?: string; readonly accessKeyId: string; readonly secretAccessKey: string };
  /** distributed mode */
  readonly kafkaBrokers?: string;
  readonly topicPrefix?: string;
  readonly redisUrl?: string;
  readonly redisKeyPrefix?: string;
  /** Search in Elasticsearch (ELASTICSEARCH_URL); absent: Postgres full-text search in the read DB. */
  readonly elasticsearchUrl?: string;
  /** Elasticsearch index prefix (SEARCH_INDEX_PREFIX), e.g. a test's `uniqueIndexPrefix()`. */
  readonly searchIndexPrefix?: string;
  /** 0 or absent: any free port */
  readonly gatewayPort?: number;
  readonly gatewayHost?: string;
  /** The app's server (SPA + /graphql proxy, angular-client/server), started once the SPA is built; 0 or absent: any free port. */
  readonly clientPort?: number;
  /** Where services' logs go; null silences them. */
  readonly output?: NodeJS.WritableStream | null;
  readonly extraEnv?: Record<string, string>;
  /**
   * Restart roles that die (`npm start`, `npm run start:distributed`). Off for tests and drills, which kill
   * and restart roles themselves.
   */
  readonly supervise?: SupervisorOptions;
  /** Roles of one start wave (startWaves) started at once; default 1 (one after another, in the waves' order). */
  readonly startConcurrency?: number;
}

export interface RunningSystem {
  readonly gatewayUrl: string;
  /** The app (the Angular SPA, same-origin with /graphql), when angular-client has been built. */
  readonly appUrl?: string;
  /**
   * By name: command, relay, insights-relay and notifications-relay (distributed only), identity-relay (both modes:
   * to Kafka, or embedded to the write DB's outbox), query-projector, query-subgraph, search-projector, search-subgraph, identity, insights-projector,
   * insights-subgraph, notifications-projector, notifications-subgraph, media-projector, media-subgraph (and
   * media-relay, distributed), gateway.
   */
  readonly services: ReadonlyMap<string, ServiceProcess>;
  /** With `supervise`: restarts roles that die and knows each role's state. */
  readonly supervisor?: Supervisor;
  stop(): Promise<void>;
}

/**
 * Starts every MindFlow service as its own process, in dependency order, and waits for each to be ready.
 * The same code path serves `npm start` (embedded), `npm run start:distributed` and the end-to-end tests;
 * only the adapters chosen by MINDFLOW_MODE differ.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  // The ports other roles must be told in advance (the gateway the subgraphs' URLs, …): probed here, and re-probed
  // for a role that finds one taken when it starts (startWithPortRetry). Ops ports need no probe: 0, read back.
  const ports = {
    grpc: await freePort(), subgraph: await freePort(), identity: await freePort(), insights: await freePort(),
    notifications: await freePort(), media: await freePort(),
    search: await freePort(), gateway: options.gatewayPort || (await freePort()),
    client: options.clientPort || (await freePort()),
  };
  type PortName = keyof typeof ports;
  /** Ports the caller chose (npm start's 4000 and 3000) are not moved: a collision there is the caller's to fix. */
  const fixed = new Set<PortName>([...(options.gatewayPort ? ['gateway' as const] : []), ...(options.clientPort ? ['client' as const] : [])]);
  const identityDatabaseUrl = options.identityDatabaseUrl ?? identityDatabaseUrlFor(options.writeDatabaseUrl);
  await ensureDatabase(identityDatabaseUrl);
  const insightsDatabaseUrl =
    options.insightsDatabaseUrl ?? (options.mode === 'embedded' ? options.writeDatabaseUrl : insightsDatabaseUrlFor(options.writeDatabaseUrl));
  await ensureDatabase(insightsDatabaseUrl);
  const notificationsDatabaseUrl =
    options.notificationsDatabaseUrl ?? (options.mode === 'embedded' ? options.writeDatabaseUrl : notificationsDatabaseUrlFor(options.writeDatabaseUrl));
  await ensureDatabase(notificationsDatabaseUrl);
  const mediaDatabaseUrl =
    options.mediaDatabaseUrl ?? (options.mode === 'embedded' ? options.writeDatabaseUrl : mediaDatabaseUrlFor(options.writeDatabaseUrl));
  await ensureDatabase(mediaDatabaseUrl);
  // The data keys of crypto-shredding (issue 16): embedded, the write DB (every role's default); distributed, a
  // database of their own next to the write DB (`keysDatabaseUrlFor`) that every role writing or reading events uses.
  const keysDatabaseUrl = options.mode === 'embedded' ? undefined : keysDatabaseUrlFor(options.writeDatabaseUrl);
  if (keysDatabaseUrl) await ensureDatabase(keysDatabaseUrl);
  const objectStoreEnv = (): Record<string, string> =>
    options.s3
      ? {
          OBJECT_STORE: 's3', S3_ENDPOINT: options.s3.endpoint, S3_BUCKET: options.s3.bucket, S3_REGION: options.s3.region ?? 'us-east-1',
          S3_ACCESS_KEY_ID: options.s3.accessKeyId, S3_SECRET_ACCESS_KEY: options.s3.secretAccessKey, S3_FORCE_PATH_STYLE: 'true',
        }
      : {
          OBJECT_STORE: 'disk',
          OBJECT_STORE_DIR: join(repoRoot, '.cache', 'media-objects', new URL(options.writeDatabaseUrl).pathname.replace(/^\/+/, '')),
          // the media subgraph serves the disk store's signed URLs at /objects, on the port probed here.
          OBJECT_STORE_PUBLIC_URL: `http://127.0.0.1:${ports.media}/objects`,
        };
  const envFor = (): Record<string, string> => ({
    MINDFLOW_MODE: options.mode,
    WRITE_DATABASE_URL: options.writeDatabaseUrl,
    READ_DATABASE_URL: options.readDatabaseUrl,
    COMMAND_GRPC_ADDRESS: `127.0.0.1:${ports.grpc}`,
    QUERY_SUBGRAPH_PORT: String(ports.subgraph),
    QUERY_SUBGRAPH_URL: `http://127.0.0.1:${ports.subgraph}/graphql`,
    GATEWAY_PORT: String(ports.gateway),
    // identity: accounts and sessions in its own database; the gateway verifies its tokens with its JWKS and
    // asks it whether a token's session is still live.
    IDENTITY_DATABASE_URL: identityDatabaseUrl,
    IDENTITY_PORT: String(ports.identity),
    IDENTITY_SUBGRAPH_URL: `http://127.0.0.1:${ports.identity}/graphql`,
    AUTH_JWKS_URL: `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`,
    AUTH_SESSIONS_URL: `http://127.0.0.1:${ports.identity}/internal/sessions`,
    // password reset links open the app's /reset-password (when the app is served here)
    ...(existsSync(clientBuild) ? { MINDFLOW_APP_URL: `http://127.0.0.1:${ports.client}` } : {}),
    // insights: analyses in its own database, whose outbox carries AIInsightsGenerated.
    INSIGHTS_DATABASE_URL: insightsDatabaseUrl,
    INSIGHTS_SUBGRAPH_PORT: String(ports.insights),
    INSIGHTS_SUBGRAPH_URL: `http://127.0.0.1:${ports.insights}/graphql`,
    // notifications: reminders, the notification centre, email and webhooks, in its own database (embedded: the
    // write DB), whose outbox carries NotificationCreated / Sent / Failed.
    NOTIFICATIONS_DATABASE_URL: notificationsDatabaseUrl,
    NOTIFICATIONS_SUBGRAPH_PORT: String(ports.notifications),
    NOTIFICATIONS_SUBGRAPH_URL: `http://127.0.0.1:${ports.notifications}/graphql`,
    // the emails' unsubscribe links: the notifications subgraph serves /unsubscribe, on the port probed here.
    NOTIFICATIONS_UNSUBSCRIBE_URL: `http://127.0.0.1:${ports.notifications}/unsubscribe`,
    // media: uploads and attachments in its own database (embedded: the write DB), whose outbox carries
    // AttachmentAdded / AttachmentRemoved; the objects in S3 or on the disk (objectStoreEnv).
    MEDIA_DATABASE_URL: mediaDatabaseUrl,
    MEDIA_SUBGRAPH_PORT: String(ports.media),
    MEDIA_SUBGRAPH_URL: `http://127.0.0.1:${ports.media}/graphql`,
    ...objectStoreEnv(),
    ...(keysDatabaseUrl ? { KEY_STORE_DATABASE_URL: keysDatabaseUrl } : {}),
    // search: Elasticsearch when given, else Postgres full-text search in the read DB.
    SEARCH_SUBGRAPH_PORT: String(ports.search),
    SEARCH_SUBGRAPH_URL: `http://127.0.0.1:${ports.search}/graphql`,
    ...(options.elasticsearchUrl ? { ELASTICSEARCH_URL: options.elasticsearchUrl } : {}),
    ...(options.searchIndexPrefix ? { SEARCH_INDEX_PREFIX: options.searchIndexPrefix } : {}),
    ...(options.gatewayHost ? { HOST: options.gatewayHost } : {}),
    ...(options.kafkaBrokers ? { KAFKA_BROKERS: options.kafkaBrokers } : {}),
    ...(options.topicPrefix ? { KAFKA_TOPIC_PREFIX: options.topicPrefix } : {}),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...(options.redisKeyPrefix ? { REDIS_KEY_PREFIX: options.redisKeyPrefix } : {}),
    ...options.extraEnv,
  });
  const withClient = existsSync(clientBuild);
  const clientEnv = (): Record<string, string> =>
    ({ CLIENT_PORT: String(ports.client), GATEWAY_URL: `http://127.0.0.1:${ports.gateway}`, ...(options.gatewayHost ? { CLIENT_HOST: options.gatewayHost } : {}) });
  const specs: { name: string; entry: string; env?: Record<string, string> | (() => Record<string, string>); listens?: PortName[] }[] = [
    { name: 'command', entry: 'services/command/src/main.ts', listens: ['grpc'] },
    ...(options.mode === 'distributed' ? [{ name: 'relay', entry: 'services/relay/src/main.ts' }] : []),
    { name: 'query-projector', entry: 'services/query/src/projector-main.ts' },
    // the read DB's outbox (the query projection's UserDataErased, issue 16) to Kafka, or (embedded) to the write DB's
    // outbox, the embedded log, like identity's; none when the read DB is the write DB (its outbox is the log).
    ...(options.readDatabaseUrl === options.writeDatabaseUrl
      ? []
      : [{
          name: 'query-relay', entry: 'services/relay/src/main.ts',
          env: {
            WRITE_DATABASE_URL: options.readDatabaseUrl, KAFKA_CLIENT_ID: 'mindflow-query-relay', RELAY_SOURCE: 'query',
            ...(options.mode === 'embedded' ? { RELAY_TARGET: 'outbox', RELAY_TARGET_DATABASE_URL: options.writeDatabaseUrl } : {}),
          },
        }]),
    { name: 'query-subgraph', entry: 'services/query/src/subgraph-main.ts', listens: ['subgraph'] },
    { name: 'search-projector', entry: 'services/search/src/projector-main.ts' },
    { name: 'search-subgraph', entry: 'services/search/src/subgraph-main.ts', listens: ['search'] },
    { name: 'identity', entry: 'services/identity/src/main.ts', listens: ['identity'] },
    // identity's outbox (UserRegistered, UserLoggedIn), which lives in identity's own database: the relay, pointed at
    // it, publishes it to Kafka (distributed) or appends it to the write DB's outbox, the embedded event log (embedded).
    {
      name: 'identity-relay', entry: 'services/relay/src/main.ts',
      env: {
        WRITE_DATABASE_URL: identityDatabaseUrl, KAFKA_CLIENT_ID: 'mindflow-identity-relay', RELAY_SOURCE: 'identity',
        ...(options.mode === 'embedded' ? { RELAY_TARGET: 'outbox', RELAY_TARGET_DATABASE_URL: options.writeDatabaseUrl } : {}),
      },
    },
    { name: 'insights-projector', entry: 'services/insights/src/projector-main.ts' },
    { name: 'insights-subgraph', entry: 'services/insights/src/subgraph-main.ts', listens: ['insights'] },
    // insights' outbox (AIInsightsGenerated, AIInsightsFailed, InsightsSettingChanged) to Kafka, like identity's.
    ...(options.mode === 'distributed'
      ? [{ name: 'insights-relay', entry: 'services/relay/src/main.ts',
          env: { WRITE_DATABASE_URL: insightsDatabaseUrl, KAFKA_CLIENT_ID: 'mindflow-insights-relay', RELAY_SOURCE: 'insights' } }]
      : []),
    // the projection with the scheduler and the senders beside it; it migrates the notifications DB
    { name: 'notifications-projector', entry: 'services/notifications/src/projector-main.ts' },
    { name: 'notifications-subgraph', entry: 'services/notifications/src/subgraph-main.ts', listens: ['notifications'] },
    // the notifications outbox (NotificationCreated / Sent / Failed, WeeklyReflectionGenerated) to Kafka
    ...(options.mode === 'distributed'
      ? [{ name: 'notifications-relay', entry: 'services/relay/src/main.ts',
          env: { WRITE_DATABASE_URL: notificationsDatabaseUrl, KAFKA_CLIENT_ID: 'mindflow-notifications-relay', RELAY_SOURCE: 'notifications' } }]
      : []),
    // media: the targets projection with the sweeper beside it (it migrates the media DB), the subgraph, and
    // (distributed) the media outbox (AttachmentAdded / AttachmentRemoved) to Kafka
    { name: 'media-projector', entry: 'services/media/src/projector-main.ts' },
    { name: 'media-subgraph', entry: 'services/media/src/subgraph-main.ts', listens: ['media'] },
    ...(options.mode === 'distributed'
      ? [{ name: 'media-relay', entry: 'services/relay/src/main.ts',
          env: { WRITE_DATABASE_URL: mediaDatabaseUrl, KAFKA_CLIENT_ID: 'mindflow-media-relay', RELAY_SOURCE: 'media' } }]
      : []),
    // distributed: the event log → Redis pub/sub for every gateway replica (embedded: the gateway notifies in-process)
    ...(options.mode === 'distributed' ? [{ name: 'notifier', entry: 'services/notifier/src/main.ts' }] : []),
    { name: 'gateway', entry: 'gateway/src/main.ts', listens: ['gateway'] },
    // the SPA and its /graphql proxy (HTTP + WebSocket), once `nx run @mindflow/angular-client:build` has run
    ...(withClient ? [{ name: 'client', entry: 'angular-client/server/main.ts', env: clientEnv, listens: ['client' as const] }] : []),
  ];
  const services = new Map<string, ServiceProcess>();
  // The edge first (no request reaches a role that is going), then every other role at once: each leaves its
  // consumer group and closes its pools by itself, and one after another a system's stop cost the sum of them.
  const stop = async () => {
    const edge = ['client', 'gateway'];
    await Promise.all(edge.map((name) => services.get(name)?.stop() ?? Promise.resolve()));
    await Promise.all([...services].filter(([name]) => !edge.includes(name)).map(([, service]) => service.stop()));
  };
  const launch = (spec: (typeof specs)[number], moved: number[]) =>
    startWithPortRetry(
      () => {
        // The gateway's /health/ready lists every role started before it (gateway/src/health/role-states.ts).
        const roleHealth: Record<string, string> = spec.name === 'gateway'
          ? { GATEWAY_ROLE_HEALTH_URLS: [...services].filter(([name]) => name !== 'gateway').map(([name, s]) => `${name}=${s.readyUrl}`).join(',') }
          : {};
        const own = typeof spec.env === 'function' ? spec.env() : spec.env;
        return new ServiceProcess(
          { name: spec.name, entry: join(repoRoot, spec.entry), env: { ...envFor(), ...roleHealth, ...own }, opsPort: 0 },
          options.output === undefined ? process.stderr : options.output,
        );
      },
      async (port) => {
        const taken = (spec.listens ?? []).find((name) => ports[name] === port && !fixed.has(name));
        if (!taken) return false;
        ports[taken] = await freePort();
        moved.push(port);
        return true;
      },
    );
  try {
    for (const wave of startWaves(specs)) {
      // a wave's roles start `startConcurrency` at a time; a wave starts once the one before it is ready.
      const moved = new Map<string, number[]>();
      const started = await mapLimited(wave, options.startConcurrency ?? startConcurrency, async (spec) => {
        const ports: number[] = [];
        moved.set(spec.name, ports);
        return launch(spec, ports);
      });
      for (const [index, spec] of wave.entries()) {
        const result = started[index]!;
        if (result.status === 'fulfilled') services.set(spec.name, result.value);
      }
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      // A role moved off a port that was taken: the roles started before it (or beside it) were told the old one
      // (the notifications projector's unsubscribe links, a subgraph's URL …); they start again with the new one.
      // (A role started again may move too: its move joins the queue.)
      const queue = [...moved].flatMap(([mover, ports]) => ports.map((port) => ({ mover, port })));
      for (let move = queue.shift(); move; move = queue.shift()) {
        for (const earlier of specs) {
          const service = services.get(earlier.name);
          if (!service || earlier.name === move.mover || !Object.values(service.spec.env).some((value) => new RegExp(`127\\.0\\.0\\.1:${move.port}(?!\\d)`).test(value))) continue;
          await service.stop();
          const again: number[] = [];
          services.set(earlier.name, await launch(earlier, again));
          queue.push(...again.map((port) => ({ mover: earlier.name, port })));
        }
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const supervisor = options.supervise ? new Supervisor(services, options.supervise) : undefined;
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    ...(withClient ? { appUrl: `http://127.0.0.1:${ports.client}` } : {}),
    services,
    ...(supervisor ? { supervisor } : {}),
    async stop() {
      supervisor?.stop(); // first: the roles' exits that follow are not crashes
      await stop();
    },
  };
}

/** identity's database next to the write DB: same server, the write DB's name + `_identity`. */
export function identityDatabaseUrlFor(writeDatabaseUrl: string): string {
  const url = new URL(writeDatabaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}_identity`;
  return url.toString();
}

/** insights' database next to the write DB (distributed): same server, the write DB's name + `_insights`. */
export function insightsDatabaseUrlFor(writeDatabaseUrl: string): string {
  const url = new URL(writeDatabaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}_insights`;
  return url.toString();
}

/**
 * Starts the service `make` builds; when it finds a port it must be told in advance taken (`EADDRINUSE`: a probed
 * port is only free until someone binds it, e.g. another test system starting at the same moment), asks `repick`
 * to choose another (false: not one it may move) and starts it again, at most `attempts` times.
 */
export async function startWithPortRetry(
  make: () => ServiceProcess, repick: (port: number) => Promise<boolean>, attempts = 5, timeoutMs = 60_000,
): Promise<ServiceProcess> {
  for (let attempt = 1; ; attempt++) {
    const service = make();
    try {
      await service.start(timeoutMs);
      return service;
    } catch (error) {
      await service.kill().catch(() => undefined);
      if (!(error instanceof PortInUseError) || error.port === undefined || attempt >= attempts || !(await repick(error.port))) throw error;
    }
  }
}

/** The notifications service's database next to the write DB (distributed): the write DB's name + `_notifications`. */
export function notificationsDatabaseUrlFor(writeDatabaseUrl: string): string {
  const url = new URL(writeDatabaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}_notifications`;
  return url.toString();
}

/** The crypto-shredding key store's database (distributed): same server, the write DB's name + `_keys`. */
export function keysDatabaseUrlFor(writeDatabaseUrl: string): string {
  const url = new URL(writeDatabaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}_keys`;
  return url.toString();
}

/** The media service's database next to the write DB (distributed): the write DB's name + `_media`. */
export function mediaDatabaseUrlFor(writeDatabaseUrl: string): string {
  const url = new URL(writeDatabaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}_media`;
  return url.toString();
}

/**
 * How many roles of a wave start at once: one. Measured on this 2-core machine (load 2–7), a whole system's start,
 * one at a time against two at once, in pairs: embedded 25.2 / 25.1 s and 31.3 / 27.8 s, distributed 72.7 / 54.8 s
 * and 61.6 / 78.1 s: no gain beyond the noise (a role's start is mostly its own module loading and connecting, and
 * two of them share the cores), while 4 at once at load 40 stretched a role past its 60 s start timeout. Kept as
 * an option (`startConcurrency`) for machines with more cores.
 */
const startConcurrency = 1;

/**
 * The start order, as waves: the command service first (it migrates the write DB, whose outbox is the embedded
 * log every other role reads), then identity, the projectors, the write DB's relay and the notifier (each
 * migrates its own database), then the subgraphs and the relays of the other databases (they read what the
 * projectors migrated), then the gateway (its readiness lists every role), then the SPA's server.
 */
export function startWaves<T extends { readonly name: string }>(specs: readonly T[]): T[][] {
  const waveOf = (name: string): number =>
    name === 'command' ? 0
      : name === 'gateway' ? 3
        : name === 'client' ? 4
          : name.endsWith('-subgraph') || name.endsWith('-relay') ? 2
            : 1;
  const waves: T[][] = [[], [], [], [], []];
  for (const spec of specs) waves[waveOf(spec.name)]!.push(spec);
  return waves.filter((wave) => wave.length > 0);
}

/** `work` over `items`, at most `limit` at a time; every result settled, in the items' order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index]!) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
