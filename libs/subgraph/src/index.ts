// The one runtime every subgraph runs on (CONVENTIONS.md, "A new subgraph"): a definition (schema, resolvers,
// context, who may call) handed to `startSubgraph`, or to `subgraphHandler` inside a service's own HTTP server.
export { buildSchema, startSubgraph, subgraphHandler } from './start-subgraph.js';
export { maskInternalErrors } from './errors.js';
export { sendJson, serveSubgraphHttp } from './subgraph-http-server.js';
export type { SubgraphHttpOptions, SubgraphHttpRoute, SubgraphHttpServer } from './subgraph-http-server.js';
export { CalendarDate, DateTime } from './scalars.js';
export type {
  ReadYourWrites,
  RunningSubgraph,
  SubgraphContextBase,
  SubgraphDefinition,
  SubgraphHandler,
  SubgraphHandlerOptions,
  SubgraphRuntimeOptions,
} from './subgraph-definition.js';
