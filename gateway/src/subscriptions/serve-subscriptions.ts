import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { VerifiedAccessToken } from '@mindflow/auth';
import type { NotificationBus } from '@mindflow/notifications';
import type { Logger } from '@mindflow/platform';
import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { formatGatewayError } from '../errors.js';
import { operationLimitError, type OperationLimits } from '../limits/operation-limits.js';
import { authenticateConnection, closeCodes, msUntilExpiry, watchSession, type ConnectionVerifier } from './connection-auth.js';
import { subscriptionExecution, type SubscriptionContext } from './subscription-execution.js';
import type { SubscriptionMetrics } from './subscription-metrics.js';
import type { PublicSchema } from './subscription-schema.js';
import type { SupergraphReader } from './supergraph-reader.js';

export interface SubscriptionServerOptions {
  readonly httpServer: Server;
  readonly path: string;
  /** The public schema (supergraph + Subscription) as loaded now. */
  readonly schema: () => PublicSchema;
  readonly verifier: ConnectionVerifier;
  readonly bus: NotificationBus;
  readonly read: SupergraphReader;
  readonly log: Logger;
  readonly metrics?: SubscriptionMetrics;
  readonly limits: OperationLimits & {
    /** Largest WebSocket message accepted (GATEWAY_MAX_BODY_BYTES, as for HTTP). */
    readonly maxMessageBytes: number;
    readonly maxOperationsPerConnection: number;
    /** Heartbeat interval (0: none): a socket that missed the last ping is terminated. */
    readonly pingMs?: number;
    /** Bytes a socket may have waiting to be sent before a result due on it closes it with 4008 (0: no limit). */
    readonly maxBufferedBytes?: number;
  };
}

interface ConnectionState extends Record<PropertyKey, unknown> {
  caller: VerifiedAccessToken;
  expiry: NodeJS.Timeout;
  stopSessionWatch: () => void;
}

/** What `subscribe` can do when the subscription cannot start: close the socket with a retryable code. */
interface RetryableContext extends SubscriptionContext {
  readonly retryLater: () => void;
}

/** Bounds the parser's work on one document (a 1 MiB document of tokens is not a subscription). */
const maxTokens = 20_000;

/** Parsed and validated documents kept per schema, by text: the same few operations arrive on every socket. */
const documentCacheSize = 500;
/** Longer documents are parsed each time (the cache stays small whatever clients send). */
const documentCacheMaxChars = 8_192;

/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's HTTP server at `path`: the access token verified on
 * connect (refused with 4401; closed with 4401 when it expires or its session ends), each operation validated against the
 * public schema and the same limits as HTTP. Subscriptions run in the gateway; queries and mutations sent
 * over the socket go through the supergraph as the connection's caller.
 */
