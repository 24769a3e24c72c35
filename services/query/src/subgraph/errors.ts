import { GraphQLError } from 'graphql';

// The error codes of API.md, raised as GraphQL errors with `extensions.code` (and `field` where the caller
// can fix an input). They are created here once so every resolver spells them the same way.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'CONSISTENCY_TIMEOUT'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

/**
 * HTTP status when an error ends a request before execution (a plugin throws it). 200 unless the request
 * itself is unauthorised: the gateway reads any other non-2xx answer as a broken subgraph and would hide
 * the code the client needs (CONSISTENCY_TIMEOUT, BAD_USER_INPUT).
 */
const httpStatus: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = httpStatus[code] ?? 200;
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

export const unauthenticated = () => apiError('UNAUTHENTICATED', 'a valid caller is required');

export const badUserInput = (message: string, field: string) => apiError('BAD_USER_INPUT', message, { field });
