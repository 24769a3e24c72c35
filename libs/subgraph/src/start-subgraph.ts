import { readFileSync } from 'node:fs';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ProjectionNotices } from '@mindflow/event-log';
import { traceGraphQLRequests, type Logger } from '@mindflow/platform';
import { parse, type GraphQLSchema } from 'graphql';
import { apolloLogger } from './apollo-logger.js';
import { maskInternalErrors } from './errors.js';
import { errorLoggingPlugin, requestGuardPlugin } from './request-guard.js';
import { serveSubgraphHttp } from './subgraph-http-server.js';
import type {
  RunningSubgraph,
  SubgraphContextBase,
  SubgraphDefinition,
  SubgraphHandler,
  SubgraphHandlerOptions,
  SubgraphRuntimeOptions,
} from './subgraph-definition.js';

/** The federated schema of a definition: its SDL file with its resolvers. */
export function buildSchema(definition: Pick<SubgraphDefinition<never>, 'schemaPath' | 'resolvers'>): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readFileSync(definition.schemaPath, 'utf8')), resolvers: definition.resolvers }]);
}

/**
 * Serves a subgraph on its own HTTP port: migrates (`options.migrate`), then listens. The runtime holds the
 * caller guard, the read-your-writes wait (and its projection notices), error masking and logging, one
 * span per request continuing the gateway's trace, and Apollo's own logs through pino. `close` stops the
 * server, then the notices, then what the caller opened (`options.close`).
 *
 * The port is `serveSubgraphHttp`'s plain node:http server, not Apollo's standalone one: only the gateway calls a
 * subgraph, so the standalone server's Express, CORS and body-parser layers were work on every request with nothing
 * to do (7–9 % of the query subgraph's CPU under the gateway benchmark, BENCHMARKS.md, issue 12).
 */
export async function startSubgraph<C extends SubgraphContextBase>(
  definition: SubgraphDefinition<C>,
  options: SubgraphRuntimeOptions,
): Promise<RunningSubgraph> {
  const { log } = options;
  let handler: SubgraphHandler | undefined;
  try {
    await options.migrate?.();
    handler = await subgraphHandler(definition, { log });
    const http = await serveSubgraphHttp({
      name: definition.name,
      host: options.host,
      port: options.port,
      subgraph: handler,
      log,
      maxBodyBytes: subgraphMaxBodyBytes,
    });
    const url = `${http.origin}/`;
    log.info({ url }, `${definition.name} listening`);
    const running = handler;
    return {
      url,
      async close() {
        await http.close();
        await running.stop();
        await options.close?.();
      },
    };
  } catch (error) {
    // A handler started before listening failed (EADDRINUSE) is stopped; then what the caller opened.
    await handler?.stop().catch(() => undefined);
    await options.close?.();
    throw error;
  }
}

/**
 * The largest request a subgraph reads: the gateway's own limit is 1 MiB (GATEWAY_MAX_BODY_BYTES), and a query
 * plan's `_entities` fetch can carry more than the client sent (a representation per parent row).
 */
const subgraphMaxBodyBytes = 8 * 1024 * 1024;

/** Serves a subgraph inside a service's own HTTP server: the same runtime, without a port of its own. */
export async function subgraphHandler<C extends SubgraphContextBase>(
  definition: SubgraphDefinition<C>,
  options: SubgraphHandlerOptions<C>,
): Promise<SubgraphHandler> {
  const notices = readYourWritesNotices(definition, options.log);
  const server = apolloServer(definition, options.log, notices);
  try {
    await notices?.start();
    await server.start();
  } catch (error) {
    await notices?.close();
    throw error;
  }
  return {
    async handle(req, res, body, search) {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const context = await definition.context(req);
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search, body },
        context: () => Promise.resolve(context),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      options.respond?.(context, res);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') return void res.end(response.body.string);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    },
    async stop() {
      await server.stop();
      await notices?.close();
    },
  };
}

function apolloServer<C extends SubgraphContextBase>(definition: SubgraphDefinition<C>, log: Logger, notices: ProjectionNotices | undefined): ApolloServer<C> {
  const server = new ApolloServer<C>({
    schema: buildSchema(definition),
    logger: apolloLogger(log),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces feed Apollo's hosted usage reporting, which we do not use.
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's default cache-control plugin wraps every field resolver (its willResolveField) to add up cache hints
      // we never give: 4 % of the query subgraph's CPU under the gateway benchmark (BENCHMARKS.md, issue 12). Without
      // it a subgraph sends no cache-control header, which the gateway reads as max-age 0: its answers stay no-store.
      ApolloServerPluginCacheControlDisabled(),
      requestGuardPlugin(definition, notices),
      errorLoggingPlugin<C>(),
    ],
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // Only the gateway calls a subgraph, and its requests are not browser requests.
    csrfPrevention: false,
  });
  // One span per request, continuing the gateway's trace; log lines inside carry the correlation id.
  traceGraphQLRequests(server, `${definition.name} request`);
  return server;
}

/** Read-your-writes waits end the moment the projector commits the write, not at their next poll. */
function readYourWritesNotices(definition: SubgraphDefinition<SubgraphContextBase>, log: Logger): ProjectionNotices | undefined {
  const consistency = definition.readYourWrites;
  if (!consistency) return undefined;
  return new ProjectionNotices(consistency.databaseUrl, (err) => log.warn({ err }, 'projection notices: not listening, polling until reconnected'));
}

