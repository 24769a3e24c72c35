import type { IncomingHttpHeaders } from 'node:http';
import { callerHeader, verifyCaller, type Caller } from '@mindflow/auth';
import type { Pool } from '@mindflow/db';
import { consistencyHeader } from '@mindflow/event-log';
import { correlationHeader, correlationIdFrom, type Logger } from '@mindflow/platform';
import type { Commands } from './commands/command-port.js';
import { unauthenticated } from './errors.js';
import { createLoaders, type Loaders } from './read-model/loaders.js';

export interface SubgraphContext {
  /** Who the gateway vouches for; null when the caller header is missing or invalid. */
  readonly caller: Caller | null;
  readonly loaders: Loaders | null;
  readonly correlationId: string;
  /** The raw `x-consistent-with` header; the request guard parses it and waits. */
  readonly consistentWith: string | undefined;
  readonly pool: Pool;
  readonly commands: Commands;
  readonly log: Logger;
  /** The longest a read waits for the read side to hold what the command side just confirmed. */
  readonly readWaitMs: number;
}

export interface ContextDependencies {
  readonly pool: Pool;
  readonly commands: Commands;
  readonly log: Logger;
  readonly callerSecret: string;
  readonly readWaitMs: number;
}

export function buildContext(headers: IncomingHttpHeaders, deps: ContextDependencies): SubgraphContext {
  const caller = verifyCaller(single(headers[callerHeader]), deps.callerSecret);
  const correlationId = correlationIdFrom(headers[correlationHeader]);
  return {
    caller,
    loaders: caller ? createLoaders(deps.pool, caller.userId) : null,
    correlationId,
    consistentWith: single(headers[consistencyHeader]),
    pool: deps.pool,
    commands: deps.commands,
    log: deps.log.child({ correlationId }),
    readWaitMs: deps.readWaitMs,
  };
}

/** The caller and their loaders; the request guard already refused anonymous operations, this keeps resolvers honest. */
export function authenticated(context: SubgraphContext): { caller: Caller; loaders: Loaders } {
  if (!context.caller || !context.loaders) throw unauthenticated();
  return { caller: context.caller, loaders: context.loaders };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
