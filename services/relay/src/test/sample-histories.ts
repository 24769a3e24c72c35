import { randomUUID } from 'node:crypto';
import { withTransaction, type Pool } from '@mindflow/db';
import { appendToOutbox } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';

/** A journal's history: JournalCreated (v1) then JournalUpdated v2…vN. */
export function journalHistory(versions: number, journalId: string = randomUUID()): AnyEvent[] {
  return Array.from({ length: versions }, (_, i) =>
    i === 0
      ? sampleEvent('JournalCreated', { eventId: randomUUID(), correlationId: `c-${journalId}`, payload: { ...samplePayloads.JournalCreated, journalId } })
      : sampleEvent('JournalUpdated', {
          eventId: randomUUID(),
          aggregateVersion: i + 1,
          correlationId: `c-${journalId}`,
          payload: { ...samplePayloads.JournalUpdated, journalId, name: `v${i + 1}` },
        }),
  );
}

/**
 * Writes `aggregates` journal histories of `versions` events to the outbox, `perTransaction` events per
 * transaction, the histories interleaved as concurrent writers would leave them. Returns every event.
 */
export async function fillOutbox(pool: Pool, options: { aggregates: number; versions: number; perTransaction: number }): Promise<AnyEvent[]> {
  const histories = Array.from({ length: options.aggregates }, () => journalHistory(options.versions));
  const all: AnyEvent[] = [];
  for (let v = 0; v < options.versions; v++) for (const history of histories) all.push(history[v]!);
  for (let i = 0; i < all.length; i += options.perTransaction) {
    await withTransaction(pool, (tx) => appendToOutbox(tx, all.slice(i, i + options.perTransaction)));
  }
  return all;
}
