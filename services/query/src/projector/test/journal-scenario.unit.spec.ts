import { describe, expect, it } from 'vitest';
import { expectedReadModel } from './read-model-snapshot.js';
import { journalScenario } from './journal-scenario.js';

describe('journal scenario (test data)', () => {
  const events = journalScenario({ seed: 7, users: 3, journalsPerUser: 3, entries: 60, edits: 120 });

  it('numbers every aggregate 1, 2, 3… in array order', () => {
    const last = new Map<string, number>();
    for (const event of events) {
      expect(event.aggregateVersion).toBe((last.get(event.aggregateId) ?? 0) + 1);
      last.set(event.aggregateId, event.aggregateVersion);
    }
  });

  it('is deterministic and exercises every event type the query projector handles', () => {
    const again = journalScenario({ seed: 7, users: 3, journalsPerUser: 3, entries: 60, edits: 120 });
    expect(again.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(new Set(events.map((e) => e.eventType))).toEqual(
      new Set(['JournalCreated', 'JournalUpdated', 'JournalDeleted', 'JournalEntryCreated', 'JournalEntryUpdated', 'JournalEntryDeleted', 'MoodRecorded']),
    );
  });

  it('counts only live entries of live journals', () => {
    const model = expectedReadModel(events);
    const total = model.journals.reduce((sum, j) => sum + j.entryCount, 0);
    const live = model.entries.filter((e) => !e.deleted && !model.journals.find((j) => j.journalId === e.journalId)!.deleted);
    expect(total).toBe(live.length);
    expect(model.journals.filter((j) => j.deleted).every((j) => j.entryCount === 0)).toBe(true);
  });
});
