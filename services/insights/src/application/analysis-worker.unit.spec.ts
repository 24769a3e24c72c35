import { createLogger } from '@mindflow/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalysisWorker, type AnalysisWorker } from './analysis-worker.js';
import type { EntryAnalyzer } from './entry-analyzer.js';
import type { AnalysisStore, PendingAnalysis } from './ports/analysis-store.js';
import type { WorkSignal } from './ports/work-signal.js';

const log = createLogger('analysis-worker-test', 'silent');
const local: EntryAnalyzer = { name: 'local', analyze: () => Promise.resolve({ sentiment: 0, analysed: true, themes: [], summary: '', suggestions: [] }) };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A store whose queue the test fills; it counts the worker's rounds (claims) and what it settled. */
function fakeStore() {
  const queue: PendingAnalysis[] = [];
  const counts = { rounds: 0, settled: 0 };
  const store: AnalysisStore = {
    claimDue: (limit) => {
      counts.rounds += 1;
      return Promise.resolve(queue.splice(0, limit));
    },
    nextDueAt: () => Promise.resolve(undefined),
    // Insights turned off: the worker settles the work without analysing it, which is all these tests need.
    insightsEnabled: () => Promise.resolve(false),
    transaction: (work) =>
      work({
        settlePending: () => Promise.resolve(++counts.settled > 0),
        lockProgress: () => Promise.reject(new Error('not used')),
        saveInsights: () => Promise.reject(new Error('not used')),
        saveProgress: () => Promise.reject(new Error('not used')),
        appendEvents: () => Promise.reject(new Error('not used')),
      }),
    release: () => Promise.resolve(),
    claudeCallsOn: () => Promise.resolve(0),
    reserveClaudeCall: () => Promise.resolve(false),
  };
  const work = (): PendingAnalysis => ({
    entryId: crypto.randomUUID(), userId: crypto.randomUUID(), entryVersion: 1, authorPlan: 'free',
    title: null, content: 'x', correlationId: 'c', causationId: 'c',
  });
  return { store, queue, counts, work };
}

/** A signal the test fires by hand, like the projection's commit notice. */
function manualSignal(listening = true) {
  const waiting = new Set<() => void>();
  const signal: WorkSignal = {
    listening,
    arm(maxWaitMs) {
      let cancel = () => undefined as void;
      const wait = new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, maxWaitMs);
        waiting.add(done);
        cancel = done;
      });
      return { wait, cancel };
    },
  };
  return { signal, fire: () => [...waiting].forEach((done) => done()) };
}

let worker: AnalysisWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

describe('the analysis worker loop', () => {
  it('sleeps while idle and a listening signal may wake it, and takes queued work at the signal', async () => {
    const { store, queue, counts, work } = fakeStore();
    const { signal, fire } = manualSignal();
    worker = createAnalysisWorker({ store, local, dailyBudget: 1, log, now: () => new Date(), newId: () => crypto.randomUUID(), pollMs: 20, idlePollMs: 60_000, workQueued: signal });
    worker.start();
    await sleep(400);
    expect(counts.rounds).toBe(1); // at a 20 ms poll it would have been ~20
    queue.push(work(), work());
    fire();
    await expect.poll(() => counts.settled, { timeout: 2_000, interval: 10 }).toBe(2);
  });

  it('polls at pollMs while the signal does not listen (a lost notice cannot strand work)', async () => {
    const { store, queue, counts, work } = fakeStore();
    worker = createAnalysisWorker({ store, local, dailyBudget: 1, log, now: () => new Date(), newId: () => crypto.randomUUID(), pollMs: 30, idlePollMs: 60_000, workQueued: manualSignal(false).signal });
    worker.start();
    await expect.poll(() => counts.rounds, { timeout: 2_000, interval: 10 }).toBeGreaterThanOrEqual(3);
    queue.push(work());
    await expect.poll(() => counts.settled, { timeout: 2_000, interval: 10 }).toBe(1);
  });

  it('looks again at idlePollMs when no signal comes', async () => {
    const { store, queue, counts, work } = fakeStore();
    worker = createAnalysisWorker({ store, local, dailyBudget: 1, log, now: () => new Date(), newId: () => crypto.randomUUID(), pollMs: 20, idlePollMs: 150, workQueued: manualSignal().signal });
    worker.start();
    await sleep(50);
    queue.push(work()); // queued without a signal: lost notice
    await expect.poll(() => counts.settled, { timeout: 2_000, interval: 10 }).toBe(1);
  });

  it('runs no more than one round per pollMs however often the signal fires (load)', async () => {
    const { store, counts } = fakeStore();
    const { signal, fire } = manualSignal();
    worker = createAnalysisWorker({ store, local, dailyBudget: 1, log, now: () => new Date(), newId: () => crypto.randomUUID(), pollMs: 100, idlePollMs: 60_000, workQueued: signal });
    worker.start();
    const firing = setInterval(fire, 2);
    await sleep(550);
    clearInterval(firing);
    // rounds at ~0, 100, 200, 300, 400, 500 ms (and one in flight): about 6, never ~250
    expect(counts.rounds).toBeGreaterThanOrEqual(3);
    expect(counts.rounds).toBeLessThanOrEqual(8);
  });

  it('stops at once while it sleeps', async () => {
    const { store } = fakeStore();
    worker = createAnalysisWorker({ store, local, dailyBudget: 1, log, now: () => new Date(), newId: () => crypto.randomUUID(), pollMs: 20, idlePollMs: 60_000, workQueued: manualSignal().signal });
    worker.start();
    await sleep(50);
    const began = performance.now();
    await worker.stop();
    worker = undefined;
    expect(performance.now() - began).toBeLessThan(500);
  });
});
