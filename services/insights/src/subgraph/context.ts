import type { IncomingHttpHeaders } from 'node:http';
import { callerHeader, verifyCaller, type Caller } from '@mindflow/auth';
import type { Pool } from '@mindflow/db';
import { correlationHeader, correlationIdFrom, type Logger } from '@mindflow/platform';
import { GraphQLError } from 'graphql';
import { createInsightsLoader, type InsightsLoader } from './insights-loader.js';

export interface InsightsContext {
  /** Who the gateway vouches for; null when the caller header is missing or invalid. */
  readonly caller: Caller | null;
  /** Batches every insights lookup of one request into one query, scoped to the caller. */
  readonly insights: InsightsLoader | null;
  readonly pool: Pool;
  readonly log: Logger;
  readonly now: () => Date;
  /** The request's correlation id (the gateway's header, else a new one): the events it causes carry it. */
  readonly correlationId: string;
}

/** An entity another subgraph owns, as this one resolves it: by its key alone. */
export interface EntityKey {
  readonly id: string;
}

export function buildContext(headers: IncomingHttpHeaders, deps: { pool: Pool; log: Logger; callerSecret: string; now: () => Date }): InsightsContext {
  const caller = verifyCaller(single(headers[callerHeader]), deps.callerSecret);
  const correlationId = correlationIdFrom(headers[correlationHeader]);
  return {
    caller,
    insights: caller ? createInsightsLoader(deps.pool, caller.userId) : null,
    pool: deps.pool,
    log: deps.log.child({ correlationId }),
    now: deps.now,
    correlationId,
  };
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('sign in first', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** The caller; the request guard already refused anonymous operations, this keeps resolvers honest. */
export function callerOf(context: InsightsContext): { caller: Caller; insights: InsightsLoader } {
  if (!context.caller || !context.insights) throw unauthenticated();
  return { caller: context.caller, insights: context.insights };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
