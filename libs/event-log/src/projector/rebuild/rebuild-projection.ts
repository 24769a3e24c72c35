import { createPool, migrate, type Migration, type Pool } from '@mindflow/db';
import type { Logger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import type { EventLog } from '../../event-log.js';
import { deadLetterScope, prepareDeadLetters } from '../dead-letters/dead-letter-store.js';
import type { ReadModel } from '../projection-handlers.js';
import { currentSchema, lockProjection, projectionLockKey } from '../projection-lock.js';
import { runProjector, type Projector } from '../run-projector.js';
import { aggregatesAhead, quoteIdent, swapIn, type SwapPlan, type SwapSummary } from './schema-swap.js';

/** What a projection is made of, as the rebuild needs it. */
export interface ProjectionDefinition {
  /** Its key in `projection_versions` and `dead_letters` (the rebuild keeps it: consistency tokens still hold). */
  readonly name: string;
  readonly readModels: readonly ReadModel[];
  /** The migrations that make its tables, applied again in the rebuild schema under the same scope. */
  readonly migrationScope: string;
  readonly migrations: readonly Migration[];
}

export interface RebuildOptions {
  readonly projection: ProjectionDefinition;
  /** The event log the live projection reads (its topics or outbox are read again from the start). */
  readonly eventLog: EventLog;
  /** The read DB of the live projection; its connections' schema is the live schema. */
  readonly readDatabaseUrl: string;
  /** The live projection's consumer group; the rebuild reads as `<group>.rebuild-<stamp>`. */
  readonly group: string;
  readonly log: Logger;
  readonly chunkSize?: number;
  readonly maxAttempts?: number;
  readonly progressEveryMs?: number;
  /** The swap is tried once the rebuild is at most this many events behind the log end. */
  readonly swapBelowLagEvents?: number;
  /** Longest the live projection is held still while the rebuild closes the last gap. */
  readonly swapWaitMs?: number;
  readonly swapAttempts?: number;
  /** Longest a swap waits for readers in flight on the tables it moves (lock_timeout). */
  readonly swapLockTimeoutMs?: number;
}

export interface RebuildReport extends SwapSummary {
  readonly liveSchema: string;
  readonly retiredSchema: string;
  /** Events the rebuild applied (skipped duplicates and parked ones not counted). */
  readonly applied: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * Rebuilds a projection from the start of the log without stopping the live one:
 * 1. a fresh schema `<name>_rebuild_<stamp>` gets the projection's migrations (its connections' search_path
 *    is `<rebuild>, <live>`, so unqualified names land there, and the log's checkpoint table, absent there,
 *    is still found in the live schema);
 * 2. a projector with a new consumer group reads the whole log into it, logging progress (events/s, lag);
 * 3. once it is nearly caught up, one read-DB transaction holds the live projection still (its exclusive
 *    projection lock: live chunks wait, readers do not), waits until the rebuild has every aggregate at
 *    least as far as the live one, stops the rebuild projector, and swaps the objects (see swapIn).
 * After the commit the live projector goes on from its own position over the rebuilt tables: what the
 * rebuild already applied it skips as duplicates. Readers never wait longer than the swap's lock_timeout.
 * The replaced objects stay in `<name>_retired_<stamp>`; a failed rebuild drops its schema and group.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildReport> {
  const { projection, log } = options;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 17); // yyyymmddhhmmssSSS
  const rebuildSchema = `${projection.name}_rebuild_${stamp}`;
  const group = `${options.group}.rebuild-${stamp}`;
  const livePool = createPool(options.readDatabaseUrl, { applicationName: 'projection-rebuild:live', max: 2 });
  let rebuildPool: Pool | undefined;
  let projector: Projector | undefined;
  let swapped = false;
  try {
    await prepareDeadLetters(livePool);
    const liveSchema = await currentSchema(livePool);
    const plan: SwapPlan = {
      projection: projection.name, liveSchema, rebuildSchema, retiredSchema: `${projection.name}_retired_${stamp}`,
      migrationScopes: [projection.migrationScope, deadLetterScope],
    };
    await livePool.query(`CREATE SCHEMA ${quoteIdent(rebuildSchema)}`);
    rebuildPool = createPool(withSearchPath(options.readDatabaseUrl, [rebuildSchema, liveSchema]), { applicationName: 'projection-rebuild', max: 8 });
    if ((await currentSchema(rebuildPool)) !== rebuildSchema) throw new Error(`the rebuild's connections do not resolve to ${rebuildSchema}`);
    await migrate(rebuildPool, projection.migrationScope, projection.migrations);
    log.info({ projection: projection.name, rebuildSchema, liveSchema, group }, 'rebuild started: reading the log from the start into a fresh schema');

    const metrics = new Registry();
    const started = Date.now();
    const start = () => runProjector({
      name: projection.name, eventLog: options.eventLog, readPool: rebuildPool!, readModels: projection.readModels, log,
      group, fromBeginning: true, chunkSize: options.chunkSize ?? 500, maxAttempts: options.maxAttempts, metrics,
    });
    const progress = new Progress(metrics, projection.name, started, log);
    projector = await start();
    await projector.ready();

    for (let attempt = 1; ; attempt++) {
      await progress.until(projector, options.swapBelowLagEvents ?? 100, options.progressEveryMs ?? 5_000);
      const outcome = await trySwap(livePool, plan, projector, options, log);
      if (outcome.swapped) {
        swapped = true;
        const seconds = (Date.now() - started) / 1000;
        const applied = await progress.applied();
        await projector.stop(); // leaving the group takes a while (Kafka): after the commit, the live projector no longer waits
        const report: RebuildReport = { ...outcome.summary, liveSchema, retiredSchema: plan.retiredSchema, applied, seconds, eventsPerSecond: Math.round(applied / seconds) };
        log.info(report, `rebuild swapped in; the replaced objects are kept in ${plan.retiredSchema} (DROP SCHEMA ${plan.retiredSchema} CASCADE when satisfied)`);
        projector = undefined;
        await options.eventLog.deleteGroup(group).catch((error: unknown) => log.warn({ err: error, group }, 'cannot delete the rebuild consumer group'));
        return report;
      }
      if (attempt >= (options.swapAttempts ?? 5)) throw new Error(`rebuild could not be swapped in after ${attempt} attempts: ${outcome.reason}`);
      log.warn({ attempt, reason: outcome.reason }, 'swap not possible yet; the rebuild catches up further and tries again');
      if (outcome.paused) {
        await projector.stop(); // paused: a fresh member resumes from the rebuild group's position
        projector = await start();
      }
    }
  } catch (error) {
    log.error({ err: error, rebuildSchema }, 'rebuild failed; the live projection is untouched, the rebuild schema and group are dropped');
    throw error;
  } finally {
    await projector?.stop().catch(() => undefined);
    await rebuildPool?.end().catch(() => undefined);
    if (!swapped) {
      await livePool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(rebuildSchema)} CASCADE`).catch(() => undefined);
      await options.eventLog.deleteGroup(group).catch(() => undefined);
    }
    await livePool.end();
  }
}

type SwapOutcome = { swapped: true; summary: SwapSummary } | { swapped: false; paused: boolean; reason: string };

/** One swap attempt in one transaction; rolled back (live projection untouched) when it cannot complete. */
async function trySwap(livePool: Pool, plan: SwapPlan, projector: Projector, options: RebuildOptions, log: Logger): Promise<SwapOutcome> {
  const client = await livePool.connect();
  let paused = false;
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = ${Math.round(options.swapLockTimeoutMs ?? 3_000)}`);
    const held = Date.now();
    await lockProjection(client, projectionLockKey(plan.projection, plan.liveSchema), 'exclusive');
    const deadline = held + (options.swapWaitMs ?? 10_000);
    for (;;) {
      const ahead = await aggregatesAhead(client, plan);
      if (ahead.length === 0) break;
      if (Date.now() > deadline) {
        await client.query('ROLLBACK');
        return { swapped: false, paused, reason: `the live projection is ahead on aggregates ${JSON.stringify(ahead)}` };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const caughtUpMs = Date.now() - held;
    paused = true;
    await projector.pause(); // nothing writes to the rebuild schema any more; it stays at least as far as live
    const summary = await swapIn(client, plan);
    await client.query('COMMIT');
    log.info({ heldMs: Date.now() - held, caughtUpMs, ...summary }, 'swap committed');
    return { swapped: true, summary };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    return { swapped: false, paused, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    client.release();
  }
}

/** Progress of the rebuild: events applied, events/s, lag; logged every so often until it is nearly caught up. */
class Progress {
  private last = { at: Date.now(), applied: 0 };

  constructor(private readonly metrics: Registry, private readonly projection: string, private readonly started: number, private readonly log: Logger) {}

  async applied(): Promise<number> {
    const metric = await this.metrics.getSingleMetric('mindflow_projector_events_applied_total')?.get();
    return metric?.values.filter((v) => v.labels['projection'] === this.projection).reduce((sum, v) => sum + v.value, 0) ?? 0;
  }

  async until(projector: Projector, lagEvents: number, everyMs: number): Promise<void> {
    let nextLog = Date.now() + everyMs;
    for (;;) {
      const lag = await projector.lag();
      if (lag <= lagEvents || Date.now() >= nextLog) {
        const applied = await this.applied();
        const now = Date.now();
        this.log.info({
          applied, lagEvents: lag,
          eventsPerSecond: Math.round(((applied - this.last.applied) * 1000) / Math.max(1, now - this.last.at)),
          averageEventsPerSecond: Math.round((applied * 1000) / Math.max(1, now - this.started)),
        }, lag <= lagEvents ? 'rebuild nearly caught up: swapping' : 'rebuild progress');
        this.last = { at: now, applied };
        nextLog = now + everyMs;
      }
      if (lag <= lagEvents) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The URL with `options=-c search_path=…`: every connection of the pool resolves names there first. */
function withSearchPath(url: string, schemas: readonly string[]): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schemas.map(quoteIdent).join(',')}`);
  return parsed.toString();
}
