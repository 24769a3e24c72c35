// The figures every drill ends with: events written, delivered, applied, duplicates applied, lost, still
// parked, and the entity-by-entity reconciliation of every read side against the write DB.
import { setTimeout as sleep } from 'node:timers/promises';
import { topicForAggregate, type AggregateType } from '@mindflow/events';
import { queryProjection, queryReadModels } from '@mindflow/query';
import { Kafka, logLevel } from 'kafkajs';
import { appliedOf, missingVersions, summarizeLedger, writtenAfterCut } from './applied-ledger.js';
import { liveVersionsTable, readTransitions } from './audit.js';
import type { DrillEnvironment } from './environment.js';
import { hasPostgresSearch, writtenFor, parkedExamples, parkedLetters, postgresSearchReadSide, projectedVersions, queryReadSide, writeSnapshot, writtenVersions, type Written } from './read-sides.js';
import { reconcile, type EntitySnapshot, type ReadSide, type ReconciliationResult } from './reconcile.js';

/** The event types the query projection handles (its read models' handlers). */
export const projectedEventTypes: readonly string[] = [...new Set(queryReadModels.flatMap((model) => Object.keys(model.handlers)))];

export interface Accounting {
  /** Events in the write DB's outbox of the aggregates the read side projects, up to the cut the read side settled on (`settle`). */
  readonly written: number;
  /** Events of those aggregates written after that cut (in flight then, so not judged): 0 when the producers were idle. */
  readonly writtenAfterSettle: number;
  /** Messages on the log for them (Kafka: all partitions' offsets; duplicates from a relay restart included). Embedded: the outbox is the log. */
  readonly delivered: number;
  /** Distinct events of the written aggregates the live read model holds as applied (the audit). */
  readonly applied: number;
  readonly duplicatesApplied: number;
  /** Written events the live read model never applied (parked ones included). */
  readonly lost: number;
  readonly parked: number;
  /** Erased users' aggregates in the outbox (the erase-user drill), left out of every figure above: how many, their events, their letters still parked. */
  readonly erased?: { readonly aggregates: number; readonly events: number; readonly parked: number };
  readonly reconciliation: readonly ReconciliationResult[];
  /** Per projection in the read DB (query; search when its index is there): applied, duplicates applied, lost. */
  readonly projections: readonly { readonly projection: string; readonly applied: number; readonly duplicatesApplied: number; readonly lost: number }[];
  readonly examples: { readonly duplicates: readonly unknown[]; readonly lost: readonly unknown[]; readonly parked: readonly string[]; readonly writtenAfterSettle?: readonly unknown[] };
}

/** The read sides reconciled against the write DB: the query read DB, and the search index when it is in the read DB. */
export async function readSides(env: DrillEnvironment): Promise<ReadSide[]> {
  return [queryReadSide(env.readPool), ...((await hasPostgresSearch(env.readPool)) ? [postgresSearchReadSide(env.readPool)] : [])];
}

/** The projections whose applied events are audited and counted. */
async function projections(env: DrillEnvironment): Promise<string[]> {
  const { rows } = await env.readPool.query<{ projection: string }>('SELECT DISTINCT projection FROM public.drill_applied_audit');
  return [queryProjection, ...rows.map((r) => r.projection).filter((p) => p !== queryProjection).sort()];
}

/**
 * Accounts for `cut`, the written events the read side was seen to have caught up with (`settle`): the outbox
 * read again now may hold events written since (an embedded insights analysis lands in the same outbox a
 * debounce after the entry's last edit), which the projector had no chance to apply yet. Judging those as
 * lost would compare two different moments; they are counted as `writtenAfterSettle` instead.
 */
