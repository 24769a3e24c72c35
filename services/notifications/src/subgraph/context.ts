import type { IncomingHttpHeaders } from 'node:http';
import { callerHeader, verifyCaller, type Caller } from '@mindflow/auth';
import type { KeyStore } from '@mindflow/events';
import type { Pool, PoolClient } from '@mindflow/db';
import { correlationHeader, correlationIdFrom, type Logger } from '@mindflow/platform';
import type { ClaudeReflections } from '../reflection/weekly-reflections.js';
import { unauthenticated } from './errors.js';

/** What happens in the transaction of a preferences write: the caller's prompt, reflection and reminders move. */
export type Reschedule = (tx: PoolClient, userId: string, now: Date) => Promise<unknown>;

export interface NotificationsContext {
  /** Who the gateway vouches for; null when the caller header is missing or invalid. */
  readonly caller: Caller | null;
  readonly pool: Pool;
  readonly log: Logger;
  /** The request's correlation id (events this subgraph writes carry it). */
  readonly correlationId: string;
  readonly now: () => Date;
  /** createWebhook takes http:// URLs too (MINDFLOW_WEBHOOK_ALLOW_LOOPBACK, development). */
  readonly allowHttpWebhooks: boolean;
  readonly reschedule: Reschedule;
  /** The data keys the events it writes are sealed with (crypto-shredding); none: written in the clear. */
  readonly keys: KeyStore | undefined;
  /** Claude for premium callers' weekly reflections; none (no API key): everyone's is the local one. */
  readonly claude: ClaudeReflections | undefined;
}

/** An entity another subgraph owns, as this one resolves it: by its key alone. */
export interface EntityKey {
  readonly id: string;
}

export interface ContextDependencies {
  readonly pool: Pool;
  readonly log: Logger;
  readonly callerSecret: string;
  readonly now: () => Date;
  readonly allowHttpWebhooks: boolean;
  readonly reschedule: Reschedule;
  readonly keys?: KeyStore | undefined;
  readonly claude?: ClaudeReflections | undefined;
}

export function buildContext(headers: IncomingHttpHeaders, deps: ContextDependencies): NotificationsContext {
  const caller = verifyCaller(single(headers[callerHeader]), deps.callerSecret);
  const correlationId = correlationIdFrom(headers[correlationHeader]);
  return {
    caller,
    pool: deps.pool,
    log: deps.log.child({ correlationId }),
    correlationId,
    now: deps.now,
    allowHttpWebhooks: deps.allowHttpWebhooks,
    reschedule: deps.reschedule,
    keys: deps.keys,
    claude: deps.claude,
  };
}

/** The caller's plan: premium when the gateway vouches for the `premium` role (as the command service reads it). */
export function planOf(context: NotificationsContext): 'free' | 'premium' {
  return context.caller?.roles.includes('premium') ? 'premium' : 'free';
}

/** The caller's id; the request guard already refused anonymous operations, this keeps resolvers honest. */
export function callerOf(context: NotificationsContext): string {
  if (!context.caller) throw unauthenticated();
  return context.caller.userId;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A task or entry a notification or reflection refers to (the query subgraph resolves it). */
export interface EntityRef {
  readonly __typename: 'Task' | 'Entry';
  readonly id: string;
}
