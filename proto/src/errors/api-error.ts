/**
 * The error vocabulary of the public API (API.md `extensions.code`) plus the two transport outcomes a
 * caller may retry. Both sides of gRPC speak it: the command and identity services raise these, the
 * subgraphs turn them into GraphQL errors.
 */
export const apiErrorCodes = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE',
  'TIMEOUT',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** BAD_USER_INPUT: the input field at fault, camelCase as in API.md (e.g. "name", "expectedVersion"). */
  field?: string;
  /** CONFLICT: the aggregate's version now, so a client can refetch and retry. */
  currentVersion?: number;
  /** RATE_LIMITED: how long to wait before retrying, when known. */
  retryAfterMs?: number;
}

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (apiErrorCodes as readonly string[]).includes(value);
}

/** Whether a thrown value is an ApiError (a plain object or an Error carrying `code` and `message`). */
export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ApiError>;
  return isApiErrorCode(candidate.code) && typeof candidate.message === 'string';
}
