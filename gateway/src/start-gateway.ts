import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { verifierFromConfig, type Verifier } from '@mindflow/auth';
import {
  correlationHeader,
  correlationIdFrom,
  createLogger,
  SpanKind,
  startSpan,
  traceparentFrom,
  traceparentHeader,
  withLogContext,
  type Logger,
} from '@mindflow/platform';
import { CallerDataSource } from './caller-data-source.js';
import { sessionCachePlugin } from './auth/session-cache-plugin.js';
import { withSessionCheck } from './auth/session-check.js';
import { clientAddressOf, trustedProxies } from './auth/client-address.js';
import { IdentityDataSource } from './identity-data-source.js';
import { gatewayConfigSchema, subgraphUrl, type GatewayConfig } from './config.js';
import { buildGatewayContext, type GatewayContext } from './context.js';
import { formatGatewayError } from './errors.js';
import { applyCors } from './http/cors.js';
import { playgroundServer } from './playground/serve-playground.js';
import { unsubscribeForwarder } from './unsubscribe/forward-unsubscribe.js';
import { graphqlHandler, sendError } from './http/graphql-handler.js';
import { requestGuardPlugin } from './request-guard-plugin.js';
import { createInProcessBus, type NotificationBus } from '@mindflow/notifications';
import type { Registry } from 'prom-client';
import { GatewayWithSubscriptions } from './subscriptions/gateway-with-subscriptions.js';
import { serveSubscriptions } from './subscriptions/serve-subscriptions.js';
import { subscriptionMetrics } from './subscriptions/subscription-metrics.js';
import { supergraphReader } from './subscriptions/supergraph-reader.js';

/** The committed supergraph (gateway/tools/compose.ts writes it; `check` keeps it honest). */
export const supergraphPath = join(import.meta.dirname, '..', 'supergraph.graphql');

export interface RunningGateway {
  /** `http://<host>:<port>/graphql` */
  readonly url: string;
  close(): Promise<void>;
}

export interface GatewayDependencies {
  readonly log?: Logger;
  /** Overrides AUTH_JWKS_URL / AUTH_PUBLIC_KEY (tests). */
  readonly verifier?: Verifier;
  /** Where subscriptions hear about changes (main.ts picks Redis or in-process by MINDFLOW_MODE); in-process by default. */
  readonly notifications?: NotificationBus;
  /** Where the gateway's metrics go (the ops server's registry). */
  readonly metrics?: Registry;
}

/**
 * The public GraphQL endpoint: `@apollo/gateway` executing the static supergraph over the subgraphs, with
 * the access token verified here once and the caller passed on signed. Port 0 picks a free port.
 */
