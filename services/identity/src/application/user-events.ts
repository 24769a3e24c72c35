import { newEvent, type AnyEvent, type ErasingService } from '@mindflow/events';
import type { IdentityEnvironment, RequestInfo } from './identity-environment.js';
import type { UserAccount } from './ports/identity-store.js';

/** The service name every event decided here carries as `source`. */
export const identitySource = 'identity';

function envelope(env: IdentityEnvironment, request: RequestInfo, userId: string, version: number, at: Date) {
  return {
    eventId: env.newId(),
    occurredAt: at.toISOString(),
    source: identitySource,
    correlationId: request.correlationId,
    causationId: null,
    userId,
    aggregateId: userId,
    aggregateVersion: version,
  };
}

export function userRegistered(env: IdentityEnvironment, request: RequestInfo, user: UserAccount): AnyEvent {
  return newEvent('UserRegistered', {
    ...envelope(env, request, user.id, 1, user.createdAt),
    payload: { userId: user.id, email: user.email, name: user.name, roles: [...user.roles], registeredAt: user.createdAt.toISOString() },
  });
}

export function userLoggedIn(env: IdentityEnvironment, request: RequestInfo, userId: string, version: number, at: Date): AnyEvent {
  return newEvent('UserLoggedIn', { ...envelope(env, request, userId, version, at), payload: { userId, at: at.toISOString() } });
}

export function userErasureRequested(
  env: IdentityEnvironment,
  request: RequestInfo,
  userId: string,
  erasure: { version: number; attempt: number; services: readonly ErasingService[]; at: Date },
): AnyEvent {
  return newEvent('UserErasureRequested', {
    ...envelope(env, request, userId, erasure.version, erasure.at),
    payload: { userId, requestedAt: erasure.at.toISOString(), attempt: erasure.attempt, services: [...erasure.services] },
  });
}
