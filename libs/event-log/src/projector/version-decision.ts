/**
 * What to do with an event given the last version a projection applied for its aggregate.
 * Versions start at 1 and grow by exactly 1 per event of an aggregate (docs/CONVENTIONS.md), so:
 * - at or below the stored version: already applied (redelivery, replay, rebalance) → skip;
 * - exactly the next one: apply;
 * - further ahead: an earlier event has not been applied yet → a gap; applying now would reorder
 *   effects, so it is an error to retry until the missing event has arrived.
 */
export type VersionDecision =
  | { readonly kind: 'apply' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'gap'; readonly expected: number };

export function decideVersion(stored: number | undefined, incoming: number): VersionDecision {
  if (!Number.isInteger(incoming) || incoming < 1) throw new RangeError(`invalid aggregate version ${incoming}`);
  const current = stored ?? 0;
  if (incoming <= current) return { kind: 'duplicate' };
  if (incoming === current + 1) return { kind: 'apply' };
  return { kind: 'gap', expected: current + 1 };
}

/** Thrown inside the projection transaction when an event arrives ahead of its aggregate's next version. */
export class VersionGapError extends Error {
  constructor(
    readonly projection: string,
    readonly aggregateId: string,
    readonly expected: number,
    readonly received: number,
  ) {
    super(`${projection}: aggregate ${aggregateId} expects version ${expected}, received ${received}`);
    this.name = 'VersionGapError';
  }
}
