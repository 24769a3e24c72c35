import DataLoader from 'dataloader';
import type { Reader } from './reader.js';
import { entriesByIds } from './entry-reads.js';
import { isId } from './ids.js';
import { journalsByIds } from './journal-reads.js';
import { calendarEventsByIds } from './calendar-event-reads.js';
import type { CalendarEventRecord, EntryRecord, JournalRecord, TaskRecord, ThoughtRecord } from './records.js';
import { tasksByIds } from './task-reads.js';
import { completedOccurrencesOfTasks, type OccurrenceCompletion } from './task-occurrences.js';
import { thoughtsByIds } from './thought-reads.js';

export interface Loaders {
  readonly journal: DataLoader<string, JournalRecord | null>;
  readonly entry: DataLoader<string, EntryRecord | null>;
  readonly thought: DataLoader<string, ThoughtRecord | null>;
  readonly task: DataLoader<string, TaskRecord | null>;
  readonly calendarEvent: DataLoader<string, CalendarEventRecord | null>;
  /** A recurring task's completed occurrences, by task id: a page of tasks asking is one statement. */
  readonly completedOccurrences: DataLoader<string, readonly OccurrenceCompletion[]>;
}

/**
 * Per request and per caller: `_entities` batches of 100 references, or 100 entries each asking for its
 * journal, become one query each. The owner is bound here, so a cached value never crosses callers.
 */
export function createLoaders(pool: Reader, ownerId: string): Loaders {
  return {
    journal: new DataLoader((ids) => byId(ids, (valid) => journalsByIds(pool, ownerId, valid))),
    entry: new DataLoader((ids) => byId(ids, (valid) => entriesByIds(pool, ownerId, valid))),
    thought: new DataLoader((ids) => byId(ids, (valid) => thoughtsByIds(pool, ownerId, valid))),
    task: new DataLoader((ids) => byId(ids, (valid) => tasksByIds(pool, ownerId, valid))),
    calendarEvent: new DataLoader((ids) => byId(ids, (valid) => calendarEventsByIds(pool, ownerId, valid))),
    completedOccurrences: new DataLoader(async (ids) => {
      const valid = [...new Set(ids.filter(isId).map((id) => id.toLowerCase()))];
      const found = await completedOccurrencesOfTasks(pool, ownerId, valid);
      return ids.map((id) => found.get(id.toLowerCase()) ?? []);
    }),
  };
}

async function byId<T extends { id: string }>(
  ids: readonly string[],
  load: (ids: string[]) => Promise<T[]>,
): Promise<(T | null)[]> {
  const valid = [...new Set(ids.filter(isId).map((id) => id.toLowerCase()))];
  const found = new Map((valid.length ? await load(valid) : []).map((record) => [record.id, record]));
  return ids.map((id) => found.get(id.toLowerCase()) ?? null);
}