export function serveSubscriptions(options: SubscriptionServerOptions): { close(): Promise<void> } {
  const { log, metrics, limits } = options;
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: limits.maxMessageBytes });
  const execution = subscriptionExecution({ served: options.schema().served, bus: options.bus, read: options.read, log, metrics });
  const validDocument = documentCache();

  const server = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      // Close reasons and errors never carry internals.
      isProd: true,
      async onConnect(ctx) {
        let auth: Awaited<ReturnType<typeof authenticateConnection>>;
        try {
          auth = await authenticateConnection(ctx.connectionParams, options.verifier);
        } catch (error) {
          // Identity's session check failed or timed out: the caller did nothing wrong, so not 4500 (fatal for
          // graphql-ws clients) but "try again later", which they retry.
          log.warn({ err: error }, 'could not authenticate a subscription connection; asked the client to retry');
          ctx.extra.socket.close(closeCodes.tryAgainLater, 'try again later');
          return false;
        }
        if (auth.kind !== 'user') {
          const reason = auth.kind === 'anonymous' ? 'send connectionParams.authorization: "Bearer <access token>"' : auth.reason;
          ctx.extra.socket.close(closeCodes.unauthorized, reason.slice(0, 120));
          return false;
        }
        ctx.extra.caller = auth.user;
        // A connection lives no longer than its token: the client reconnects with a fresh one.
        ctx.extra.expiry = setTimeout(() => ctx.extra.socket.close(closeCodes.unauthorized, 'access token expired'), msUntilExpiry(auth.user.expiresAt));
        ctx.extra.expiry.unref();
        ctx.extra.stopSessionWatch = watchSession(
          options.verifier,
          auth,
          () => ctx.extra.socket.close(closeCodes.unauthorized, 'session ended: sign in again'),
          (error) => log.warn({ err: error }, 'session check failed; the connection stays open until its token expires'),
        );
        metrics?.connection(1);
        return true;
      },
      onDisconnect() {
        metrics?.connection(-1);
      },
      onClose(ctx) {
        clearTimeout(ctx.extra.expiry);
        ctx.extra.stopSessionWatch?.();
      },
      onSubscribe(ctx, _id, payload) {
        if (Object.keys(ctx.subscriptions).length >= limits.maxOperationsPerConnection) {
          return [new GraphQLError(`at most ${limits.maxOperationsPerConnection} operations per connection`, { extensions: { code: 'RATE_LIMITED' } })];
        }
        const { schema } = options.schema();
        const document = validDocument(schema, payload.query);
        if (!('kind' in document)) return document;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('name the operation to run', { extensions: { code: 'BAD_USER_INPUT' } })];
        const tooMuch = operationLimitError(schema, document, operation, payload.variables ?? undefined, limits);
        if (tooMuch) return [tooMuch];
        const { caller } = ctx.extra;
        if (!caller) return [new GraphQLError('not signed in', { extensions: { code: 'UNAUTHENTICATED' } })]; // graphql-ws subscribes only after onConnect
        const socket = ctx.extra.socket;
        const contextValue: RetryableContext = {
          caller,
          correlationId: randomUUID(),
          rawVariables: payload.variables ?? {},
          retryLater: () => socket.close(closeCodes.tryAgainLater, 'try again later'),
        };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      async subscribe(args) {
        try {
          return await execution.subscribe(args);
        } catch (error) {
          // The notification bus could not take the subscription (Redis down or reconnecting). Thrown, graphql-ws
          // would close with 4500, which clients treat as fatal; a retryable close brings them back with every
          // subscription of the socket once it is healthy.
          log.warn({ err: error }, 'could not open a subscription; asked the client to retry');
          (args.contextValue as RetryableContext).retryLater();
          return { errors: [new GraphQLError('the subscription could not start; retry', { extensions: { code: 'SERVICE_UNAVAILABLE' } })] };
        }
      },
      // Queries and mutations over the socket: as if sent over HTTP by the connection's caller.
      async execute(args) {
        const context = args.contextValue as SubscriptionContext;
        const result = await options.read(
          { document: args.document, variables: context.rawVariables, operationName: args.operationName ?? undefined },
          { caller: context.caller, correlationId: context.correlationId },
        );
        return result as ExecutionResult;
      },
      onNext(ctx, _id, _payload, _args, result) {
        const { socket } = ctx.extra;
        if (limits.maxBufferedBytes && socket.bufferedAmount > limits.maxBufferedBytes && socket.readyState === socket.OPEN) {
          // Its client reads slower than its results come: close rather than buffer without bound. The close frame
          // queues behind what is buffered (a client that reads again sees 4008); ws ends the TCP connection 30 s
          // later if it never does. Nothing more is sent meanwhile (graphql-ws sends only on an open socket).
          log.warn({ bufferedBytes: socket.bufferedAmount, limit: limits.maxBufferedBytes, userId: ctx.extra.caller?.userId }, 'slow consumer: websocket closed with 4008');
          metrics?.slowConsumer();
          socket.close(closeCodes.slowConsumer, 'slow consumer: too much waiting to be sent');
          return;
        }
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => publicError(e, log)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((e) => publicError(e, log));
      },
    },
    wsServer,
    // graphql-ws's own keep-alive (a timer and a ping per socket every 12 s) is off: `heartbeat` below pings every
    // socket from one timer, at GATEWAY_WS_PING_MS.
    0,
  );
  wsServer.on('error', (error) => log.error({ err: error }, 'websocket server error'));
  const stopHeartbeat = limits.pingMs ? heartbeat(wsServer, limits.pingMs, log) : () => undefined;

  return {
    async close() {
      stopHeartbeat();
      await server.dispose(); // closes every socket (1001 going away) and the ws server
    },
  };
}

/**
 * A subscribe message's document, parsed (token-bounded) and validated against `schema`, or the errors to answer
 * with. Valid documents are kept by text per schema (the least recently used go first), so ten thousand sockets
 * sending the same subscription parse and validate it once and share one immutable AST.
 */
function documentCache(): (schema: GraphQLSchema, text: string) => DocumentNode | readonly GraphQLError[] {
  const bySchema = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();
  return (schema, text) => {
    let cache = bySchema.get(schema);
    if (!cache) bySchema.set(schema, (cache = new Map<string, DocumentNode>()));
    const hit = cache.get(text);
    if (hit) {
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    let document: DocumentNode;
    try {
      document = parse(text, { maxTokens });
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('the query does not parse', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
    if (text.length <= documentCacheMaxChars) {
      cache.set(text, document);
      if (cache.size > documentCacheSize) cache.delete(cache.keys().next().value!);
    }
    return document;
  };
}

/** As HTTP answers it (formatGatewayError); what it hides from the client goes to the log. */
function publicError(error: GraphQLError | GraphQLFormattedError, log: Logger): GraphQLFormattedError {
  const formatted = formatGatewayError(error instanceof GraphQLError ? error.toJSON() : error);
  if (formatted.extensions?.['code'] === 'INTERNAL_SERVER_ERROR') {
    log.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error, path: formatted.path }, 'subscription result failed');
  }
  return formatted;
}

/**
 * WebSocket pings every `everyMs`; a socket that has not answered the previous one is terminated: its TCP connection
 * is gone without a close (a phone that lost its network), or its client stopped reading. graphql-ws then ends its
 * subscriptions as for any close. What a slow client is owed meanwhile is bounded anyway: graphql-ws sends one result
 * at a time per subscription, each subscription's queue of notifications keeps the newest 100
 * (`notification-stream.ts`), and a socket with more than `maxBufferedBytes` waiting is closed with 4008 (`onNext`).
 */
function heartbeat(wsServer: WebSocketServer, everyMs: number, log: Logger): () => void {
  const alive = new WeakMap<WebSocket, boolean>();
  wsServer.on('connection', (socket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
  });
  const timer = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (alive.get(socket) === false) {
        log.info('websocket missed its heartbeat: terminated');
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
