import { insightsAggregateId, newEvent, type AnyEvent } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import { Registry } from 'prom-client';
import type { Analysis } from '../domain/analysis/insights.js';
import { chooseAnalyzer } from '../domain/policies/analyzer-choice.js';
import { budgetDay } from '@mindflow/platform/claude';
import { AnalysisFailedError, type EntryAnalyzer } from './entry-analyzer.js';
import { insightsMetrics } from './insights-metrics.js';
import type { AnalysisStore, PendingAnalysis } from './ports/analysis-store.js';
import type { WorkSignal } from './ports/work-signal.js';

/** The `source` of the events this service decides. */
export const insightsSource = 'insights';

export interface AnalysisWorkerOptions {
  /** The insights DB: pending work, insights, settings, budget, and the outbox the events go to. */
  readonly store: AnalysisStore;
  readonly local: EntryAnalyzer;
  /** Claude, when an API key is configured. */
  readonly claude?: EntryAnalyzer;
  readonly dailyBudget: number;
  readonly log: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Entries analysed at once (each Claude call also passes the adapter's own concurrency cap). */
  readonly batchSize?: number;
  /** How long a claimed entry is ours before another worker may take it over. */
  readonly leaseMs?: number;
  /**
   * The longest the worker sleeps before looking for due work again, without `workQueued` (or while it does not
   * listen); with it, the shortest time between two rounds a signal can start.
   */
  readonly pollMs?: number;
  /** Says when work may have been queued: an idle worker then sleeps until it (or `idlePollMs`) instead of `pollMs`. */
  readonly workQueued?: WorkSignal;
  /** With `workQueued` listening: the longest sleep, the safety net for a lost signal (default 10 s). */
  readonly idlePollMs?: number;
  /** Where its counters go (the ops server's registry). */
  readonly metrics?: Registry;
}

export interface AnalysisWorker {
  /** Analyses every due entry once; resolves with how many were settled (tests, and the loop). */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

type Outcome = { readonly analysis: Analysis; readonly by: string; readonly analyzer: 'claude' | 'local' } | { readonly failed: AnalysisFailedError };

/**
 * Takes due work (entries whose author paused editing), analyses each with Claude or the local analyzer,
 * and records the result as a fact: the insights row and `AIInsightsGenerated` (or `AIInsightsFailed`) in
 * the insights outbox, in one transaction that also settles the work — unless a newer edit or a delete
 * replaced the work meanwhile, in which case nothing is written.
 */
export function createAnalysisWorker(options: AnalysisWorkerOptions): AnalysisWorker {
  const { store, log } = options;
  const batchSize = options.batchSize ?? 8;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 250;
  const idlePollMs = Math.max(options.idlePollMs ?? 10_000, pollMs);
  let running: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;

  /** Sleeps `ms`, less if `signal` comes first (resolves true) or the worker stops. */
  function sleep(ms: number, signal?: Promise<void>): Promise<boolean> {
    if (stopping || ms <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const done = (signalled: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        wake = undefined;
        resolve(signalled);
      };
      const timer = setTimeout(() => done(false), ms);
      wake = () => done(false);
      void signal?.then(() => done(true));
    });
  }
  const metrics = insightsMetrics(options.metrics ?? new Registry());

  async function analyse(work: PendingAnalysis): Promise<Outcome> {
    const entry = { title: work.title, content: work.content };
    const day = budgetDay(options.now());
    const choice = chooseAnalyzer({
      plan: work.authorPlan,
      claudeAvailable: options.claude !== undefined,
      usedToday: options.claude && work.authorPlan === 'premium' ? await store.claudeCallsOn(work.userId, day) : 0,
      dailyBudget: options.dailyBudget,
    });
    const reserved = choice.use === 'claude' && options.claude !== undefined && (await store.reserveClaudeCall(work.userId, day, options.dailyBudget));
    if (choice.use === 'local' && choice.why === 'budget-spent') metrics.budgetSpent.inc();
    if (choice.use === 'claude' && !reserved) metrics.budgetSpent.inc();
    if (reserved && options.claude) {
      try {
        return { analysis: await options.claude.analyze(entry), by: options.claude.name, analyzer: 'claude' };
      } catch (error) {
        const reason = error instanceof AnalysisFailedError ? error.reason : 'unexpected';
        metrics.fallbacks.inc({ reason });
        log.warn({ entryId: work.entryId, entryVersion: work.entryVersion, reason }, 'Claude analysis failed; falling back to the local analyzer');
      }
    } else if (choice.use === 'local') {
      log.debug({ entryId: work.entryId, why: choice.why }, 'local analysis');
    }
    try {
      return { analysis: await options.local.analyze(entry), by: options.local.name, analyzer: 'local' };
    } catch (error) {
      log.error({ entryId: work.entryId, err: error instanceof Error ? error.name : 'unknown' }, 'local analysis failed');
      return { failed: error instanceof AnalysisFailedError ? error : new AnalysisFailedError('local-analyzer-error', 1) };
    }
  }

