import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import type { Logger } from '@mindflow/platform';
import { AnalysisFailedError, type EntryAnalyzer } from '../../application/entry-analyzer.js';
import type { Analysis, EntryText } from '../../domain/analysis/insights.js';
import { closedBreaker, recordFailure, recordSuccess, requestThrough, type BreakerPolicy, type BreakerState } from '../../domain/policies/circuit-breaker.js';
import { parseRetryAfter, retryDelay, type RetryPolicy } from '../../domain/policies/retry-schedule.js';
import { MalformedReplyError, parseClaudeReply } from './claude-reply.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { entryMessage, systemPrompt } from './prompt.js';

export const defaultClaudeModel = 'claude-sonnet-4-5';

export interface ClaudeAnalyzerOptions {
  readonly apiKey: string;
  /** The Messages API's base URL; tests point it at `test/fake-messages-api.ts`. */
  readonly baseURL?: string;
  readonly model?: string;
  /** Time limit of one HTTP call. */
  readonly timeoutMs?: number;
  readonly maxTokens?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly breaker?: Partial<BreakerPolicy>;
  /** Calls in flight at once, across all entries. */
  readonly concurrency?: number;
  readonly log: Logger;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface ClaudeEntryAnalyzer extends EntryAnalyzer {
  /** The breaker's state (metrics, tests). */
  breakerState(): BreakerState;
  inFlight(): number;
}

const defaultRetry: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };
const defaultBreaker: BreakerPolicy = { failureThreshold: 5, openMs: 60_000 };

/**
 * Claude through the official SDK. The SDK's own retries are off: this adapter retries (exponential
 * backoff with jitter, honouring `retry-after`) so that every attempt passes the circuit breaker and the
 * concurrency cap. Logs carry status codes and reasons, never the entry or the reply.
 */
export function createClaudeEntryAnalyzer(options: ClaudeAnalyzerOptions): ClaudeEntryAnalyzer {
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
  const log = options.log.child({ analyzer: model });

  async function callOnce(entry: EntryText): Promise<Analysis> {
    const message = await client.messages.create({
      model,
      max_tokens: options.maxTokens ?? 800,
      system: systemPrompt,
      messages: [{ role: 'user', content: entryMessage(entry) }],
    });
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    return parseClaudeReply(text);
  }

  async function analyze(entry: EntryText): Promise<Analysis> {
    for (let attempt = 1; ; attempt += 1) {
      const gate = requestThrough(breaker, now(), breakerPolicy);
      breaker = gate.state;
      if (!gate.allowed) throw new AnalysisFailedError('circuit-open', attempt - 1 || 1);
      try {
        const analysis = await limit.run(() => callOnce(entry));
        breaker = recordSuccess(breaker);
        return analysis;
      } catch (error) {
        breaker = recordFailure(breaker, now(), breakerPolicy);
        const failure = classify(error, now());
        log.warn({ attempt, reason: failure.reason, status: failure.status, breaker: breaker.kind }, 'Claude call failed');
        const wait = failure.retryable ? retryDelay(attempt, retry, random(), failure.retryAfterMs) : null;
        if (wait === null) throw new AnalysisFailedError(failure.reason, attempt);
        await sleep(wait);
      }
    }
  }

  return { name: model, analyze, breakerState: () => breaker, inFlight: () => limit.inFlight };
}

interface Failure {
  readonly reason: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;
}

/** `instanceof APIError` alone narrows to APIError<any, any, any>; the SDK's defaults are what it throws. */
const isApiError = (error: unknown): error is APIError => error instanceof APIError;

function classify(error: unknown, now: number): Failure {
  if (error instanceof MalformedReplyError) return { reason: 'malformed-reply', retryable: false };
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
