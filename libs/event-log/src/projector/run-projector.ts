import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import type { DeadLetter, UnreadableMessage } from '../dead-letter.js';
import type { EventBatch, EventLog, Subscription } from '../event-log.js';
import { applyEvents } from './apply-events.js';
import { applyInTrace } from './apply-in-trace.js';
import { insertDeadLetters, prepareDeadLetters } from './dead-letters/dead-letter-store.js';
import { letterOfEvent, letterOfUnreadable } from './dead-letters/letters.js';
import { TransientError } from './failure-kind.js';
import { defaultCaughtUpPolicy, LagMonitor, type CaughtUpPolicy, type LagReading } from './lag-monitor.js';
import { PoisonTracker } from './poison-tracker.js';
import { applyHandlers, ChunkSettlement, commutativeKeysOf, handledEventTypes, sharedKeysOf, type ReadModel } from './projection-handlers.js';
import { currentSchema, lockProjection, lockProjectionAndKeys, projectionLockKey } from './projection-lock.js';
import { ChunkVersions } from './projection-versions.js';
import { projectorMetrics, trackLag } from './projector-metrics.js';
import { VersionGapError } from './version-decision.js';

export interface ProjectorOptions {
  /** The projection's name: its `projection_versions` key and, unless `group` says otherwise, its consumer group. */
  readonly name: string;
  readonly eventLog: EventLog;
  /**
   * The read DB, which holds the read models, `projection_versions` and `dead_letters`, in the schema its
   * connections resolve unqualified names to (a rebuild points it at its own schema).
   */
  readonly readPool: Pool;
  /** The read models kept by this projection; their handlers decide which streams it follows. */
  readonly readModels: readonly ReadModel[];
  readonly log: Logger;
  readonly group?: string;
  /** A new projection starts from the beginning of the log (a rebuild); default true. */
  readonly fromBeginning?: boolean;
  /** Events per read-DB transaction (at most); a failing chunk is retried in halves. Default `defaultChunkSize`. */
  readonly chunkSize?: number;
  /**
   * Apply a chunk's events of one type with the read models' batch handlers (one statement per read model
   * instead of one per event); default true. False applies every event one by one (the reference path).
   */
  readonly setBased?: boolean;
  readonly metrics?: Registry;
  /**
   * Attempts of an event that fails on its own (not a version gap, not transient), with the log's
   * exponential backoff between them, before it is parked with its aggregate's later events. Default 5.
   */
  readonly maxAttempts?: number;
  /** When the projector counts as caught up (readiness). */
  readonly caughtUp?: Partial<CaughtUpPolicy>;
}

export interface Projector {
  ready(): Promise<void>;
  /** Events in the log not yet committed by the projection's group. */
  lag(): Promise<number>;
  /** A fresh reading of the lag in events and milliseconds. */
  measureLag(): Promise<LagReading>;
  /** Not far behind (see CaughtUpPolicy); false until the first reading (taken from subscribing on). */
  isCaughtUp(): boolean;
  /** Events waiting and none finished for longer than `CaughtUpPolicy.maxStallMs`: not live. */
  isStalled(): boolean;
  /**
   * Stops applying at once: resolves when no projection transaction is in flight, and none starts after
   * (batches at hand wait for `stop`, undone). Quick, unlike leaving a Kafka group; `stop` must follow.
   */
  pause(): Promise<void>;
  stop(): Promise<void>;
}

type Outcome = 'applied' | 'duplicate' | 'parked';

/**
 * Events per projection transaction unless configured (PROJECTOR_CHUNK_SIZE). A projection with set-based
 * read models gains from larger chunks (the query projector defaults to 500: BENCHMARKS.md §3).
 */
export const defaultChunkSize = 100;

/**
 * Keeps read models up to date from the event log with exactly-once effects: every event is applied in a
 * read-DB transaction that also advances `projection_versions`, so a redelivered event is recognised and
 * skipped, and an event ahead of its aggregate's next version fails (and is retried) instead of being
 * applied out of order. The log's position is committed only after that transaction.
 * An event that keeps failing is parked in `dead_letters` (and the dead-letter topic) with every later
 * event of its aggregate, and the projection goes on with every other aggregate.
 */
