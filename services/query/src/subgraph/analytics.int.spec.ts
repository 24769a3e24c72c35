import { randomUUID } from 'node:crypto';
import { signCaller } from '@mindflow/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, utcDay } from '../analytics/utc-days.js';
import { startQuerySubgraph, type RunningQuerySubgraph } from './start-query-subgraph.js';
import { postGraphQL } from './test/post-graphql.js';
import { createTestReadDb, type TestReadDb } from './test/read-db.js';
import { recordingCommands } from './test/recording-commands.js';
import { seedEntry, seedJournal, seedTask } from './test/seed.js';

const secret = 'query-subgraph-analytics-test-secret';
const alice = randomUUID();
const bob = randomUUID();
const as = (userId: string) => ({ 'x-mindflow-caller': signCaller({ userId, roles: ['user'] }, secret) });
const today = utcDay(new Date());
const yesterday = addDays(today, -1);

let db: TestReadDb;
let subgraph: RunningQuerySubgraph;
let journal: string;
const entries: string[] = [];

async function seedDay(ownerId: string, day: string, mood: string | null, entryCount: number, sentiment: number | null) {
  await db.pool.query(
    'INSERT INTO mood_days (owner_id, day, mood, entry_count, word_count, average_sentiment) VALUES ($1, $2, $3, $4, $5, $6)',
    [ownerId, day, mood, entryCount, entryCount * 10, sentiment],
  );
}

beforeAll(async () => {
  db = await createTestReadDb();
  subgraph = await startQuerySubgraph(
    { QUERY_SUBGRAPH_PORT: 0, READ_DATABASE_URL: db.url, INTERNAL_CALLER_SECRET: secret, CONSISTENCY_WAIT_MS: 1_500 },
    { commands: recordingCommands() },
  );
  journal = await seedJournal(db.pool, { ownerId: alice, name: 'Days' });
  for (let i = 0; i < 7; i++) {
    entries.push(await seedEntry(db.pool, { journalId: journal, ownerId: alice, title: `E${i}`, createdAt: `${yesterday}T0${i}:00:00.000Z` }));
  }
  for (const [i, entryId] of entries.slice(0, 6).entries()) {
    await db.pool.query('INSERT INTO entry_sentiments (entry_id, owner_id, sentiment, entry_version, generated_at) VALUES ($1, $2, 0.1, 1, $3)',
      [entryId, alice, `${today}T0${i}:00:00.000Z`]);
  }
  await seedDay(alice, today, 'CALM', 1, null);
  await seedDay(alice, yesterday, 'LOW', 7, -0.25);
  await seedDay(alice, addDays(today, -2), 'GOOD', 1, 0.5);
  await seedDay(alice, addDays(today, -4), 'GREAT', 2, 1);
  await seedDay(bob, today, 'BAD', 3, -1);
  await seedTask(db.pool, { ownerId: alice, date: '2030-01-10', completed: true });
  await seedTask(db.pool, { ownerId: alice, date: '2030-01-11' });
  await seedTask(db.pool, { ownerId: alice, date: '2030-01-12', completed: true });
  await seedTask(db.pool, { ownerId: alice, date: '2030-02-01' });
  await seedTask(db.pool, { ownerId: bob, date: '2030-01-10', completed: true });
});

afterAll(async () => {
  await subgraph?.close();
  await db?.drop();
});

const userAnalytics = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id moodTrend(days: 5) { date mood averageSentiment entryCount wordCount } streak } } }`;

describe('User.moodTrend and User.streak', () => {
  it('give the caller one point per UTC day, oldest first, and the streak ending today', async () => {
    const res = await postGraphQL<{ _entities: { moodTrend: unknown[]; streak: number }[] }>(
      subgraph.url, userAnalytics, { reps: [{ __typename: 'User', id: alice }] }, as(alice));
    expect(res.errors).toBeUndefined();
    const [user] = res.data!._entities;
    expect(user!.streak).toBe(3);
    expect(user!.moodTrend).toEqual([
      { date: addDays(today, -4), mood: 'GREAT', averageSentiment: 1, entryCount: 2, wordCount: 20 },
      { date: addDays(today, -3), mood: null, averageSentiment: null, entryCount: 0, wordCount: 0 },
      { date: addDays(today, -2), mood: 'GOOD', averageSentiment: 0.5, entryCount: 1, wordCount: 10 },
      { date: yesterday, mood: 'LOW', averageSentiment: -0.25, entryCount: 7, wordCount: 70 },
      { date: today, mood: 'CALM', averageSentiment: null, entryCount: 1, wordCount: 10 },
    ]);
  });

  it('are empty for anyone but the caller', async () => {
    const res = await postGraphQL<{ _entities: { moodTrend: unknown[]; streak: number }[] }>(
      subgraph.url, userAnalytics, { reps: [{ __typename: 'User', id: bob }] }, as(alice));
    expect(res.data!._entities).toEqual([{ id: bob, moodTrend: [], streak: 0 }]);
  });

  it('refuse a window outside 1 … 366 days', async () => {
    const res = await postGraphQL(subgraph.url, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { moodTrend(days: 0) { date } } } }`,
      { reps: [{ __typename: 'User', id: alice }] }, as(alice));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
  });
});

const dashboard = `{ dashboard { recentEntries { title journal { name } } moodTrend { date entryCount } streak
  all: taskStats { total completed completionRate } january: taskStats(from: "2030-01-01", to: "2030-01-31") { total completed completionRate }
  latestInsights { entryId } } }`;

interface DashboardData {
  dashboard: {
    recentEntries: { title: string; journal: { name: string } }[];
    moodTrend: { date: string; entryCount: number }[];
    streak: number;
    all: { total: number; completed: number; completionRate: number };
    january: { total: number; completed: number; completionRate: number };
    latestInsights: { entryId: string }[];
  };
}

describe('Query.dashboard', () => {
  it('answers the caller\'s recent entries, 30-day trend, streak, task stats and latest insights', async () => {
    const res = await postGraphQL<DashboardData>(subgraph.url, dashboard, {}, as(alice));
    expect(res.errors).toBeUndefined();
    const d = res.data!.dashboard;
    expect(d.recentEntries.map((e) => e.title)).toEqual(['E6', 'E5', 'E4', 'E3', 'E2']);
    expect(d.recentEntries[0]!.journal.name).toBe('Days');
    expect(d.moodTrend).toHaveLength(30);
    expect(d.moodTrend.at(-1)).toEqual({ date: today, entryCount: 1 });
    expect(d.streak).toBe(3);
    expect(d.all).toEqual({ total: 4, completed: 2, completionRate: 0.5 });
    expect(d.january.total).toBe(3);
    expect(d.january.completionRate).toBeCloseTo(2 / 3);
    expect(d.latestInsights).toEqual([5, 4, 3, 2, 1].map((i) => ({ entryId: entries[i] })));
  });

  it('shows someone else nothing of it', async () => {
    const res = await postGraphQL<DashboardData>(subgraph.url, dashboard, {}, as(bob));
    const d = res.data!.dashboard;
    expect(d.recentEntries).toEqual([]);
    expect(d.latestInsights).toEqual([]);
    expect(d.all).toEqual({ total: 1, completed: 1, completionRate: 1 });
    expect(d.streak).toBe(1);
  });
});
