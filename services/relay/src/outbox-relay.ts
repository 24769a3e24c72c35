import type { Pool } from '@mindflow/db';
import {
  loadOutboxCheckpoint,
  outboxDepth,
  type OutboxWakeup,
  readCommittedOutbox,
  saveOutboxCheckpoint,
  storedEventFromOutboxRow,
  type OutboxPosition,
  type OutboxRow,
} from '@mindflow/event-log';
import { backoffDelay, pause, type BackoffPolicy, type Logger } from '@mindflow/platform';
import type { EventPublisher } from './kafka-publisher.js';
import { pruneOutbox } from './outbox-pruner.js';
import { publishInTrace } from './publish-spans.js';
import { awaitLeadership, type Leadership } from './relay-leadership.js';
import type { RelayMetrics } from './relay-metrics.js';

export interface OutboxRelayOptions {
  readonly pool: Pool;
  readonly databaseUrl: string;
  readonly publisher: EventPublisher;
  /** Wakes the relay when rows commit (`LISTEN outbox`), its poll interval the fallback. */
  readonly signal: OutboxWakeup;
  readonly metrics: RelayMetrics;
  readonly log: Logger;
  readonly batchSize: number;
  readonly lockRetryMs: number;
  /** Names the checkpoint row and the leader lock. */
  readonly name: string;
  /** The service whose outbox this is: the events' `source`. */
  readonly source: string;
  /** Pruning of published rows by the leader: older than `retentionMs`, every `everyMs`. Absent: never. */
  readonly prune?: { readonly retentionMs: number; readonly everyMs: number };
}

/** After a failed batch: 0.5 s, doubling up to 30 s (no jitter: one leader retries, no herd). */
const failureBackoff: BackoffPolicy = { initialMs: 500, maxMs: 30_000, jitter: 0 };
/** Rows held back by an older transaction: look again after 20 ms, doubling up to 1 s. */
const heldBackoff: BackoffPolicy = { initialMs: 20, maxMs: 1_000, jitter: 0 };

/**
 * Moves committed outbox rows to Kafka, in commit-safe order, at least once: read a batch after the
 * checkpoint, publish it, wait for the acks, then move the checkpoint. A crash between the acks and the
 * checkpoint republishes that batch (duplicates, which consumers drop by aggregate version); nothing is
 * ever skipped. One batch in flight at a time is the backpressure: a slow Kafka slows the reading.
 */
export class OutboxRelay {
  private stopping = false;
  private checkpoint: OutboxPosition | null = null;
  private pruning: Promise<void> | undefined;
  private readonly running: Promise<void>;

  constructor(private readonly options: OutboxRelayOptions) {
    this.running = this.run();
  }

  /** The last position acknowledged by Kafka (null before the first batch of a fresh outbox). */
  position(): OutboxPosition | null {
    return this.checkpoint;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.options.signal.close();
    await this.running;
  }

  private async run(): Promise<void> {
    const { log, metrics } = this.options;
    const stopped = () => this.stopping;
    const active = () => !this.stopping;
    let failures = 0;
    while (!this.stopping) {
      const leadership = await awaitLeadership({
        url: this.options.databaseUrl,
        lockName: this.options.name,
        retryMs: this.options.lockRetryMs,
        stopped,
        onWaiting: (error) => log.debug({ err: error }, 'another relay leads; standing by'),
      });
      if (!leadership) break;
      metrics.leader.set(1);
      log.info('relay leads: publishing the outbox');
      try {
        await this.pump(leadership, () => (failures = 0));
      } catch (error) {
        failures += 1;
        metrics.failures.inc();
        log.error({ err: error, failures }, 'relay batch failed; retrying from the checkpoint');
        await pause(backoffDelay(failures, failureBackoff), { active, stepMs: 50 });
      } finally {
        metrics.leader.set(0);
        await leadership.release();
      }
    }
  }

  /** Prunes published rows; a failure is logged and retried at the next round, never stops publishing. */
  private async prune(retentionMs: number): Promise<void> {
    const started = Date.now();
    try {
      const deleted = await pruneOutbox(this.options.pool, this.options.name, { retentionMs });
      if (deleted > 0) this.options.log.info({ deleted, retentionHours: retentionMs / 3_600_000, ms: Date.now() - started }, 'pruned published outbox rows');
    } catch (error) {
      this.options.log.warn({ err: error }, 'outbox pruning failed; retrying at the next round');
    }
  }

  /**
   * Publishes batch after batch, pipelined: the next batch is read while this one goes to Kafka, and a batch's
   * checkpoint is written while the next one is published (checkpoints still in order, each only after its
   * batch's acks). A failure anywhere ends the pump; `run` starts again from the checkpoint in the database.
   */
  private async pump(leadership: Leadership, onProgress: () => void): Promise<void> {
    const { pool, publisher, signal, metrics, batchSize, name, source } = this.options;
    // Reloaded on every (re)gain of leadership: another relay may have moved it meanwhile.
    this.checkpoint = await loadOutboxCheckpoint(pool, name);
    let readFrom = this.checkpoint;
    let readAhead: Promise<OutboxRow[]> | undefined;
    let saving: Promise<void> = Promise.resolve();
    let held = 0;
    let prunedAt = 0;
    try {
      while (!this.stopping && !leadership.lost()) {
        if (this.options.prune && !this.pruning && Date.now() - prunedAt >= this.options.prune.everyMs) {
          prunedAt = Date.now();
          // Beside publishing, on a connection of its own: a long prune never holds up the next batch.
          this.pruning = this.prune(this.options.prune.retentionMs).finally(() => (this.pruning = undefined));
        }
        const rows = await (readAhead ?? readCommittedOutbox(pool, readFrom, batchSize));
        readAhead = undefined;
        if (rows.length === 0) {
          await saving;
          // Rows past the checkpoint that are not readable yet wait for an older transaction somewhere on
          // the server (gap-safe reading). Their NOTIFY has already come: look again shortly rather than
          // sleep until the poll. With nothing pending, wait for the next commit.
          if ((await outboxDepth(pool, this.checkpoint)) > 0) {
            held += 1;
            await pause(backoffDelay(held, heldBackoff), { active: () => !this.stopping, stepMs: 50 });
          } else {
            held = 0;
            await signal.next(); // at most the poll's pause (≤ 15 s): pruning's turn comes up even when nothing is written
          }
          continue;
        }
        held = 0;
        const last = rows[rows.length - 1]!;
        const position: OutboxPosition = { txId: last.txId, position: last.position };
        readFrom = position;
        // Only a full batch suggests more is waiting; reading ahead never moves anything, it only saves a round trip.
        if (rows.length === batchSize) {
          readAhead = readCommittedOutbox(pool, readFrom, batchSize);
          readAhead.catch(() => undefined); // awaited (and its failure thrown) next round
        }
        const events = rows.map((row) => storedEventFromOutboxRow(row, source)); // forwarded as written: consumers validate
        await publishInTrace(events, () => publisher.publish(events));
        await saving; // checkpoints in batch order
        saving = saveOutboxCheckpoint(pool, name, position).then(() => {
          this.checkpoint = position;
          onProgress();
          const ackedAt = Date.now();
          for (const event of events) {
            metrics.published.inc({ aggregate_type: event.aggregateType });
            metrics.publishLagMs.observe(ackedAt - Date.parse(event.occurredAt));
          }
        });
        saving.catch(() => undefined); // awaited (and its failure thrown) next round or below
      }
      await saving;
    } finally {
      await saving.catch(() => undefined);
      await readAhead?.catch(() => undefined);
      await this.pruning;
    }
  }
}