export async function runProjector(options: ProjectorOptions): Promise<Projector> {
  const { name, readPool, readModels, eventLog } = options;
  const registry = options.metrics ?? new Registry();
  const metrics = projectorMetrics(registry);
  const chunkSize = options.chunkSize ?? defaultChunkSize;
  // Without any batch handler, events keep their log order (nothing to gain from grouping them).
  const setBased = (options.setBased ?? true) && readModels.some((model) => model.batchHandlers);
  await prepareDeadLetters(readPool);
  const schema = await currentSchema(readPool);
  const lockKey = projectionLockKey(name, schema);
  const log = options.log.child({ projection: name, schema });
  const poison = new PoisonTracker(name, options.maxAttempts ?? 5, metrics, log);
  const gate = new ProjectionGate();
  // Created before subscribing (the first batch may arrive before `subscribe` returns); it asks the
  // subscription only once started, when `subscribe` has returned.
  const late: { subscription?: Subscription } = {};
  const monitor = new LagMonitor(
    () => (late.subscription!.memberLag ? late.subscription!.memberLag() : late.subscription!.lag()),
    { ...defaultCaughtUpPolicy, ...options.caughtUp },
    log,
  );

  async function publish(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0 || !eventLog.publishDeadLetters) return;
    try {
      await eventLog.publishDeadLetters(name, letters);
    } catch (error) {
      throw new TransientError('cannot publish to the dead-letter topic', { cause: error });
    }
  }

  /** The event's fate by its version gate and its aggregate's dead letters; events to apply join `applying`. */
  function admit(versions: ChunkVersions, event: AnyEvent, letters: DeadLetter[], applying: AnyEvent[]): Outcome {
    const decision = versions.decide(event.aggregateId, event.aggregateVersion);
    if (decision.kind === 'duplicate') return 'duplicate';
    if (versions.isParked(event.aggregateId)) {
      letters.push(letterOfEvent(event, 'held', 'held behind an earlier parked event of its aggregate', 0));
      return 'parked';
    }
    if (decision.kind === 'gap') throw new VersionGapError(name, event.aggregateId, decision.expected, event.aggregateVersion);
    const condemned = poison.condemnation(event);
    if (condemned) {
      versions.park(event.aggregateId);
      letters.push(letterOfEvent(event, 'poison', condemned.error, condemned.attempts));
      return 'parked';
    }
    // Types nobody handles still advance the version: the next event of this aggregate must not look like a gap.
    versions.advance(event.aggregateId, event.aggregateVersion);
    applying.push(event);
    return 'applied';
  }

  async function projectChunk(tx: PoolClient, batch: EventBatch, chunk: readonly AnyEvent[], lastIndex: number) {
    // A condemned event's keys are not asked for: computing them may be what fails. The set-based path takes
    // commutative keys shared (its batch handlers defer shared rows to `settlement`); one by one, exclusively.
    const keyed = chunk.filter((e) => !poison.condemnation(e));
    const exclusive = sharedKeysOf(readModels, keyed, `${schema}:`);
    const commuting = commutativeKeysOf(readModels, keyed, `${schema}:`);
    if (setBased) await lockProjectionAndKeys(tx, lockKey, exclusive, commuting);
    else await lockProjectionAndKeys(tx, lockKey, [...exclusive, ...commuting]);
    const versions = await ChunkVersions.lock(tx, name, chunk.map((e) => e.aggregateId));
    const letters: DeadLetter[] = [];
    const applying: AnyEvent[] = [];
    // Every version gate is decided first (they depend on versions alone), then the admitted events are
    // applied: set-based where read models can, or one by one in log order.
    const outcomes = chunk.map((event) => admit(versions, event, letters, applying));
    const settlement = new ChunkSettlement();
    if (setBased) await applyEvents(name, readModels, applying, tx, log, settlement);
    else for (const event of applying) await applyInTrace(name, event, log, () => applyHandlers(readModels, event, tx));
    // Readers waiting for these versions (read-your-writes) hear of them the moment this commits (same round trip).
    await versions.save(tx, applying.length > 0 ? name : undefined);
    if (letters.length > 0) {
      await insertDeadLetters(tx, name, letters);
      await publish(letters); // before the commit: a parked event is always on the topic (at least once)
    }
    await batch.checkpointWithin(tx, lastIndex);
    // Last, right before the commit: the writes to rows other chunks share hold their locks the shortest.
    await settlement.settle(tx);
    return { outcomes, letters };
  }

  function finished(chunk: readonly AnyEvent[], outcomes: readonly Outcome[], letters: readonly DeadLetter[]): void {
    const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
    metrics.applied.inc({ projection: name }, count('applied'));
    metrics.duplicates.inc({ projection: name }, count('duplicate'));
    for (const letter of letters) {
      metrics.parked.inc({ projection: name, reason: letter.reason });
      if (letter.reason === 'held') {
        log.warn({ aggregateId: letter.aggregateId, aggregateVersion: letter.aggregateVersion, eventType: letter.eventType, eventId: letter.eventId },
          'event parked behind an earlier dead letter of its aggregate');
      }
    }
    poison.finished(chunk);
    for (const event of chunk) monitor.finished(event.occurredAt);
  }

  async function handle(batch: EventBatch): Promise<void> {
    let from = 0;
    let size = chunkSize;
    while (from < batch.events.length && batch.active()) {
      const to = Math.min(batch.events.length, from + size);
      const chunk = batch.events.slice(from, to);
      if (!gate.enter()) return gate.stopped; // paused: the rest stays undone, redelivered to whoever comes next
      const timer = metrics.transactionSeconds.startTimer({ projection: name });
      try {
        const { outcomes, letters } = await withTransaction(readPool, (tx) => projectChunk(tx, batch, chunk, to - 1)).finally(() => gate.leave());
        timer();
        batch.done(to - 1);
        finished(chunk, outcomes, letters);
        size = Math.min(chunkSize, size * 2);
        from = to;
      } catch (error) {
        // Retry in halves: a transient failure (a deadlock) costs little, and a failing event (a gap, a
        // poison) is isolated in a few steps with everything before it kept. Success grows the chunk back.
        if (to - from > 1) {
          log.debug({ err: error, source: batch.source, events: to - from }, 'chunk failed; retrying smaller');
          size = Math.max(1, Math.floor((to - from) / 2));
          continue;
        }
        if (poison.failed(batch.events[from]!, error, batch.source)) continue; // condemned: this retry parks it
        throw error;
      }
      // Outside the try: a heartbeat that fails (a rebalance) ends the batch for the log to redeliver; it is no
      // failure of the next event, and must not count towards parking it as poison.
      if (from < batch.events.length) await batch.heartbeat();
    }
  }

  async function parkUnreadable(message: UnreadableMessage): Promise<void> {
    const letter = letterOfUnreadable(message);
    if (!gate.enter()) {
      await gate.stopped;
      throw new Error('projector paused');
    }
    const parked = await withTransaction(readPool, async (tx) => {
      await lockProjection(tx, lockKey, 'shared');
      if (letter.aggregateId && letter.aggregateVersion) {
        const versions = await ChunkVersions.lock(tx, name, [letter.aggregateId]);
        if (versions.decide(letter.aggregateId, letter.aggregateVersion).kind === 'duplicate') return false;
      }
      await insertDeadLetters(tx, name, [letter]);
      await publish([letter]);
      return true;
    }).finally(() => gate.leave());
    const context = { err: message.error, source: message.source, position: message.position, aggregateId: letter.aggregateId, aggregateVersion: letter.aggregateVersion, attempts: message.attempts };
    if (!parked) return log.warn(context, 'unreadable message of a version already applied: skipped as a duplicate');
    metrics.parked.inc({ projection: name, reason: 'unreadable' });
    log.error(context, letter.aggregateId
      ? 'unreadable message parked as a dead letter; later events of its aggregate are parked behind it until a redrive'
      : 'unreadable message parked as a dead letter; no aggregate can be read from it, so nothing is held behind it');
  }

  const subscribed: Subscription = await eventLog.subscribe({
    group: options.group ?? name,
    eventTypes: handledEventTypes(readModels),
    fromBeginning: options.fromBeginning ?? true,
    handle,
    unreadable: { maxAttempts: options.maxAttempts ?? 5, park: parkUnreadable },
  });
  late.subscription = subscribed;
  // Measured from subscribing, not from joining the group: a consumer that never joins (or keeps crashing) while
  // events wait is what liveness must see (isStalled); readiness still asks `ready` first.
  monitor.start();
  const untrack = trackLag(registry, name, (maxAgeMs) => monitor.measure(maxAgeMs));
  return {
    ready: () => subscribed.ready(),
    lag: () => subscribed.lag(),
    measureLag: () => monitor.measure(),
    isCaughtUp: () => monitor.isCaughtUp(),
    isStalled: () => monitor.isStalled(),
    pause: () => gate.pause(),
    async stop() {
      monitor.stop();
      untrack();
      const stopping = subscribed.stop(); // marks the subscription inactive before paused batches return
      gate.stop();
      await stopping;
    },
  };
}

/** Counts projection transactions in flight; once paused, lets none start. */
class ProjectionGate {
  private inFlight = 0;
  private paused = false;
  private idle: (() => void) | undefined;
  private release!: () => void;
  /** Resolves when the projector stops: where paused batches wait. */
  readonly stopped = new Promise<void>((resolve) => (this.release = resolve));

  enter(): boolean {
    if (this.paused) return false;
    this.inFlight += 1;
    return true;
  }

  leave(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.idle?.();
  }

  pause(): Promise<void> {
    this.paused = true;
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => (this.idle = resolve));
  }

  stop(): void {
    this.paused = true;
    this.release();
  }
}
