import Anthropic, { AnthropicError, APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import type { Logger } from '../logger.js';
import { closedBreaker, recordFailure, recordSuccess, requestThrough, type BreakerPolicy, type BreakerState } from './circuit-breaker.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { parseRetryAfter, retryDelay, type RetryPolicy } from './retry-schedule.js';

export const defaultClaudeModel = 'claude-sonnet-4-5';

export interface ClaudeCallerOptions {
  readonly apiKey: string;
  /** The Messages API's base URL; tests point it at `@mindflow/testing`'s local Messages API. */
  readonly baseURL?: string;
  readonly model?: string;
  /** Time limit of one HTTP call. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly breaker?: Partial<BreakerPolicy>;
  /** Calls in flight at once through this caller. */
  readonly concurrency?: number;
  readonly log: Logger;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A reply that does not say what was asked (not JSON, not the schema): not retried, the caller falls back. */
export class MalformedReplyError extends Error {
  constructor(detail: string) {
    super(`malformed reply: ${detail}`);
    this.name = 'MalformedReplyError';
  }
}

/** A call that gave up: `reason` is a short code fit for logs and events (never a prompt or a reply). */
export class ClaudeCallFailedError extends Error {
  constructor(
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(`Claude call failed after ${attempts} attempt(s): ${reason}`);
    this.name = 'ClaudeCallFailedError';
  }
}

export interface ClaudeCaller {
  /** The model every call names (what `generatedBy` says). */
  readonly model: string;
  /**
   * Runs `request` with the SDK client through the breaker, the concurrency cap and the retries; throws
   * ClaudeCallFailedError when it gives up (breaker open: reason `circuit-open`, no call made).
   */
  call<T>(request: (client: Anthropic, model: string) => Promise<T>): Promise<T>;
  /** The breaker's state (metrics, tests). */
  breakerState(): BreakerState;
  inFlight(): number;
}

const defaultRetry: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };
const defaultBreaker: BreakerPolicy = { failureThreshold: 5, openMs: 60_000 };

/**
 * Claude through the official SDK, made resilient once for every service that calls it (insights' analyses,
 * notifications' weekly reflections). The SDK's own retries are off: this retries (exponential backoff with full
 * jitter, honouring `retry-after`) so that every attempt passes the circuit breaker and the concurrency cap.
 * Logs carry status codes and reasons, never a prompt or a reply.
 */
export function createClaudeCaller(options: ClaudeCallerOptions): ClaudeCaller {
  const model = options.model ?? defaultClaudeModel;
  const retry = { ...defaultRetry, ...options.retry };
  const breakerPolicy = { ...defaultBreaker, ...options.breaker };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limit = new ConcurrencyLimit(options.concurrency ?? 4);
  const client = new Anthropic({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs ?? 20_000,
    maxRetries: 0,
  });
  let breaker: BreakerState = closedBreaker;
  const log = options.log.child({ model });

  async function call<T>(request: (client: Anthropic, model: string) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const gate = requestThrough(breaker, now(), breakerPolicy);
      breaker = gate.state;
      if (!gate.allowed) throw new ClaudeCallFailedError('circuit-open', attempt - 1 || 1);
      try {
        const result = await limit.run(() => request(client, model));
        breaker = recordSuccess(breaker);
        return result;
      } catch (error) {
        breaker = recordFailure(breaker, now(), breakerPolicy);
        const failure = classify(error, now());
        log.warn({ attempt, reason: failure.reason, status: failure.status, breaker: breaker.kind }, 'Claude call failed');
        const wait = failure.retryable ? retryDelay(attempt, retry, random(), failure.retryAfterMs) : null;
        if (wait === null) throw new ClaudeCallFailedError(failure.reason, attempt);
        await sleep(wait);
      }
    }
  }

  return { model, call, breakerState: () => breaker, inFlight: () => limit.inFlight };
}

interface Failure {
  readonly reason: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;
}

/** `instanceof APIError` alone narrows to APIError<any, any, any>; the SDK's defaults are what it throws. */
const isApiError = (error: unknown): error is APIError => error instanceof APIError;

/** The SDK's structured-output helpers (`messages.parse`) throw this when the reply is not JSON or not the schema. */
const isUnparsedOutput = (error: unknown): boolean =>
  error instanceof AnthropicError && !(error instanceof APIError) && /Failed to parse structured output/.test(error.message);

function classify(error: unknown, now: number): Failure {
  if (error instanceof MalformedReplyError || isUnparsedOutput(error)) return { reason: 'malformed-reply', retryable: false };
  if (error instanceof APIConnectionTimeoutError) return { reason: 'timeout', retryable: true };
  if (error instanceof APIConnectionError) return { reason: 'connection', retryable: true };
  if (isApiError(error) && error.status !== undefined) {
    const status = error.status;
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    const headers = error.headers;
    const ms = headers?.get('retry-after-ms');
    const retryAfterMs = ms && /^\d+$/.test(ms) ? Number(ms) : parseRetryAfter(headers?.get('retry-after'), now);
    return { reason: status === 429 ? 'rate-limited' : `http-${status}`, retryable, status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  return { reason: 'unexpected', retryable: false };
}
