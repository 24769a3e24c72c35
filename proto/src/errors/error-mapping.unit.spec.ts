import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { apiErrorCodes, fromServiceError, toServiceError, type ApiError } from '../index.js';

/** What a client sees of a status: the same fields, and the trailers it was sent with. */
function received(code: status, details: string, trailers: Record<string, string> = {}): ServiceError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata });
}

describe('API error -> gRPC status (server side)', () => {
  it.each([
    ['BAD_USER_INPUT', status.INVALID_ARGUMENT],
    ['NOT_FOUND', status.NOT_FOUND],
    ['CONFLICT', status.ABORTED],
    ['RATE_LIMITED', status.RESOURCE_EXHAUSTED],
    ['FORBIDDEN', status.PERMISSION_DENIED],
    ['UNAUTHENTICATED', status.UNAUTHENTICATED],
    ['PAYLOAD_TOO_LARGE', status.RESOURCE_EXHAUSTED],
    ['UNAVAILABLE', status.UNAVAILABLE],
    ['TIMEOUT', status.DEADLINE_EXCEEDED],
    ['INTERNAL_SERVER_ERROR', status.INTERNAL],
  ] as const)('%s travels as status %i', (code, expected) => {
    const error = toServiceError({ code, message: 'm' });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(expected);
    expect(error.details).toBe('m');
    expect(error.metadata.get('error-code')).toEqual([code]);
  });

  it('puts field, current version and retry delay in trailers', () => {
    const error = toServiceError({ code: 'CONFLICT', message: 'stale', field: 'expectedVersion', currentVersion: 7, retryAfterMs: 0 });
    expect(error.metadata.getMap()).toEqual({
      'error-code': 'CONFLICT', field: 'expectedVersion', 'current-version': '7', 'retry-after-ms': '0',
    });
  });
});

describe('gRPC status -> API error (client side)', () => {
  it('gives back exactly what the server raised, for every code', () => {
    for (const code of apiErrorCodes) {
      const raised: ApiError = { code, message: `about ${code}`, field: 'name', currentVersion: 3, retryAfterMs: 1500 };
      const sent = toServiceError(raised);
      expect(fromServiceError(received(sent.code, sent.details, sent.metadata.getMap() as Record<string, string>)))
        .toEqual(raised);
    }
  });

  it.each([
    [status.INVALID_ARGUMENT, {}, 'BAD_USER_INPUT'],
    [status.OUT_OF_RANGE, {}, 'BAD_USER_INPUT'],
    [status.NOT_FOUND, {}, 'NOT_FOUND'],
    [status.ABORTED, {}, 'CONFLICT'],
    [status.ALREADY_EXISTS, {}, 'CONFLICT'],
    [status.FAILED_PRECONDITION, { 'current-version': '4' }, 'CONFLICT'],
    [status.FAILED_PRECONDITION, {}, 'BAD_USER_INPUT'],
    [status.RESOURCE_EXHAUSTED, {}, 'RATE_LIMITED'],
    [status.PERMISSION_DENIED, {}, 'FORBIDDEN'],
    [status.UNAUTHENTICATED, {}, 'UNAUTHENTICATED'],
    [status.UNAVAILABLE, {}, 'UNAVAILABLE'],
    [status.DEADLINE_EXCEEDED, {}, 'TIMEOUT'],
    [status.UNIMPLEMENTED, {}, 'INTERNAL_SERVER_ERROR'],
    [status.UNKNOWN, {}, 'INTERNAL_SERVER_ERROR'],
  ] as const)('status %i %o without error-code is %s', (code, trailers, expected) => {
    expect(fromServiceError(received(code, 'd', trailers)).code).toBe(expected);
  });

  it('keeps a field error\'s field and a conflict\'s current version from a status-only server', () => {
    expect(fromServiceError(received(status.INVALID_ARGUMENT, 'too long', { field: 'title' })))
      .toEqual({ code: 'BAD_USER_INPUT', message: 'too long', field: 'title' });
    expect(fromServiceError(received(status.FAILED_PRECONDITION, 'moved on', { 'current-version': '12' })))
      .toEqual({ code: 'CONFLICT', message: 'moved on', currentVersion: 12 });
  });

  it('recognises grpc-js refusing an oversized message', () => {
    const error = received(status.RESOURCE_EXHAUSTED, 'Received message larger than max (5000000 vs. 4194304)');
    expect(fromServiceError(error).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('does not pass on transport details that name hosts', () => {
    const error = received(status.UNAVAILABLE, 'No connection established. Last error: connect ECONNREFUSED 10.0.0.5:50051');
    expect(fromServiceError(error)).toEqual({ code: 'UNAVAILABLE', message: 'The service is unavailable, try again' });
  });

  it('ignores malformed numeric trailers and unknown error codes', () => {
    const error = received(status.ABORTED, 'stale', { 'current-version': 'seven', 'error-code': 'TEAPOT' });
    expect(fromServiceError(error)).toEqual({ code: 'CONFLICT', message: 'stale' });
  });

  it('treats anything that is not a gRPC error as internal', () => {
    expect(fromServiceError(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' });
    expect(fromServiceError('boom').code).toBe('INTERNAL_SERVER_ERROR');
  });
});