  async function settle(work: PendingAnalysis, outcome: Outcome): Promise<boolean> {
    return store.transaction(async (tx) => {
      if (!(await tx.settlePending(work.entryId, work.entryVersion))) return false;
      const progress = await tx.lockProgress(work.entryId);
      if (work.entryVersion <= progress.settledVersion) return false;
      const at = options.now();
      const meta = {
        eventId: options.newId(),
        occurredAt: at.toISOString(),
        source: insightsSource,
        correlationId: work.correlationId,
        causationId: work.causationId,
        userId: work.userId,
        aggregateId: insightsAggregateId(work.entryId),
        aggregateVersion: progress.insightsVersion + 1,
      };
      let event: AnyEvent;
      if ('failed' in outcome) {
        event = newEvent('AIInsightsFailed', {
          ...meta,
          payload: { entryId: work.entryId, reason: outcome.failed.reason, attempts: outcome.failed.attempts, entryVersion: work.entryVersion, failedAt: at.toISOString() },
        });
      } else {
        const { analysis, by } = outcome;
        await tx.saveInsights({ entryId: work.entryId, userId: work.userId, entryVersion: work.entryVersion, ...analysis, generatedBy: by, generatedAt: at });
        event = newEvent('AIInsightsGenerated', {
          ...meta,
          payload: {
            entryId: work.entryId,
            sentiment: analysis.sentiment,
            analysed: analysis.analysed,
            themes: [...analysis.themes],
            summary: analysis.summary,
            suggestions: [...analysis.suggestions],
            generatedBy: by,
            generatedAt: at.toISOString(),
            entryVersion: work.entryVersion,
          },
        });
      }
      await tx.appendEvents([event]);
      await tx.saveProgress(work.entryId, { insightsVersion: meta.aggregateVersion, settledVersion: work.entryVersion });
      metrics.analyses.inc({ analyzer: 'failed' in outcome ? 'none' : outcome.analyzer, outcome: 'failed' in outcome ? 'failed' : 'generated' });
      log.info({ entryId: work.entryId, entryVersion: work.entryVersion, eventType: event.eventType, generatedBy: 'by' in outcome ? outcome.by : undefined }, 'insights settled');
      return true;
    });
  }

  async function process(work: PendingAnalysis): Promise<boolean> {
    try {
      if (!(await store.insightsEnabled(work.userId))) {
        // Turned off after the edit was queued: the work goes, and nothing is said about the entry.
        await store.transaction((tx) => tx.settlePending(work.entryId, work.entryVersion));
        return false;
      }
      return await settle(work, await analyse(work));
    } catch (error) {
      log.error({ entryId: work.entryId, err: error instanceof Error ? error.message : 'unknown' }, 'analysis could not be settled; retrying later');
      await store.release(work.entryId, work.entryVersion, new Date(options.now().getTime() + 5_000)).catch(() => undefined);
      return false;
    }
  }

  async function runOnce(): Promise<number> {
    let settled = 0;
    for (let round = 0; round < 1_000; round += 1) {
      const due = await store.claimDue(batchSize, leaseMs, options.now());
      if (due.length === 0) break;
      settled += (await Promise.all(due.map(process))).filter(Boolean).length;
      if (stopping) break;
    }
    return settled;
  }

  /**
   * Rounds until stopped. Between them it sleeps until the next queued work falls due, or, with nothing queued, until
   * `workQueued` signals (at most `idlePollMs`; without a listening signal, `pollMs`, as a poll). An idle worker
   * thus costs one round per `idlePollMs` rather than four a second (issue 11).
   */
  async function loop(): Promise<void> {
    while (!stopping) {
      const roundStarted = Date.now();
      // Armed before looking: work queued while this round runs still ends the sleep that follows it.
      const queued = options.workQueued?.arm(idlePollMs);
      try {
        await runOnce();
        const next = await store.nextDueAt();
        const longest = options.workQueued?.listening ? idlePollMs : pollMs;
        const wait = next ? Math.min(longest, Math.max(0, next.getTime() - options.now().getTime())) : longest;
        // A signal never makes rounds more frequent than the poll did: under load, one per `pollMs` at most.
        if (await sleep(Math.max(wait, 20), queued?.wait)) await sleep(roundStarted + pollMs - Date.now());
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'analysis worker round failed');
        await sleep(pollMs * 4);
      } finally {
        queued?.cancel();
      }
    }
  }

  return {
    runOnce,
    start() {
      running ??= loop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}
