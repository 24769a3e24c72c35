import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The codes of API.md, plus what the transport adds. */
export type ErrorCode =
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX' | 'PAYLOAD_TOO_LARGE' | 'GRAPHQL_VALIDATION_FAILED' | 'NETWORK' | 'UNKNOWN'
  /** A read sent with `x-consistent-with` came before the read side had the write (the write itself is saved). */
  | 'CONSISTENCY_TIMEOUT';

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /** BAD_USER_INPUT: the input field at fault. */
  readonly field?: string;
  /** CONFLICT: the version the server holds. */
  readonly currentVersion?: number;
}

interface GraphQLErrorLike {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

/** The first error of a GraphQL answer or a transport failure, as a value the UI can act on. */
export function apiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  const errors: readonly GraphQLErrorLike[] | undefined = CombinedGraphQLErrors.is(error)
    ? error.errors
    : hasErrors(error) ? error.errors : undefined;
  const first = errors?.[0];
  if (!first) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return { code: 'NETWORK', message: offline ? 'You are offline.' : 'The server could not be reached.' };
  }
  const ext = first.extensions ?? {};
  const code = typeof ext['code'] === 'string' ? (ext['code'] as ErrorCode) : 'UNKNOWN';
  const field = typeof ext['field'] === 'string' ? ext['field'] : undefined;
  const currentVersion = typeof ext['currentVersion'] === 'number' ? ext['currentVersion'] : undefined;
  return {
    code,
    message: first.message,
    ...(field !== undefined ? { field } : {}),
    ...(currentVersion !== undefined ? { currentVersion } : {}),
  };
}

/** True when the server does not (yet) have a field this client asks for: the feature is not deployed. */
export function isFeatureUnavailable(error: ApiError): boolean {
  return error.code === 'GRAPHQL_VALIDATION_FAILED' && /Cannot query field|Unknown type/.test(error.message);
}

/** A failure on the way (network, server busy or down) that the same request may get past later; any other is an answer. */
export function isTransient(error: ApiError): boolean {
  return error.code === 'NETWORK' || error.code === 'RATE_LIMITED' || error.code === 'UNKNOWN';
}

/** What to tell a person. */
export function describeError(error: ApiError): string {
  switch (error.code) {
    case 'NETWORK': return `${error.message} Check your connection; we will keep trying.`;
    case 'UNAUTHENTICATED': return 'Your session has ended. Please sign in again.';
    case 'RATE_LIMITED': return 'Too many attempts. Please wait a little and try again.';
    case 'NOT_FOUND': return 'This item does not exist or was deleted.';
    case 'CONFLICT': return 'This was changed somewhere else.';
    // Shown only if reading again kept failing (core/read-your-writes.ts asks again first): the change is not lost.
    case 'CONSISTENCY_TIMEOUT': return 'Your change is saved; it is taking longer than usual to show here. Reload in a moment to see it.';
    case 'GRAPHQL_VALIDATION_FAILED':
      return isFeatureUnavailable(error) ? 'This feature is not available on this server yet.' : error.message;
    default: return error.message || 'Something went wrong.';
  }
}

function hasErrors(value: unknown): value is { errors: GraphQLErrorLike[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { errors?: unknown }).errors);
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && !(value instanceof Error)
    && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { message?: unknown }).message === 'string';
}
