// Analytics and the dashboard through the gateway, in both ways to run: `me { moodTrend streak }` (identity
// owns User, the query subgraph adds these), `dashboard`, each read back with the writes' consistency
// tokens, so the read cache never answers from before them; and one user never sees another's numbers.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../system/index.js';
import { GatewayClient } from './gateway-client.js';
import * as op from './mutation-operations.js';
import type { E2eGateway } from './test/e2e-system.js';
import { sharedE2eSystem } from './test/shared-e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];
const after = (...tokens: string[]) => ({ 'x-consistent-with': tokens.join(',') });
const today = new Date().toISOString().slice(0, 10);

const register = 'mutation ($email: String!, $password: String!) { register(email: $email, password: $password) { accessToken user { id } } }';
const me = '{ me { id moodTrend(days: 7) { date mood averageSentiment entryCount } streak } }';
const dashboard = `{ dashboard { recentEntries { id title mood journal { name } } moodTrend { date mood entryCount } streak
  taskStats { total completed completionRate } latestInsights { entryId } } }`;

interface Me { me: { id: string; moodTrend: { date: string; mood: string | null; averageSentiment: number | null; entryCount: number }[]; streak: number } }
interface Dashboard {
  dashboard: {
    recentEntries: { id: string; title: string; mood: string | null; journal: { name: string } }[];
    moodTrend: { date: string; mood: string | null; entryCount: number }[];
    streak: number;
    taskStats: { total: number; completed: number; completionRate: number };
    latestInsights: { entryId: string }[];
  };
}

describe.each(modes)('analytics and the dashboard through the gateway (%s mode)', (mode) => {
  let e2e: E2eGateway;
  let alice: GatewayClient;
  let bob: GatewayClient;

  beforeAll(async () => {
    e2e = await sharedE2eSystem(mode);
    const anonymous = new GatewayClient(e2e.gatewayUrl);
    const signUp = async () => {
      const { register: auth } = await anonymous.data<{ register: { accessToken: string } }>(register, { email: `${randomUUID()}@example.test`, password: 'correct horse battery staple' });
      return anonymous.withToken(auth.accessToken);
    };
    [alice, bob] = await Promise.all([signUp(), signUp()]);
  });

  async function writeEntry(client: GatewayClient, journalId: string, title: string, mood: string) {
    const { createEntry } = await client.data<{ createEntry: { entry: { id: string }; consistencyToken: string } }>(
      op.createEntry, { input: { journalId, title, content: `${title} was a day of words`, mood } });
    return createEntry;
  }

  it('me { moodTrend streak } and the dashboard follow each write read back with its token', async () => {
    const { createJournal } = await alice.data<{ createJournal: { journal: { id: string }; consistencyToken: string } }>(op.createJournal, { input: { name: 'Days' } });
    const journalId = createJournal.journal.id;

    // Before any entry: zero everywhere (and the dashboard is now in the cache).
    const empty = await alice.data<Dashboard>(dashboard, {}, after(createJournal.consistencyToken));
    expect(empty.dashboard).toMatchObject({ recentEntries: [], streak: 0, taskStats: { total: 0, completed: 0, completionRate: 0 } });
    expect(empty.dashboard.moodTrend).toHaveLength(30);

    const first = await writeEntry(alice, journalId, 'Morning', 'CALM');
    const calm = await alice.data<Me>(me, {}, after(first.consistencyToken));
    expect(calm.me.streak).toBe(1);
    expect(calm.me.moodTrend).toHaveLength(7);
    expect(calm.me.moodTrend.at(-1)).toMatchObject({ date: today, mood: 'CALM', entryCount: 1 });

    const second = await writeEntry(alice, journalId, 'Noon', 'LOW');
    const third = await writeEntry(alice, journalId, 'Evening', 'LOW');
    const { createTask: task } = await alice.data<{ createTask: { task: { id: string }; consistencyToken: string } }>(op.createTask, { input: { title: 'Walk', date: today } });
    await alice.data(op.createTask, { input: { title: 'Read', date: today } });
    const { completeTask: done } = await alice.data<{ completeTask: { consistencyToken: string } }>(op.completeTask, { id: task.task.id });

    const read = await alice.data<Dashboard>(dashboard, {}, after(second.consistencyToken, third.consistencyToken, done.consistencyToken));
    expect(read.dashboard.recentEntries.map((e) => e.title)).toEqual(['Evening', 'Noon', 'Morning']);
    expect(read.dashboard.recentEntries[0]!.journal.name).toBe('Days');
    expect(read.dashboard.moodTrend.at(-1)).toEqual({ date: today, mood: 'LOW', entryCount: 3 });
    expect(read.dashboard.streak).toBe(1);
    // The second task's creation may still be in flight: the completed one is in, and never counted twice.
    expect(read.dashboard.taskStats.completed).toBe(1);
    expect(read.dashboard.taskStats.total).toBeGreaterThanOrEqual(1);
    const mine = new Set([first.entry.id, second.entry.id, third.entry.id]);
    expect(read.dashboard.latestInsights.every((i) => mine.has(i.entryId))).toBe(true);

    // A delete read back with its token is gone from the (cached) dashboard at once.
    const { deleteEntry } = await alice.data<{ deleteEntry: { consistencyToken: string } }>(op.deleteEntry, { id: third.entry.id });
    const afterDelete = await alice.data<Dashboard>(dashboard, {}, after(deleteEntry.consistencyToken));
    expect(afterDelete.dashboard.recentEntries.map((e) => e.title)).toEqual(['Noon', 'Morning']);
    expect(afterDelete.dashboard.moodTrend.at(-1)).toMatchObject({ entryCount: 2 });
  });

  it('latestInsights resolve through the insights subgraph, and their sentiment reaches the mood trend', async () => {
    const insights = '{ dashboard { recentEntries { id } latestInsights { entryId sentiment summary } } me { moodTrend(days: 1) { averageSentiment } } }';
    type Read = { dashboard: { recentEntries: { id: string }[]; latestInsights: { entryId: string; sentiment: number; summary: string }[] }; me: { moodTrend: { averageSentiment: number | null }[] } };
    // The insights projector analyses each entry on its own time: wait (bounded) for the first analyses.
    const deadline = Date.now() + 90_000;
    let read = await alice.data<Read>(insights);
    while ((read.dashboard.latestInsights.length === 0 || read.me.moodTrend[0]!.averageSentiment === null) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      read = await alice.data<Read>(insights);
    }
    const alive = new Set(read.dashboard.recentEntries.map((e) => e.id));
    expect(read.dashboard.latestInsights.length).toBeGreaterThan(0);
    for (const item of read.dashboard.latestInsights) {
      expect(alive.has(item.entryId)).toBe(true);
      expect(item.sentiment).toBeGreaterThanOrEqual(-1);
      expect(item.sentiment).toBeLessThanOrEqual(1);
      expect(typeof item.summary).toBe('string');
    }
    const average = read.me.moodTrend[0]!.averageSentiment;
    expect(average).not.toBeNull();
    expect(Math.abs(average!)).toBeLessThanOrEqual(1);
  });

  it('shows another user none of it', async () => {
    const other = await bob.data<Dashboard>(dashboard);
    expect(other.dashboard).toMatchObject({ recentEntries: [], streak: 0, latestInsights: [], taskStats: { total: 0 } });
    expect(other.dashboard.moodTrend.every((p) => p.entryCount === 0)).toBe(true);
    const bobMe = await bob.data<Me>(me);
    expect(bobMe.me.streak).toBe(0);
  });
});
