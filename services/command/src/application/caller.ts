import type { Plan } from '../domain/journal/journal.js';

/** Who sent a command and on which request: read from gRPC metadata by the adapter. */
export interface Caller {
  readonly userId: string;
  readonly correlationId: string;
  readonly plan: Plan;
  /** `x-idempotency-key`: a retry with the same key answers the first result. */
  readonly idempotencyKey?: string;
}
