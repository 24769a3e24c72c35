import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';

/** A journal's history: JournalCreated (v1) then JournalUpdated v2…vN, each a distinct fact. */
export function journalHistory(versions: number, journalId: string = randomUUID()): AnyEvent[] {
  return Array.from({ length: versions }, (_, i) =>
    i === 0
      ? sampleEvent('JournalCreated', { eventId: randomUUID(), payload: { ...samplePayloads.JournalCreated, journalId } })
      : sampleEvent('JournalUpdated', {
          eventId: randomUUID(),
          aggregateVersion: i + 1,
          payload: { ...samplePayloads.JournalUpdated, journalId, name: `name v${i + 1}` },
        }),
  );
}

/** An event of another stream (tasks), which a journal subscriber must not see. */
export const unrelatedEvent = (): AnyEvent =>
  sampleEvent('TaskCreated', { eventId: randomUUID(), payload: { ...samplePayloads.TaskCreated, taskId: randomUUID() } });

/** Interleaves histories the way a log holds them: each keeps its own order. */
export function interleave(histories: AnyEvent[][]): AnyEvent[] {
  const queues = histories.map((h) => [...h]);
  const out: AnyEvent[] = [];
  while (queues.some((q) => q.length > 0)) for (const q of queues) if (q.length > 0) out.push(q.shift()!);
  return out;
}
