import type { PoolClient } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { inSpan, SpanKind, type Logger } from '@mindflow/platform';
import { traceContextOf } from '../tracing/event-trace-context.js';
import { applyInTrace } from './apply-in-trace.js';
import type { BatchProjectionHandler, ChunkScope, EventType, ProjectionHandler, ReadModel } from './projection-handlers.js';

/**
 * Splits a chunk's events to apply (log order) into groups a batch handler can take at once: one event
 * type, at most one event per aggregate. An aggregate's n-th event of the chunk goes to the n-th "wave",
 * and waves are applied in order, so each aggregate's events stay in version order; within a wave the
 * groups follow the order their types first appear. Only events of different aggregates change order,
 * which the log never promised anyway (Kafka delivers partitions independently).
 */
export function batchGroups(events: readonly AnyEvent[]): AnyEvent[][] {
  const seen = new Map<string, number>();
  const waves: Map<EventType, AnyEvent[]>[] = [];
  for (const event of events) {
    const id = event.aggregateId.toLowerCase();
    const wave = seen.get(id) ?? 0;
    seen.set(id, wave + 1);
    const groups = (waves[wave] ??= new Map());
    const group = groups.get(event.eventType);
    if (group) group.push(event);
    else groups.set(event.eventType, [event]);
  }
  return waves.flatMap((groups) => [...groups.values()]);
}

/**
 * Applies a chunk's events (already admitted by their version gates) to every read model: a group of
 * several events of a type goes to each read model's batch handler for it, one statement per read model
 * instead of one per event; read models without one take the group's events one by one. A lone event
 * takes the one-event handlers, as before, except in read models that are `batchAlways` (their batch
 * handlers defer writes to the chunk's end through `chunk`).
 */
export async function applyEvents(projection: string, readModels: readonly ReadModel[], events: readonly AnyEvent[], tx: PoolClient, log: Logger, chunk: ChunkScope): Promise<void> {
  for (const group of batchGroups(events)) {
    if (group.length === 1) {
      await applyInTrace(projection, group[0]!, log, () => applyGroup(readModels, group, tx, chunk, true));
      continue;
    }
    await applyGroupInTrace(projection, group, () => applyGroup(readModels, group, tx, chunk, false));
  }
}

async function applyGroup(readModels: readonly ReadModel[], group: readonly AnyEvent[], tx: PoolClient, chunk: ChunkScope, lone: boolean): Promise<void> {
  const type = group[0]!.eventType;
  for (const model of readModels) {
    const batch = model.batchHandlers?.[type] as BatchProjectionHandler<EventType> | undefined;
    if (batch && (!lone || model.batchAlways)) {
      await batch(group, tx, chunk);
      continue;
    }
    const one = model.handlers[type] as ProjectionHandler<EventType> | undefined;
    if (one) for (const event of group) await one(event, tx);
  }
}

/** One span for the group, linked to the trace that produced each of its events. */
function applyGroupInTrace(projection: string, group: readonly AnyEvent[], apply: () => Promise<void>): Promise<void> {
  const type = group[0]!.eventType;
  return inSpan(
    `${projection} apply ${type} ×${group.length}`,
    {
      kind: SpanKind.CONSUMER,
      links: group.map(traceContextOf),
      attributes: { 'mindflow.projection': projection, 'mindflow.event_type': type, 'mindflow.events': group.length },
    },
    apply,
  );
}
