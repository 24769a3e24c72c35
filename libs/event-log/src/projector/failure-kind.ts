import { VersionGapError } from './version-decision.js';

/**
 * How the runtime reacts to an event that failed on its own (its chunk halved down to it):
 * - `gap`: an earlier version has not been applied: retried with backoff, never parked (the log will
 *   deliver the missing event, or something upstream is broken and must be seen, not hidden);
 * - `transient`: the read DB, the object store (S3 busy or down), the network or a race (deadlock, serialization, a lost connection, another
 *   member, a fenced checkpoint, the dead-letter topic) failed, not the event: retried forever with backoff;
 * - `poison`: anything else — the handler threw or SQL refused the data: counted, parked after N attempts.
 */
export type FailureKind = 'gap' | 'transient' | 'poison';

/** A failure of the surroundings rather than of the event (thrown where the runtime knows it). */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

// SQLSTATE classes: 08 connection, 40 rollback (deadlock, serialization), 53 resources, 57 operator
// intervention (shutdown, cancel), 58 system I/O; 55P03 lock not available, 55006 object in use.
const transientSqlState = /^(08|40|53|57|58)|^55P03$|^55006$/;
const transientNodeCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const transientNames = new Set(['TransientError', 'CheckpointMovedError', 'ConcurrentProjectionError']);
const transientMessage = /Connection terminated|Connection ended|timeout exceeded when trying to connect|Client has encountered a connection error|database system is (starting up|shutting down)/i;

// An object store (S3 and its likes through the AWS SDK v3) that is busy or down: the service's error names, an
// error the SDK marks `$retryable` (throttling, transient), or an HTTP 5xx / 429 answer.
const transientObjectStoreNames = new Set([
  'SlowDown', 'ServiceUnavailable', 'InternalError', 'RequestTimeout', 'RequestTimeTooSkewed', 'Throttling', 'ThrottlingException',
  'TooManyRequestsException', 'RequestThrottled', 'RequestThrottledException', 'RequestTimeoutException', 'TimeoutError', 'NetworkingError',
]);

function isTransientObjectStoreError(error: Error): boolean {
  if (transientObjectStoreNames.has(error.name)) return true;
  const { $retryable, $metadata } = error as { $retryable?: unknown; $metadata?: { httpStatusCode?: unknown } };
  if ($retryable) return true;
  const status = $metadata?.httpStatusCode;
  return typeof status === 'number' && (status >= 500 || status === 429);
}

export function failureKind(error: unknown): FailureKind {
  if (error instanceof VersionGapError) return 'gap';
  return isTransient(error, 0) ? 'transient' : 'poison';
}

function isTransient(error: unknown, depth: number): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (transientNames.has(error.name)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (transientNodeCodes.has(code) || (/^[0-9A-Z]{5}$/.test(code) && transientSqlState.test(code)))) return true;
  if (transientMessage.test(error.message)) return true;
  if (isTransientObjectStoreError(error)) return true;
  return isTransient(error.cause, depth + 1);
}
