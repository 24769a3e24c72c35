import { authenticate, type Authentication } from '../auth/authenticate.js';

/** What verifies a token: a key or JWKS, with identity's session check when configured (as for HTTP). */
export type ConnectionVerifier = Parameters<typeof authenticate>[1];

/** Close codes the gateway uses on a graphql-ws socket (4401 as graphql-ws itself uses it). */
export const closeCodes = {
  unauthorized: 4401,
  /** RFC 6455's "Try Again Later": a transient failure on our side; graphql-ws clients reconnect and resubscribe. */
  tryAgainLater: 1013,
  /**
   * A slow consumer: more than GATEWAY_WS_MAX_BUFFERED_BYTES waited to be sent on the socket. RFC 6455's 1008 ("policy
   * violation") moved into the private range, because graphql-ws clients treat 1008 as fatal and retry a 4xxx they do
   * not know: the client reconnects, resubscribes and reads the current state again.
   */
  slowConsumer: 4008,
} as const;

/**
 * Verifies the access token a client sends in `connectionParams.authorization` ("Bearer <token>"), once per
 * connection, with the same rules as the HTTP Authorization header. No token is a refusal here: every
 * subscription is about the caller's own data.
 */
export async function authenticateConnection(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  verifier: ConnectionVerifier,
): Promise<Authentication> {
  const value = connectionParams?.['authorization'] ?? connectionParams?.['Authorization'];
  if (value !== undefined && typeof value !== 'string') return { kind: 'invalid', reason: 'connectionParams.authorization must be "Bearer <token>"' };
  return authenticate({ authorization: value }, verifier);
}

/** Milliseconds until a verified token expires, bounded for setTimeout. */
export function msUntilExpiry(expiresAt: Date, now = Date.now()): number {
  return Math.min(Math.max(0, expiresAt.getTime() - now), 2 ** 31 - 1);
}

/** How often an open connection asks identity whether its session is still live (logout ends it within this). */
export const sessionRecheckMs = 30_000;

/**
 * While a connection is open, re-checks its token's session (when identity's session check is configured
 * and the token has one): a logout, here or everywhere, closes the socket within `everyMs`. An unreachable
 * identity leaves it open (the caller did nothing wrong); the token's own expiry still bounds it.
 */
export function watchSession(
  verifier: ConnectionVerifier,
  auth: Extract<Authentication, { kind: 'user' }>,
  onEnded: () => void,
  onError: (error: unknown) => void,
  everyMs = sessionRecheckMs,
): () => void {
  const sessions = 'sessions' in verifier ? verifier.sessions : undefined;
  const { sessionId } = auth;
  if (!sessions || !sessionId) return () => undefined;
  const timer = setInterval(() => {
    sessions.isLive(sessionId).then((live) => live || onEnded(), onError);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
