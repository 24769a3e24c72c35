import type { Caller } from './caller.js';

/** Everything an event envelope needs besides its type and payload. */
export interface EnvelopeMeta {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly source: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly userId: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
}

/** The service name every event decided here carries as `source`. */
export const commandSource = 'command';

export function envelopeMeta(
  caller: Caller,
  at: { eventId: string; occurredAt: string; aggregateId: string; aggregateVersion: number; ownerId: string },
): EnvelopeMeta {
  return {
    eventId: at.eventId,
    occurredAt: at.occurredAt,
    source: commandSource,
    correlationId: caller.correlationId,
    // A user's own command has no parent event (the envelope's convention for commands).
    causationId: null,
    // The owner, which is the caller: only owners get past `decide`.
    userId: at.ownerId,
    aggregateId: at.aggregateId,
    aggregateVersion: at.aggregateVersion,
  };
}
