import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { Caller } from '@mindflow/auth';
import type { Pool } from '@mindflow/db';
import type { AggregateType } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import type { GraphQLError } from 'graphql';

/** What every subgraph's per-request context holds, whatever else it adds. */
export interface SubgraphContextBase {
  /** Who the gateway vouches for (the signed caller header); null when it is missing or invalid. */
  readonly caller: Caller | null;
  /** The subgraph's logger, bound to the request's correlation id. */
  readonly log: Logger;
}

/**
 * One subgraph: its schema and resolvers, how a request becomes a context, and who may call it. The same
 * definition is served by `startSubgraph` (its own HTTP port) or `subgraphHandler` (inside a service's
 * HTTP server); the runtime adds the rest (caller guard, consistency wait, error masking, tracing, logs).
 */
export interface SubgraphDefinition<C extends SubgraphContextBase> {
  /** `query-subgraph`: names the request spans and the log lines. */
  readonly name: string;
  /** The SDL file (the gateway's composition reads it too). */
  readonly schemaPath: string;
  /**
   * The resolver map, typed by the subgraph's generated `Resolvers` (codegen.ts). Apollo's map is looser:
   * its context is `any` here because a reference resolver takes (reference, context, info), not a field's
   * (parent, args, context, info), and only `any` lets the generated, stricter type through without a cast.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly resolvers: GraphQLResolverMap<any>;
  /** The request's context; runs for every request, before the guard. */
  context(req: IncomingMessage): C | Promise<C>;
  /** The error a request without a caller gets (each subgraph words it as API.md says). */
  unauthenticated(): GraphQLError;
  /**
   * Root fields that need no caller. `_service` and `__typename` queries (the SDL fetch, which reveals
   * nothing the SDL file does not) are always open; `_entities` never is (it returns user data).
   */
  readonly openFields?: { readonly query?: readonly string[]; readonly mutation?: readonly string[] };
  /** Read-your-writes: queries sent with `x-consistent-with` wait until the read side holds those writes. */
  readonly readYourWrites?: ReadYourWrites<C>;
}

export interface ReadYourWrites<C> {
  /** The database holding the projection's progress (`projection_versions`), as a URL (for its notices) and a pool. */
  readonly databaseUrl: string;
  readonly pool: Pool;
  /** The projection whose progress is awaited, and the aggregate types it follows (other tokens pass at once). */
  readonly projection: string;
  readonly aggregateTypes: ReadonlySet<AggregateType>;
  /** The longest a query waits before CONSISTENCY_TIMEOUT. */
  readonly waitMs: number;
  /** Who did not catch up, in the timeout's message: `the read side`, `search`. */
  readonly subject: string;
  /** Runs once the writes are applied, before any resolver (search makes them visible to searches). */
  afterWait?(context: C): Promise<void>;
}

/** How `startSubgraph` runs: where it listens, what it prepares first and what it closes last. */
export interface SubgraphRuntimeOptions {
  readonly log: Logger;
  /** Port 0 picks a free one. */
  readonly port: number;
  readonly host: string;
  /** Runs before the server listens (migrations, index preparation); a failure closes everything. */
  migrate?(): Promise<unknown>;
  /** Closes what the subgraph's context uses (pools, clients, caches): after the server stopped, or when start-up failed. */
  close?(): Promise<void>;
}

export interface RunningSubgraph {
  /** `http://127.0.0.1:<port>/`: the subgraph answers GraphQL at `/` and `/graphql`, 404 elsewhere. */
  readonly url: string;
  close(): Promise<void>;
}

export interface SubgraphHandlerOptions<C> {
  readonly log: Logger;
  /** Adds what the request's resolvers left in its context to the response (identity's `Set-Cookie`). */
  respond?(context: C, res: ServerResponse): void;
}

/** A subgraph served by a service's own HTTP server (identity's, which also serves its JWKS). */
export interface SubgraphHandler {
  /** Answers one GraphQL request whose body is already read (`undefined` for GET). */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown, search: string): Promise<void>;
  stop(): Promise<void>;
}
