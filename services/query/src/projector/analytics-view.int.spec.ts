import { randomUUID } from 'node:crypto';
import type { AnyEvent, Mood } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedProjection, type EmbeddedProjection } from './test/embedded-projection.js';

let projection: EmbeddedProjection;
beforeAll(async () => {
  projection = await embeddedProjection('analytics_view');
});
afterAll(async () => projection?.close());

const owner = randomUUID();
const journalId = randomUUID();
const [e1, e2, e3, late] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const versions = new Map<string, number>();
/** The next event of its aggregate, owned by `owner`. */
const fact = (event: AnyEvent): AnyEvent => {
  const version = (versions.get(event.aggregateId) ?? 0) + 1;
  versions.set(event.aggregateId, version);
  return { ...event, eventId: randomUUID(), aggregateVersion: version, userId: owner };
};
const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const entry = (entryId: string, createdAt: string, mood: Mood | null, words: number) =>
  fact(sampleEvent('JournalEntryCreated', { payload: { entryId, journalId, title: null, content: 'x', mood, tags: [], wordCount: words, weather: null, location: null, createdAt } }));
const update = (entryId: string, mood: Mood | null, words: number) =>
  fact(sampleEvent('JournalEntryUpdated', { payload: { entryId, journalId, title: null, content: 'y', mood, tags: [], wordCount: words, weather: null, location: null, changedFields: ['mood', 'content'], updatedAt: at('2030-05-03', 9) } }));
const insights = (entryId: string, sentiment: number, entryVersion: number) =>
  fact(sampleEvent('AIInsightsGenerated', { payload: { entryId, sentiment, themes: [], summary: 's', suggestions: [], generatedBy: 'test', generatedAt: at('2030-05-03', 8), entryVersion } }));

async function days() {
  const { rows } = await projection.read.query<{ day: string; mood: string | null; entry_count: number; word_count: number; sentiment: number | null }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, mood, entry_count, word_count, round(average_sentiment::numeric, 3)::float AS sentiment
       FROM mood_days WHERE owner_id = $1 ORDER BY day`,
    [owner],
  );
  return rows;
}

async function apply(...events: AnyEvent[]) {
  await projection.append(events);
  await projection.caughtUp();
}

describe('analytics (mood_days, entry_sentiments)', () => {
  it('counts entries and words per UTC day, with the most frequent mood', async () => {
    await apply(
      fact(sampleEvent('JournalCreated', { payload: { journalId, name: 'J', description: null, color: null, icon: null, isPrivate: false, createdAt: at('2030-05-01', 0) } })),
      entry(e1, at('2030-05-01', 10), 'CALM', 3),
      entry(e2, at('2030-05-01', 12), 'LOW', 5),
      entry(e3, at('2030-05-01', 23), 'CALM', 2),
      entry(late, '2030-05-01T22:30:00.000Z', 'GREAT', 4),
    );
    expect(await days()).toEqual([{ day: '2030-05-01', mood: 'CALM', entry_count: 4, word_count: 14, sentiment: null }]);
  });

  it('averages the sentiment of analysed entries; a re-analysis replaces it, an analysis of an older version does not', async () => {
    await apply(insights(e1, 0.5, 1), insights(e2, -0.1, 1));
    expect((await days())[0]).toMatchObject({ sentiment: 0.2 });
    await apply(insights(e1, 0.9, 1));
    expect((await days())[0]).toMatchObject({ sentiment: 0.4 });
    await apply(update(e2, 'LOW', 5), insights(e2, 0.3, 2), insights(e2, -1, 1));
    expect((await days())[0]).toMatchObject({ sentiment: 0.6 });
  });

  it('follows updates and deletes: a tie goes to the latest entry\'s mood', async () => {
    await apply(update(e3, 'LOW', 7)); // CALM 1, LOW 2, GREAT 1
    expect((await days())[0]).toMatchObject({ mood: 'LOW', entry_count: 4, word_count: 19 });
    await apply(fact(sampleEvent('JournalEntryDeleted', { payload: { entryId: e2, journalId, deletedAt: at('2030-05-03', 10) } })));
    // CALM (10:00), LOW (23:00), GREAT (22:30): a three-way tie, the 23:00 entry is the latest
    expect((await days())[0]).toMatchObject({ mood: 'LOW', entry_count: 3, word_count: 14, sentiment: 0.9 });
    await apply(fact(sampleEvent('MoodRecorded', { payload: { entryId: e3, mood: 'CALM', recordedAt: at('2030-05-03', 11) } })));
    expect((await days())[0]).toMatchObject({ mood: 'CALM' });
  });

  it('counts insights that arrive before their entry once the entry is there', async () => {
    const early = randomUUID();
    await apply(insights(early, -0.5, 1));
    expect(await days()).toHaveLength(1);
    await apply(entry(early, at('2030-05-04', 8), null, 1));
    expect((await days())[1]).toEqual({ day: '2030-05-04', mood: null, entry_count: 1, word_count: 1, sentiment: -0.5 });
  });

  it('applies every event once: the whole log delivered again changes nothing', async () => {
    const before = await days();
    expect(await projection.redeliverEverything()).toBe(0);
    expect(await days()).toEqual(before);
  });

  it('drops the days of a deleted journal', async () => {
    await apply(fact(sampleEvent('JournalDeleted', { payload: { journalId, deletedAt: at('2030-05-05', 0) } })));
    expect(await days()).toEqual([]);
  });
});
