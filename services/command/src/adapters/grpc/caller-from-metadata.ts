import type { Metadata } from '@grpc/grpc-js';
import { readCallContext } from '@mindflow/proto';
import { correlationIdFrom } from '@mindflow/platform';
import type { Caller } from '../../application/caller.js';
import { isUuid } from './request-fields.js';

/**
 * `x-user-roles` (comma-separated, the roles the gateway's caller header vouches for, sent by the query
 * subgraph) tells premium callers apart: the journal limit, and `authorPlan` on entry events (AI insights).
 * Absent, the caller is on the free plan.
 */
export const rolesMetadataKey = 'x-user-roles';

/** The caller of a gRPC call, or null when `x-user-id` is missing or not an id (UNAUTHENTICATED). */
export function callerFromMetadata(metadata: Metadata): Caller | null {
  const context = readCallContext(metadata);
  if (!context.userId || !isUuid(context.userId)) return null;
  const roles = String(metadata.get(rolesMetadataKey)[0] ?? '').split(',').map((role) => role.trim());
  return {
    userId: context.userId.toLowerCase(),
    correlationId: correlationIdFrom(context.correlationId),
    plan: roles.includes('premium') ? 'premium' : 'free',
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}
