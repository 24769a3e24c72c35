import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { traceGraphQLRequests } from '@mindflow/platform';
import type { IdentityEnvironment } from '../application/identity-environment.js';
import { buildContext, type IdentityContext } from './context.js';
import { errorLoggingPlugin, maskInternalErrors } from './error-plugin.js';
import { requestGuardPlugin } from './request-guard-plugin.js';
import { buildIdentitySchema } from './schema.js';

export interface IdentitySubgraph {
  /** Answers one GraphQL request whose body is already read (`undefined` for GET). */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown, search: string): Promise<void>;
  stop(): Promise<void>;
}

/** The identity subgraph on `@apollo/server`, served by identity's own HTTP server (which also serves the JWKS). */
export async function startIdentitySubgraph(env: IdentityEnvironment, callerSecret: string): Promise<IdentitySubgraph> {
  const apollo = new ApolloServer<IdentityContext>({
    schema: buildIdentitySchema(),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), requestGuardPlugin(), errorLoggingPlugin()],
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // Only the gateway calls a subgraph, and its requests are not browser requests.
    csrfPrevention: false,
  });
  await apollo.start();
  // One span per request, continuing the gateway's trace; log lines inside carry the correlation id.
  traceGraphQLRequests(apollo, 'identity-subgraph request');
  return {
    async handle(req, res, body, search) {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const context = buildContext(req.headers, env, callerSecret, req.socket.remoteAddress);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search, body },
        context: async () => context,
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      if (context.setCookies.length > 0) res.setHeader('set-cookie', context.setCookies);
      res.setHeader('cache-control', 'no-store');
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') return void res.end(response.body.string);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    },
    stop: () => apollo.stop(),
  };
}
