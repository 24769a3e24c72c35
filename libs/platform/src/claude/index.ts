// Claude, resilient (`@mindflow/platform/claude`): one SDK client per caller behind retries with backoff and jitter,
// a circuit breaker and a concurrency cap, and the per-user daily budget's day. Insights' analyses and the
// notifications service's weekly reflections both call Claude through it.
export { ClaudeCallFailedError, createClaudeCaller, defaultClaudeModel, MalformedReplyError, type ClaudeCaller, type ClaudeCallerOptions } from './claude-caller.js';
export { closedBreaker, recordFailure, recordSuccess, requestThrough, type BreakerPolicy, type BreakerState } from './circuit-breaker.js';
export { parseRetryAfter, retryDelay, type RetryPolicy } from './retry-schedule.js';
export { ConcurrencyLimit } from './concurrency-limit.js';
export { budgetDay, withinDailyBudget } from './daily-budget.js';
