export {
  consistencyHeader,
  consistencyToken,
  maxConsistencyTokens,
  parseConsistencyToken,
  parseConsistencyTokens,
  typedConsistencyToken,
  type WrittenVersion,
} from './consistency-token.js';
export { projectedAggregateTypes, waitForProjection, writesToAwait } from './wait-for-projection.js';
export { notifyProjectionApplied, projectionAppliedChannel, ProjectionNotices } from './projection-notices.js';
