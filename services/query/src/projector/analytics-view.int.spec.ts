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
  fact(sampleEvent('AIInsightsGenerated', { payload: { entryId, sentiment, analysed: true, themes: [], summary: 's', suggestions: [], generatedBy: 'test', generatedAt: at('2030-05-03', 8), entryVersion } }));
/** The local analyzer's result for a text it cannot read (not English), as AIInsightsGenerated V1 carried it. */
const notAnalysedV1Payload = (entryId: string, entryVersion: number) => ({
  entryId, sentiment: 0, themes: [], summary: 'Not analysed: the local analysis reads English only.', suggestions: [], generatedBy: 'local-analyzer@2', generatedAt: at('2030-05-03', 8), entryVersion,
});
/** The same in V2: it says so (`analysed: false`), the sentiment 0 only there because it must be a number. */
const notAnalysed = (entryId: string, entryVersion: number) =>
  fact(sampleEvent('AIInsightsGenerated', { payload: { ...notAnalysedV1Payload(entryId, entryVersion), analysed: false } }));
/** As the insights service wrote it before `analysed` existed: a V1 event in the log, upcast when read. */
const notAnalysedV1 = (entryId: string, entryVersion: number) =>
  ({ ...notAnalysed(entryId, entryVersion), schemaVersion: 1, payload: notAnalysedV1Payload(entryId, entryVersion) }) as unknown as AnyEvent;

async function days() {
  const { rows } = await projection.read.query<{ day: string; mood: string | null; entry_count: number; word_count: number; sentiment: number | null }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, mood, entry_count, word_count, round(average_sentiment::numeric, 3)::float AS sentiment
       FROM mood_days WHERE owner_id = $1 ORDER BY day`,
    [owner],
  );
  return rows;
}

async function sentiments() {
  const { rows } = await projection.read.query<{ entry_id: string; sentiment: number | null; entry_version: number }>(
    'SELECT entry_id, sentiment, entry_version FROM entry_sentiments WHERE owner_id = $1 ORDER BY entry_id',
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

  it('leaves out of the average an entry whose analysis could not read it (not English), V1 events included', async () => {
    const [read, unread, unreadV1] = [randomUUID(), randomUUID(), randomUUID()];
    await apply(entry(read, at('2030-05-02', 8), null, 1), entry(unread, at('2030-05-02', 9), null, 1), entry(unreadV1, at('2030-05-02', 10), null, 1));
    await apply(insights(read, 0.6, 1), notAnalysed(unread, 1), notAnalysedV1(unreadV1, 1));
    // Counted as 0 they would make it 0.2, a neutral day.
    expect((await days())[1]).toEqual({ day: '2030-05-02', mood: null, entry_count: 3, word_count: 3, sentiment: 0.6 });
    // The entries keep their insights row (and its version), without a sentiment.
    expect((await sentiments()).filter((s) => s.entry_id === unread || s.entry_id === unreadV1)).toEqual(
      [unread, unreadV1].sort().map((entry_id) => ({ entry_id, sentiment: null, entry_version: 1 })),
    );
    // A re-analysis that reads it counts again; one that cannot read it takes its sentiment out again.
    await apply(insights(unread, 0.2, 1));
    expect((await days())[1]).toMatchObject({ sentiment: 0.4 });
    await apply(notAnalysed(read, 1));
    expect((await days())[1]).toMatchObject({ sentiment: 0.2 });
    await apply(notAnalysed(unread, 1));
    expect((await days())[1]).toMatchObject({ entry_count: 3, sentiment: null });
  });

  it('moves a redated entry from the day it left to the day it is about now, one by one and a chunk at a time', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await apply(entry(a, at('2030-05-06', 10), 'GREAT', 2), entry(b, at('2030-05-06', 11), 'LOW', 3));
    expect((await days()).filter((d) => d.day >= '2030-05-06')).toEqual([
      { day: '2030-05-06', mood: 'LOW', entry_count: 2, word_count: 5, sentiment: null },
    ]);
    const redate = (entryId: string, createdAt: string, mood: Mood, words: number) =>
      fact(sampleEvent('JournalEntryUpdated', { payload: { entryId, journalId, title: null, content: 'x', mood, tags: [], wordCount: words, weather: null, location: null, createdAt, changedFields: ['createdAt'], updatedAt: at('2030-05-09', 9) } }));
    await apply(redate(a, at('2030-05-07', 12), 'GREAT', 2));
    expect((await days()).filter((d) => d.day >= '2030-05-06')).toEqual([
      { day: '2030-05-06', mood: 'LOW', entry_count: 1, word_count: 3, sentiment: null },
      { day: '2030-05-07', mood: 'GREAT', entry_count: 1, word_count: 2, sentiment: null },
    ]);
    // two in one chunk: the day both left goes, each counts on its new day
    await apply(redate(a, at('2030-05-08', 12), 'GREAT', 2), redate(b, at('2030-05-08', 13), 'LOW', 3));
    expect((await days()).filter((d) => d.day >= '2030-05-06')).toEqual([
      { day: '2030-05-08', mood: 'LOW', entry_count: 2, word_count: 5, sentiment: null },
    ]);
    const { rows } = await projection.read.query<{ created_at: Date }>('SELECT created_at FROM entries_view WHERE entry_id = $1', [a]);
    expect(rows[0]?.created_at.toISOString()).toBe(at('2030-05-08', 12));
  });

  it('applies every event once: the whole log delivered again changes nothing', async () => {
    const before = await days();
    expect(await projection.redeliverEverything()).toBe(0);
    expect(await days()).toEqual(before);
  });

  it('replays to the same tables: over its own rows, and from empty tables (a rebuild)', async () => {
    const before = { days: await days(), sentiments: await sentiments() };
    const forgetVersions = async () => void (await projection.read.query("DELETE FROM projection_versions WHERE projection = 'query'"));
    await projection.restart(forgetVersions);
    await projection.caughtUp();
    expect({ days: await days(), sentiments: await sentiments() }).toEqual(before);
    await projection.restart(async () => {
      await forgetVersions();
      await projection.read.query('TRUNCATE journals_view, entries_view, entry_sentiments, mood_days');
    });
    await projection.caughtUp();
    expect({ days: await days(), sentiments: await sentiments() }).toEqual(before);
  });

  it('drops the days of a deleted journal', async () => {
    await apply(fact(sampleEvent('JournalDeleted', { payload: { journalId, deletedAt: at('2030-05-05', 0) } })));
    expect(await days()).toEqual([]);
  });
});
