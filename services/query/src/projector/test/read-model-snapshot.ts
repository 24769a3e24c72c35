import type { Pool } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';

/** The parts of `journals_view` and `entries_view` that tests compare, sorted by id. */
export interface ReadModelSnapshot {
  journals: { journalId: string; ownerId: string; name: string; version: number; entryCount: number; deleted: boolean }[];
  entries: { entryId: string; journalId: string; ownerId: string; journalName: string | null; content: string; mood: string | null; tags: string[]; version: number; deleted: boolean }[];
}

/**
 * What the read model must hold after `events`, computed the simplest way (a fold, then counting live
 * entries at the end), independently of the projector's incremental bookkeeping.
 */
export function expectedReadModel(events: readonly AnyEvent[]): ReadModelSnapshot {
  const journals = new Map<string, ReadModelSnapshot['journals'][number]>();
  const entries = new Map<string, ReadModelSnapshot['entries'][number]>();
  for (const event of events) {
    const version = event.aggregateVersion;
    switch (event.eventType) {
      case 'JournalCreated':
        journals.set(event.aggregateId, { journalId: event.aggregateId, ownerId: event.userId, name: event.payload.name, version, entryCount: 0, deleted: false });
        break;
      case 'JournalUpdated':
        Object.assign(journals.get(event.aggregateId)!, { name: event.payload.name, version });
        break;
      case 'JournalDeleted':
        Object.assign(journals.get(event.aggregateId)!, { deleted: true, version });
        for (const entry of entries.values()) if (entry.journalId === event.aggregateId) entry.deleted = true;
        break;
      case 'JournalEntryCreated':
      case 'JournalEntryUpdated': {
        const p = event.payload;
        const before = entries.get(event.aggregateId);
        entries.set(event.aggregateId, {
          entryId: event.aggregateId, journalId: p.journalId, ownerId: event.userId, journalName: null,
          content: p.content, mood: p.mood, tags: [...p.tags], version, deleted: before?.deleted ?? false,
        });
        break;
      }
      case 'MoodRecorded':
        Object.assign(entries.get(event.aggregateId)!, { mood: event.payload.mood, version });
        break;
      case 'JournalEntryDeleted':
        Object.assign(entries.get(event.aggregateId)!, { deleted: true, version });
        break;
      default:
        break;
    }
  }
  for (const entry of entries.values()) {
    const journal = journals.get(entry.journalId);
    entry.journalName = journal?.name ?? null;
    if (journal && !journal.deleted && !entry.deleted) journal.entryCount += 1;
  }
  const byId = <T>(key: keyof T) => (a: T, b: T) => String(a[key]).localeCompare(String(b[key]));
  return {
    journals: [...journals.values()].sort(byId('journalId')),
    entries: [...entries.values()].sort(byId('entryId')),
  };
}

/** What the read DB holds, in the snapshot's shape. */
export async function readModelSnapshot(pool: Pool): Promise<ReadModelSnapshot> {
  const journals = await pool.query<ReadModelSnapshot['journals'][number]>(
    `SELECT journal_id AS "journalId", owner_id AS "ownerId", name, version, entry_count AS "entryCount",
            deleted_at IS NOT NULL AS deleted
     FROM journals_view ORDER BY journal_id::text`,
  );
  const entries = await pool.query<ReadModelSnapshot['entries'][number]>(
    `SELECT entry_id AS "entryId", journal_id AS "journalId", owner_id AS "ownerId", journal_name AS "journalName",
            content, mood, tags, version, deleted_at IS NOT NULL AS deleted
     FROM entries_view ORDER BY entry_id::text`,
  );
  return { journals: journals.rows, entries: entries.rows };
}
