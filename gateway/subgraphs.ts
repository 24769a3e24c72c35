// The subgraphs the gateway federates. Composition (tools/compose.ts) reads each SDL file; at run time
// the gateway sends each subgraph's share of a query to the URL in its environment variable.
// A new subgraph (identity, search, insights, notifications, media) is one more line here, then `nx build @mindflow/gateway`.

/** By convention `<NAME>_SUBGRAPH_URL` (CONVENTIONS.md). */
export type SubgraphUrlEnv = `${string}_SUBGRAPH_URL`;

export interface SubgraphSpec {
  /** The subgraph's name in the supergraph (`join__Graph`), in error extensions and logs. */
  readonly name: string;
  /** Its SDL file, relative to the repository root: the subgraph's source of truth. */
  readonly sdl: string;
  /** The environment variable that holds its URL at run time. */
  readonly urlEnv: SubgraphUrlEnv;
  /** Used when that variable is unset, and written into the supergraph. */
  readonly defaultUrl: string;
}

export const subgraphs: readonly SubgraphSpec[] = [
  {
    name: 'query',
    sdl: 'services/query/src/subgraph/schema.graphql',
    urlEnv: 'QUERY_SUBGRAPH_URL',
    defaultUrl: 'http://127.0.0.1:4001/graphql',
  },
  {
    name: 'identity',
    sdl: 'services/identity/src/subgraph/schema.graphql',
    urlEnv: 'IDENTITY_SUBGRAPH_URL',
    defaultUrl: 'http://127.0.0.1:4002/graphql',
  },
  {
    name: 'search',
    sdl: 'services/search/src/subgraph/schema.graphql',
    urlEnv: 'SEARCH_SUBGRAPH_URL',
    defaultUrl: 'http://127.0.0.1:4003/graphql',
  },
  {
    name: 'insights',
    sdl: 'services/insights/src/subgraph/schema.graphql',
    urlEnv: 'INSIGHTS_SUBGRAPH_URL',
    defaultUrl: 'http://127.0.0.1:4004/graphql',
  },
  {
    name: 'notifications',
    sdl: 'services/notifications/src/subgraph/schema.graphql',
    urlEnv: 'NOTIFICATIONS_SUBGRAPH_URL',
    defaultUrl: 'http://127.0.0.1:4005/graphql',
  },
  {
    name: 'media',
    sdl: 'services/media/src/subgraph/schema.graphql',
    urlEnv: 'MEDIA_SUBGRAPH_URL',
    defaultUrl: 'http://127.0.0.1:4006/graphql',
  },
];
