import type { AnyEvent } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import { describeError } from './dead-letters/dead-letter-store.js';
import { failureKind } from './failure-kind.js';
import type { ProjectorMetrics } from './projector-metrics.js';

/**
 * Counts the failed attempts of events that fail alone, and decides when one is poison: after
 * `maxAttempts` failures that are neither a version gap nor transient (the log's exponential backoff runs
 * between attempts). Counts live in memory: a restart or a rebalance grants an event a few more attempts.
 */
export class PoisonTracker {
  private readonly attempts = new Map<string, number>();
  private readonly condemned = new Map<string, { error: string; attempts: number }>();

  constructor(
    private readonly projection: string,
    private readonly maxAttempts: number,
    private readonly metrics: ProjectorMetrics,
    private readonly log: Logger,
  ) {}

  /** After `event` failed on its own: true when it is to be parked now (the chunk is then retried and parks it). */
  failed(event: AnyEvent, error: unknown, source: string): boolean {
    const kind = failureKind(error);
    this.metrics.failures.inc({ projection: this.projection, reason: kind === 'poison' ? 'error' : kind });
    const context = {
      err: error, projection: this.projection, source, eventId: event.eventId, eventType: event.eventType,
      aggregateId: event.aggregateId, aggregateVersion: event.aggregateVersion, correlationId: event.correlationId,
    };
    if (kind === 'gap') {
      this.log.warn(context, 'event ahead of its aggregate (version gap): never parked; the log retries with backoff');
      return false;
    }
    if (kind === 'transient') {
      this.log.warn(context, 'projection failed (transient: database, network or race); the log retries with backoff');
      return false;
    }
    if (this.condemned.has(event.eventId)) {
      this.log.warn(context, 'parking the event failed; the log retries with backoff');
      return false;
    }
    // Events another member finished after a rebalance are never forgotten here: bound the memory.
    if (this.attempts.size > 10_000) this.attempts.clear();
    const attempts = (this.attempts.get(event.eventId) ?? 0) + 1;
    this.attempts.set(event.eventId, attempts);
    if (attempts < this.maxAttempts) {
      this.log.warn({ ...context, attempt: attempts, maxAttempts: this.maxAttempts }, `projection failed (attempt ${attempts} of ${this.maxAttempts}); the log retries with backoff`);
      return false;
    }
    this.condemned.set(event.eventId, { error: describeError(error), attempts });
    this.log.error(
      { ...context, attempts },
      `event failed ${attempts} times: parking it as a dead letter; later events of aggregate ${event.aggregateId} are parked behind it until a redrive, every other aggregate goes on`,
    );
    return true;
  }

  /** The failure to record when `event` was condemned, else undefined (apply it). */
  condemnation(event: AnyEvent): { error: string; attempts: number } | undefined {
    return this.condemned.get(event.eventId);
  }

  /** The events are finished (applied, skipped or parked): forget them. */
  finished(events: readonly AnyEvent[]): void {
    if (this.attempts.size === 0 && this.condemned.size === 0) return;
    for (const { eventId } of events) {
      this.attempts.delete(eventId);
      this.condemned.delete(eventId);
    }
  }
}
