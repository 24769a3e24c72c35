// The figures every drill ends with: events written, delivered, applied, duplicates applied, lost, still
// parked, and the entity-by-entity reconciliation of every read side against the write DB.
import { setTimeout as sleep } from 'node:timers/promises';
import { topicForAggregate, type AggregateType } from '@mindflow/events';
import { queryProjection, queryReadModels } from '@mindflow/query';
import { Kafka, logLevel } from 'kafkajs';
import { appliedOf, missingVersions, summarizeLedger } from './applied-ledger.js';
import { liveVersionsTable, readTransitions } from './audit.js';
import type { DrillEnvironment } from './environment.js';
import { parkedExamples, parkedLetters, projectedVersions, queryReadSide, writeSnapshot, writtenVersions } from './read-sides.js';
import { reconcile, type ReadSide, type ReconciliationResult } from './reconcile.js';

/** The event types the query projection handles (its read models' handlers). */
export const projectedEventTypes: readonly string[] = [...new Set(queryReadModels.flatMap((model) => Object.keys(model.handlers)))];

export interface Accounting {
  /** Events in the write DB's outbox of the aggregates the read side projects. */
  readonly written: number;
  /** Messages on the log for them (Kafka: all partitions' offsets; duplicates from a relay restart included). Embedded: the outbox is the log. */
  readonly delivered: number;
  /** Distinct events of the written aggregates the live read model holds as applied (the audit). */
  readonly applied: number;
  readonly duplicatesApplied: number;
  /** Written events the live read model never applied (parked ones included). */
  readonly lost: number;
  readonly parked: number;
  readonly reconciliation: readonly ReconciliationResult[];
  readonly examples: { readonly duplicates: readonly unknown[]; readonly lost: readonly unknown[]; readonly parked: readonly string[] };
}

/** The read sides reconciled against the write DB; the search index joins here once it exists. */
export function readSides(env: DrillEnvironment): ReadSide[] {
  return [queryReadSide(env.readPool)];
}

export async function account(env: DrillEnvironment): Promise<Accounting> {
  const written = await writtenVersions(env.writePool, projectedEventTypes);
  const ledger = summarizeLedger(await readTransitions(env.readPool, queryProjection));
  const live = ledger.tables.get(await liveVersionsTable(env.readPool));
  const lost = missingVersions(written.byAggregate, live);
  const applied = appliedOf(written.byAggregate, live);
  const delivered = env.kafka ? await deliveredOnKafka(env) : written.total;
  const truth = await writeSnapshot(env.writePool);
  const reconciliation = [];
  for (const side of readSides(env)) reconciliation.push(reconcile(side, truth, await side.snapshot()));
  return {
    written: written.total,
    delivered,
    applied,
    duplicatesApplied: ledger.duplicates,
    lost: lost.count,
    parked: await parkedLetters(env.readPool, queryProjection),
    reconciliation,
    examples: { duplicates: ledger.duplicateExamples, lost: lost.examples, parked: await parkedExamples(env.readPool, queryProjection) },
  };
}

async function deliveredOnKafka(env: DrillEnvironment): Promise<number> {
  const { rows } = await env.writePool.query<{ aggregate_type: string }>(
    'SELECT DISTINCT aggregate_type FROM outbox WHERE event_type = ANY($1)', [projectedEventTypes],
  );
  const admin = new Kafka({ clientId: 'drills-accounting', brokers: [env.kafka!.brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    let total = 0;
    for (const { aggregate_type } of rows) {
      const offsets = await admin.fetchTopicOffsets(topicForAggregate(aggregate_type as AggregateType, env.topicPrefix));
      for (const partition of offsets) total += Number(partition.high) - Number(partition.low);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits (bounded) until the live read model has applied every version written so far that is not parked;
 * returns the milliseconds it took, or undefined when it did not within `timeoutMs`. Read-DB errors (it may
 * be down) count as "not yet".
 */
export async function waitCaughtUp(env: DrillEnvironment, target: ReadonlyMap<string, number> | undefined, timeoutMs: number): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const goal = target ?? (await writtenVersions(env.writePool, projectedEventTypes)).byAggregate;
      const projected = await projectedVersions(env.readPool, queryProjection);
      const parked = await parkedAggregates(env);
      let behind = false;
      for (const [aggregateId, version] of goal) {
        if ((projected.get(aggregateId) ?? 0) < version && !parked.has(aggregateId)) {
          behind = true;
          break;
        }
      }
      if (!behind) return performance.now() - started;
    } catch {
      // the read DB is down or restarting: not caught up
    }
    await sleep(200);
  }
  return undefined;
}

/** Everything written up to now (the target a recovery is measured against). */
export async function writtenNow(env: DrillEnvironment): Promise<Map<string, number>> {
  return (await writtenVersions(env.writePool, projectedEventTypes)).byAggregate;
}

async function parkedAggregates(env: DrillEnvironment): Promise<Set<string>> {
  const { rows } = await env.readPool.query<{ aggregate_id: string }>(
    `SELECT DISTINCT aggregate_id FROM dead_letters WHERE projection = $1 AND aggregate_id IS NOT NULL`, [queryProjection],
  ).catch(() => ({ rows: [] as { aggregate_id: string }[] }));
  return new Set(rows.map((r) => r.aggregate_id));
}