export async function account(env: DrillEnvironment, cut?: Written, erased: ReadonlySet<string> = new Set()): Promise<Accounting> {
  const everything = await writtenVersions(env.writePool, projectedEventTypes);
  const now = withoutAggregates(everything, erased);
  const written = withoutAggregates(cut ?? everything, erased);
  const erasedEvents = everything.total - now.total; // the erased users' events in the outbox now
  const late = writtenAfterCut(written.byAggregate, now.byAggregate);
  const liveTable = await liveVersionsTable(env.readPool);
  const perProjection = [];
  let duplicateExamples: readonly unknown[] = [];
  let lostExamples: readonly unknown[] = [];
  for (const projection of await projections(env)) {
    const ledger = summarizeLedger(await readTransitions(env.readPool, projection));
    const live = ledger.tables.get(liveTable);
    const goal = writtenFor(projection, queryProjection, written, live?.keys() ?? []);
    const lost = missingVersions(goal, live);
    perProjection.push({ projection, applied: appliedOf(goal, live), duplicatesApplied: ledger.duplicates, lost: lost.count });
    if (duplicateExamples.length === 0) duplicateExamples = ledger.duplicateExamples.map((d) => ({ projection, ...d }));
    if (lostExamples.length === 0) lostExamples = lost.examples.map((l) => ({ projection, ...l }));
  }
  const delivered = env.kafka ? await deliveredOnKafka(env) : written.total;
  const truth = withoutEntities(await writeSnapshot(env.writePool), erased);
  const reconciliation = [];
  for (const side of await readSides(env)) reconciliation.push(reconcile(side, truth, withoutEntities(await side.snapshot(), erased)));
  let parked = 0;
  let erasedParked = 0;
  for (const { projection } of perProjection) {
    const all = await parkedLetters(env.readPool, projection);
    const others = erased.size > 0 ? await parkedLetters(env.readPool, projection, erased) : all;
    parked += others;
    erasedParked += all - others;
  }
  return {
    written: written.total,
    writtenAfterSettle: late.count,
    delivered,
    applied: perProjection[0]!.applied,
    duplicatesApplied: perProjection.reduce((sum, p) => sum + p.duplicatesApplied, 0),
    lost: perProjection.reduce((sum, p) => sum + p.lost, 0),
    parked,
    ...(erased.size > 0 ? { erased: { aggregates: erased.size, events: erasedEvents, parked: erasedParked } } : {}),
    reconciliation,
    projections: perProjection,
    examples: {
      duplicates: duplicateExamples, lost: lostExamples, parked: await parkedExamples(env.readPool, queryProjection),
      ...(late.count > 0 ? { writtenAfterSettle: late.examples } : {}),
    },
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
 * Waits (bounded) until every projection in the read DB has applied every version written so far that is not parked;
 * returns the milliseconds it took, or undefined when it did not within `timeoutMs`. Read-DB errors (it may
 * be down) count as "not yet".
 */
export async function waitCaughtUp(env: DrillEnvironment, target: Written | undefined, timeoutMs: number, erased: ReadonlySet<string> = new Set()): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const written = withoutAggregates(target ?? (await writtenVersions(env.writePool, projectedEventTypes)), erased);
      const { rows } = await env.readPool.query<{ projection: string }>('SELECT DISTINCT projection FROM projection_versions');
      let behind = false;
      for (const projection of new Set([queryProjection, ...rows.map((r) => r.projection)])) {
        const projected = await projectedVersions(env.readPool, projection);
        const parked = await parkedAggregates(env, projection);
        for (const [aggregateId, version] of writtenFor(projection, queryProjection, written, projected.keys())) {
          if ((projected.get(aggregateId) ?? 0) < version && !parked.has(aggregateId)) {
            behind = true;
            break;
          }
        }
        if (behind) break;
      }
      if (!behind) return performance.now() - started;
    } catch {
      // the read DB is down or restarting: not caught up
    }
    await sleep(200);
  }
  return undefined;
}

/**
 * Waits (bounded) for the end of a drill: the read side caught up with everything written, no producer with
 * work still due (embedded: insights' `pending_analyses` in the write DB, which becomes AIInsights events in
 * the same outbox), and nothing written meanwhile. Returns the milliseconds and the written set it confirmed
 * (the cut `account` judges), or undefined when that did not happen within `timeoutMs`.
 */
