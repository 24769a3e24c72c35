import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { isApiErrorCode, type ApiError, type ApiErrorCode } from './api-error.js';

// Both directions of the API error <-> gRPC status mapping, in one file so they cannot drift
// (command.proto documents the same table for readers of the contract).

/** Trailing metadata keys an error carries besides its status. */
export const errorTrailers = {
  code: 'error-code',
  field: 'field',
  currentVersion: 'current-version',
  retryAfterMs: 'retry-after-ms',
} as const;

/** The status an API error travels as. `error-code` disambiguates codes that share one. */
const statusOfCode: Record<ApiErrorCode, status> = {
  BAD_USER_INPUT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  CONFLICT: status.ABORTED,
  RATE_LIMITED: status.RESOURCE_EXHAUSTED,
  FORBIDDEN: status.PERMISSION_DENIED,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  // grpc-js itself answers an oversized message with RESOURCE_EXHAUSTED.
  PAYLOAD_TOO_LARGE: status.RESOURCE_EXHAUSTED,
  UNAVAILABLE: status.UNAVAILABLE,
  TIMEOUT: status.DEADLINE_EXCEEDED,
  INTERNAL_SERVER_ERROR: status.INTERNAL,
};

/** The API code of a status that came without an `error-code` trailer (another server, or grpc-js itself). */
function codeOfStatus(code: status, details: string, hasCurrentVersion: boolean): ApiErrorCode {
  switch (code) {
    case status.INVALID_ARGUMENT:
    case status.OUT_OF_RANGE:
      return 'BAD_USER_INPUT';
    case status.NOT_FOUND:
      return 'NOT_FOUND';
    case status.ABORTED:
    case status.ALREADY_EXISTS:
      return 'CONFLICT';
    case status.FAILED_PRECONDITION:
      return hasCurrentVersion ? 'CONFLICT' : 'BAD_USER_INPUT';
    case status.RESOURCE_EXHAUSTED:
      return /larger than max/i.test(details) ? 'PAYLOAD_TOO_LARGE' : 'RATE_LIMITED';
    case status.PERMISSION_DENIED:
      return 'FORBIDDEN';
    case status.UNAUTHENTICATED:
      return 'UNAUTHENTICATED';
    case status.UNAVAILABLE:
      return 'UNAVAILABLE';
    case status.DEADLINE_EXCEEDED:
      return 'TIMEOUT';
    default:
      return 'INTERNAL_SERVER_ERROR';
  }
}

/**
 * Messages of transport failures name hosts and ports; a GraphQL client gets these instead unless the
 * server chose the message itself (it sent `error-code`).
 */
const genericMessages: Partial<Record<ApiErrorCode, string>> = {
  UNAVAILABLE: 'The service is unavailable, try again',
  TIMEOUT: 'The service did not answer in time',
  INTERNAL_SERVER_ERROR: 'Internal error',
};

/** Server side: the error to pass to a unary handler's callback (or to throw from a promise handler). */
export function toServiceError(error: ApiError): ServiceError {
  const metadata = new Metadata();
  metadata.set(errorTrailers.code, error.code);
  if (error.field !== undefined) metadata.set(errorTrailers.field, error.field);
  if (error.currentVersion !== undefined) metadata.set(errorTrailers.currentVersion, String(error.currentVersion));
  if (error.retryAfterMs !== undefined) metadata.set(errorTrailers.retryAfterMs, String(error.retryAfterMs));
  return Object.assign(new Error(error.message), { code: statusOfCode[error.code], details: error.message, metadata });
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof Error && typeof (error as Partial<ServiceError>).code === 'number' &&
    (error as Partial<ServiceError>).metadata instanceof Metadata;
}

/** Client side: what a failed call means in the API's words. Anything that is not a gRPC error is internal. */
export function fromServiceError(error: unknown): ApiError {
  if (!isServiceError(error)) return { code: 'INTERNAL_SERVER_ERROR', message: genericMessages.INTERNAL_SERVER_ERROR! };
  const trailer = (key: string) => {
    const value = error.metadata.get(key)[0];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const currentVersion = toCount(trailer(errorTrailers.currentVersion));
  const sent = trailer(errorTrailers.code);
  const code = isApiErrorCode(sent) ? sent : codeOfStatus(error.code, error.details, currentVersion !== undefined);
  const message = (sent === undefined ? genericMessages[code] : undefined) ?? error.details;
  const result: ApiError = { code, message };
  const field = trailer(errorTrailers.field);
  if (field !== undefined) result.field = field;
  if (currentVersion !== undefined) result.currentVersion = currentVersion;
  const retryAfterMs = toCount(trailer(errorTrailers.retryAfterMs));
  if (retryAfterMs !== undefined) result.retryAfterMs = retryAfterMs;
  return result;
}

function toCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
