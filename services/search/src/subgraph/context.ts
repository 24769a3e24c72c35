import type { IncomingHttpHeaders } from 'node:http';
import { callerHeader, verifyCaller, type Caller } from '@mindflow/auth';
import { correlationHeader, correlationIdFrom, type Logger } from '@mindflow/platform';
import type { SearchIndex } from '../application/search-index.js';
import { unauthenticated } from './errors.js';

export interface SearchContext {
  /** Who the gateway vouches for (signed caller header); null when missing or invalid. */
  readonly caller: Caller | null;
  readonly index: SearchIndex;
  readonly log: Logger;
}

export interface ContextDependencies {
  readonly index: SearchIndex;
  readonly callerSecret: string;
  readonly log: Logger;
}

export function buildContext(headers: IncomingHttpHeaders, deps: ContextDependencies): SearchContext {
  const correlationId = correlationIdFrom(headers[correlationHeader]);
  return {
    caller: verifyCaller(single(headers[callerHeader]), deps.callerSecret),
    index: deps.index,
    log: deps.log.child({ correlationId }),
  };
}

/** The caller; the request guard already refused anonymous operations, this keeps resolvers honest. */
export function callerOf(context: SearchContext): Caller {
  if (!context.caller) throw unauthenticated();
  return context.caller;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
