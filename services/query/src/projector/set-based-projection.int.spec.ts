import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedProjection, type EmbeddedProjection } from './test/embedded-projection.js';
import { journalScenario } from './test/journal-scenario.js';

// The runtime's set-based path (each read model writes a chunk's events of a type in one statement)
// against the reference path (every event on its own), over the same log: the read models must come out
// identical, row by row, in every table the projection keeps.

let setBased: EmbeddedProjection;
let oneByOne: EmbeddedProjection;
beforeAll(async () => {
  [setBased, oneByOne] = await Promise.all([
    embeddedProjection('set_based', { PROJECTOR_CHUNK_SIZE: 500 }),
    embeddedProjection('one_by_one', { PROJECTOR_SET_BASED: false }),
  ]);
});
afterAll(async () => Promise.all([setBased?.close(), oneByOne?.close()]));

/** Thoughts of the scenario's owners: captured, some edited (twice: two waves), some deleted. */
function thoughtHistory(owners: readonly string[]): AnyEvent[] {
  const events: AnyEvent[] = [];
  owners.forEach((owner, i) => {
    for (let t = 0; t < 4; t++) {
      const thoughtId = randomUUID();
      const at = (minute: number) => `2025-01-0${1 + (t % 3)}T10:${String(minute).padStart(2, '0')}:00.000Z`;
      const fact = (event: AnyEvent, version: number): AnyEvent => ({ ...event, eventId: randomUUID(), aggregateVersion: version, userId: owner });
      events.push(fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId, text: `Idea ${i}.${t}`, tags: [`t${t}`], capturedAt: at(0) } }), 1));
      if (t % 2 === 0) {
        events.push(fact(sampleEvent('ThoughtUpdated', { payload: { thoughtId, text: `Idea ${i}.${t}, again`, tags: ['x', `t${t}`], changedFields: ['text', 'tags'], updatedAt: at(1) } }), 2));
        events.push(fact(sampleEvent('ThoughtUpdated', { payload: { thoughtId, text: `Idea ${i}.${t}, third`, tags: [], changedFields: ['text', 'tags'], updatedAt: at(2) } }), 3));
      }
      if (t === 3) events.push(fact(sampleEvent('ThoughtDeleted', { payload: { thoughtId, deletedAt: at(5) } }), 2));
    }
  });
  return events;
}

/** Analyses of some entries, so `mood_days` averages sentiments too. */
function insightsOf(entries: readonly AnyEvent[]): AnyEvent[] {
  return entries.filter((_, i) => i % 4 === 0).map((entry, i) => {
    const generated = sampleEvent('AIInsightsGenerated', {
      payload: { entryId: entry.aggregateId, sentiment: (i % 5) / 5 - 0.4, analysed: true, themes: [], summary: 's', suggestions: [], generatedBy: 'test', generatedAt: '2025-01-01T12:00:00.000Z', entryVersion: 1 },
    });
    return { ...generated, eventId: randomUUID(), userId: entry.userId };
  });
}

const tables: Record<string, string> = {
  journals_view: 'journal_id',
  entries_view: 'entry_id',
  thoughts_view: 'thought_id',
  mood_days: 'owner_id, day',
  tags_view: 'owner_id, tag',
  tag_uses: 'item_id, tag',
  entry_sentiments: 'entry_id',
  read_stamps: 'owner_id',
  projection_versions: 'projection, aggregate_id',
};

async function dump(projection: EmbeddedProjection) {
  const result: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(tables)) result[table] = (await projection.read.query(`SELECT * FROM ${table} ORDER BY ${key}`)).rows;
  return result;
}

describe('set-based projection', () => {
  const scenario = journalScenario({ seed: 11, users: 4, journalsPerUser: 2, entries: 120, edits: 160 });
  const owners = [...new Set(scenario.map((e) => e.userId))];
  const history = [...scenario, ...thoughtHistory(owners), ...insightsOf(scenario.filter((e) => e.eventType === 'JournalEntryCreated'))];

  it('leaves every read model exactly as applying the events one by one does', async () => {
    // One outbox transaction: the projector reads it as one batch, i.e. chunks of up to 500 events.
    await Promise.all([setBased.appendTogether(history), oneByOne.appendTogether(history)]);
    await Promise.all([setBased.caughtUp(), oneByOne.caughtUp()]);
    const [batched, single] = await Promise.all([dump(setBased), dump(oneByOne)]);
    expect(batched.entries_view!.length).toBeGreaterThan(100);
    expect(batched.mood_days!.length).toBeGreaterThan(0);
    expect(batched).toEqual(single);
  });

  it('applies nothing twice when the whole log is delivered again in chunks', async () => {
    const before = await dump(setBased);
    expect(await setBased.redeliverEverything()).toBe(0);
    expect(await dump(setBased)).toEqual(before);
  });
});
