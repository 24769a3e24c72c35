import type { IncomingHttpHeaders } from 'node:http';
import { callerHeader, verifyCaller, type Caller } from '@mindflow/auth';
import { correlationHeader, correlationIdFrom, type Logger } from '@mindflow/platform';
import type { Commands } from './mutations/command-client/command-port.js';
import { userCache, type UserCache } from './cache/cached-read.js';
import type { ReadCache } from './cache/read-cache.js';
import { unauthenticated } from './errors.js';
import { createLoaders, type Loaders } from './read-model/loaders.js';
import { callerReader, type Reader, type ReaderPool } from './read-model/reader.js';

export interface SubgraphContext {
  /** Who the gateway vouches for; null when the caller header is missing or invalid. */
  readonly caller: Caller | null;
  readonly loaders: Loaders | null;
  readonly correlationId: string;
  /** The read DB as the caller may read it (row-level security); refuses every read for an anonymous request. */
  readonly pool: Reader;
  /** Hot reads of the caller, keyed by their read stamp; null for an anonymous request. */
  readonly cache: UserCache | null;
  readonly commands: Commands;
  readonly log: Logger;
  /** The longest a read waits for the read side to hold what the command side just confirmed. */
  readonly readWaitMs: number;
}

export interface ContextDependencies {
  /** The read DB's connections for callers' reads (row-level security). */
  readonly readers: ReaderPool;
  readonly cache: ReadCache;
  readonly cacheTtlSeconds: number;
  readonly commands: Commands;
  readonly log: Logger;
  readonly callerSecret: string;
  readonly readWaitMs: number;
}

export function buildContext(headers: IncomingHttpHeaders, deps: ContextDependencies): SubgraphContext {
  const caller = verifyCaller(single(headers[callerHeader]), deps.callerSecret);
  const correlationId = correlationIdFrom(headers[correlationHeader]);
  const log = deps.log.child({ correlationId });
  const reader = caller ? callerReader(deps.readers, caller.userId) : anonymousReader;
  return {
    caller,
    loaders: caller ? createLoaders(reader, caller.userId) : null,
    correlationId,
    pool: reader,
    cache: caller ? userCache({ cache: deps.cache, userId: caller.userId, stamp: once(() => readStamp(reader, caller.userId)), ttlSeconds: deps.cacheTtlSeconds, log }) : null,
    commands: deps.commands,
    log,
    readWaitMs: deps.readWaitMs,
  };
}

const anonymousReader: Reader = {
  query() {
    return Promise.reject(unauthenticated());
  },
};

/** The caller's read stamp (projector/read-stamps.ts); read lazily, after the request guard's consistency wait. */
async function readStamp(reader: Reader, userId: string): Promise<string> {
  const { rows } = await reader.query<{ stamp: string }>('SELECT stamp::text AS stamp FROM read_stamps WHERE owner_id = $1', [userId]);
  return rows[0]?.stamp ?? '0';
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

/** The caller and their loaders; the request guard already refused anonymous operations, this keeps resolvers honest. */
export function authenticated(context: SubgraphContext): { caller: Caller; loaders: Loaders } {
  if (!context.caller || !context.loaders) throw unauthenticated();
  return { caller: context.caller, loaders: context.loaders };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