export async function settle(env: DrillEnvironment, timeoutMs: number, erased: ReadonlySet<string> = new Set()): Promise<{ ms: number; written: Written; writtenAfterFirstCaughtUp: number; writtenAfterFirstCaughtUpTypes: string } | undefined> {
  const started = performance.now();
  let firstCaughtUp: Written | undefined;
  while (performance.now() - started < timeoutMs) {
    const target = await writtenNow(env, erased).catch(() => undefined);
    if (target && (await waitCaughtUp(env, target, timeoutMs - (performance.now() - started), erased)) !== undefined) {
      firstCaughtUp ??= target;
      const idle = await producersIdle(env).catch(() => false);
      const after = await writtenNow(env, erased).catch(() => undefined);
      if (idle && after && after.total === target.total) {
        // What a settle on "caught up" alone would have missed (the producers' work written since).
        const late = writtenAfterCut(firstCaughtUp.byAggregate, target.byAggregate);
        const byType = new Map<string, number>();
        for (const [aggregateId, highest] of target.byAggregate) {
          const added = highest - (firstCaughtUp.byAggregate.get(aggregateId) ?? 0);
          const type = target.types.get(aggregateId) ?? '?';
          if (added > 0) byType.set(type, (byType.get(type) ?? 0) + added);
        }
        return {
          ms: performance.now() - started, written: target, writtenAfterFirstCaughtUp: late.count,
          writtenAfterFirstCaughtUpTypes: [...byType].map(([type, n]) => `${type} ${n}`).join(', '),
        };
      }
    }
    await sleep(200);
  }
  return undefined;
}

/** Whether no producer other than the (stopped) load has work due that will write projected events. */
async function producersIdle(env: DrillEnvironment): Promise<boolean> {
  const present = await env.writePool.query<{ present: boolean }>(`SELECT to_regclass('pending_analyses') IS NOT NULL AS present`);
  if (!present.rows[0]!.present) return true; // distributed: insights writes to its own DB's outbox, not this one
  const { rows } = await env.writePool.query<{ pending: boolean }>('SELECT EXISTS (SELECT 1 FROM pending_analyses) AS pending');
  return !rows[0]!.pending;
}

/** Everything written up to now (the target a recovery is measured against), but the `erased` aggregates. */
export async function writtenNow(env: DrillEnvironment, erased: ReadonlySet<string> = new Set()): Promise<Written> {
  return withoutAggregates(await writtenVersions(env.writePool, projectedEventTypes), erased);
}

/**
 * The aggregates of these users (the write DB's outbox says whose each event is): an erased user's, which the erase-user
 * drill judges by its own scans, and which the accounting leaves out.
 */
export async function aggregatesOf(env: DrillEnvironment, users: ReadonlySet<string>): Promise<Set<string>> {
  if (users.size === 0) return new Set();
  const { rows } = await env.writePool.query<{ aggregate_id: string }>('SELECT DISTINCT aggregate_id FROM outbox WHERE user_id = ANY($1::uuid[])', [[...users]]);
  return new Set(rows.map((r) => r.aggregate_id.toLowerCase()));
}

/** `written` without these aggregates (their versions run 1..highest, one event each: the outbox's unique (aggregate, version)). */
function withoutAggregates(written: Written, excluded: ReadonlySet<string>): Written {
  if (excluded.size === 0) return written;
  let removed = 0;
  for (const id of excluded) removed += written.byAggregate.get(id) ?? 0;
  return {
    total: written.total - removed,
    byAggregate: new Map([...written.byAggregate].filter(([id]) => !excluded.has(id))),
    types: new Map([...written.types].filter(([id]) => !excluded.has(id))),
  };
}

function withoutEntities(snapshot: EntitySnapshot, excluded: ReadonlySet<string>): EntitySnapshot {
  return excluded.size === 0 ? snapshot : new Map([...snapshot].filter(([, state]) => !excluded.has(state.id.toLowerCase())));
}

async function parkedAggregates(env: DrillEnvironment, projection: string): Promise<Set<string>> {
  const { rows } = await env.readPool.query<{ aggregate_id: string }>(
    `SELECT DISTINCT aggregate_id FROM dead_letters WHERE projection = $1 AND aggregate_id IS NOT NULL`, [projection],
  ).catch(() => ({ rows: [] as { aggregate_id: string }[] }));
  return new Set(rows.map((r) => r.aggregate_id));
}