export async function startGateway(input: Partial<GatewayConfig> = {}, dependencies: GatewayDependencies = {}): Promise<RunningGateway> {
  const config = gatewayConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('gateway');
  // Tokens verified by key (JWKS from identity, or a PEM), then their session checked with identity when configured.
  const verifier = withSessionCheck(dependencies.verifier ?? (await verifierFromConfig(config)), config);
  // @apollo/gateway otherwise starts a "data collection" meter provider at construction: cloud resource detectors
  // probing metadata endpoints (AWS, GCP, Azure, Alibaba) and an hourly OTLP export, over HTTPS, to Apollo (and one
  // at shutdown). MindFlow sends nothing to a third party, and it showed in the gateway's CPU profile (issue 12).
  // An operator who wants it sets APOLLO_TELEMETRY_DISABLED=false.
  process.env['APOLLO_TELEMETRY_DISABLED'] ??= 'true';
  const federated = new ApolloGateway({
    supergraphSdl: await readFile(supergraphPath, 'utf8'),
    // The supergraph carries default URLs; the environment decides where each subgraph really is.
    // Identity also gets the refresh cookie and hands back Set-Cookie (identity-data-source.ts).
    buildService: ({ name, url }) =>
      new (name === 'identity' ? IdentityDataSource : CallerDataSource)(subgraphUrl(config, name) ?? url ?? '', config.INTERNAL_CALLER_SECRET),
  });
  // The federated schema plus the Subscription type the gateway serves itself (subscriptions/).
  const gateway = new GatewayWithSubscriptions(federated, ({ served, unserved }) =>
    log.info({ subscriptions: served.map((f) => f.name), notYet: unserved }, 'public schema loaded'));
  const limits = {
    maxDepth: config.GATEWAY_MAX_DEPTH,
    maxFields: config.GATEWAY_MAX_FIELDS,
    maxAliases: config.GATEWAY_MAX_ALIASES,
    maxCost: config.GATEWAY_MAX_COST,
  };

  const httpServer = createServer();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing page loads from a CDN; our own playground is served at /playground.
      ApolloServerPluginLandingPageDisabled(),
      requestGuardPlugin(limits),
      sessionCachePlugin('sessions' in verifier ? verifier.sessions : undefined),
    ],
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    // Batches are allowed up to GATEWAY_MAX_BATCH (the HTTP handler counts them before parsing any).
    allowBatchedHttpRequests: true,
    // Bounds parsing (and the validation after it) of a hostile document long before the body limit does.
    parseOptions: { maxTokens: 20_000 },
  });
  await apollo.start();

  const subscriptions = serveSubscriptions({
    httpServer,
    path: '/graphql',
    schema: () => gateway.publicSchema,
    verifier,
    bus: dependencies.notifications ?? createInProcessBus(log),
    read: supergraphReader(apollo),
    log,
    metrics: dependencies.metrics && subscriptionMetrics(dependencies.metrics),
    limits: {
      ...limits,
      maxMessageBytes: config.GATEWAY_MAX_BODY_BYTES,
      maxOperationsPerConnection: config.GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      pingMs: config.GATEWAY_WS_PING_MS,
      maxBufferedBytes: config.GATEWAY_WS_MAX_BUFFERED_BYTES,
    },
  });

  const servePlayground = await playgroundServer(log);
  // The emails' unsubscribe links (NOTIFICATIONS_UNSUBSCRIBE_URL = the public origin + /unsubscribe) reach notifications here.
  const forwardUnsubscribe = unsubscribeForwarder(subgraphUrl(config, 'notifications'), log);
  const proxies = trustedProxies(config.GATEWAY_TRUSTED_PROXIES);
  const corsOrigins = new Set(config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean));
  const handleGraphQL = graphqlHandler<GatewayContext>({
    apollo,
    maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
    maxBatch: config.GATEWAY_MAX_BATCH,
    context: async (req) =>
      buildGatewayContext(req.headers, correlationIdFrom(req.headers[correlationHeader]), verifier, clientAddressOf(req, proxies)),
  });

  httpServer.on('request', (req, res) => {
    const correlationId = correlationIdFrom(req.headers[correlationHeader]);
    // The id every service logs for this request: echoed so a client can quote it in a bug report.
    req.headers[correlationHeader] = correlationId;
    res.setHeader(correlationHeader, correlationId);
    const url = new URL(req.url ?? '/', 'http://gateway');
    // Everything done for this request logs its correlation id and (tracing on) belongs to one server span,
    // whose context goes to the subgraphs (caller-data-source.ts). A client's own traceparent is continued.
    withLogContext({ correlationId }, () => {
      const span = startSpan(`gateway ${req.method ?? 'GET'} ${url.pathname}`, {
        kind: SpanKind.SERVER,
        parent: traceparentFrom(req.headers[traceparentHeader]),
        attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': url.pathname, 'mindflow.correlation_id': correlationId },
      }, () => {
        if (applyCors(req, res, corsOrigins)) return;
        if (servePlayground(req, res, url.pathname)) return;
        if (forwardUnsubscribe(req, res, url)) return;
        if (url.pathname !== '/graphql') return sendError(res, 404, 'NOT_FOUND', 'the GraphQL endpoint is /graphql');
        handleGraphQL(req, res, url.search).catch((error: unknown) => {
          log.error({ err: error, correlationId }, 'request failed');
          if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
          else res.end();
        });
      });
      res.once('close', () => span.end());
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.GATEWAY_PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.GATEWAY_PORT;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  log.info({ url }, 'gateway listening');
  return {
    url,
    async close() {
      await subscriptions.close(); // WebSockets first: the drain below waits for open connections
      await apollo.stop(); // drains the HTTP server, then stops the gateway
    },
  };
}
