import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import type { KeyStore } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import type { AnalysisStore } from '../../application/ports/analysis-store.js';
import type { EntryWorkRows } from '../../application/ports/entry-work-rows.js';
import { dropInsights, progressOf, saveInsights, saveProgress } from './insights-rows.js';
import {
  claimDueAnalyses,
  dropPendingAnalysis,
  firstQueuedAt,
  nextDueAt,
  queueAnalysis,
  releasePendingAnalysis,
  settlePendingAnalysis,
} from './pending-analyses.js';
import { claudeCallsOn, insightsEnabled, reserveClaudeCall } from './user-settings.js';

/**
 * The insights DB behind the analysis worker's port. With `keys`, the events it appends (AIInsightsGenerated: summary,
 * themes) are sealed with their owner's data key (issue 16), and those of an erased user are not written.
 */
export function pgAnalysisStore(pool: Pool, keys?: KeyStore): AnalysisStore {
  return {
    transaction: (work) =>
      withTransaction(pool, (tx) =>
        work({
          settlePending: (entryId, entryVersion) => settlePendingAnalysis(tx, entryId, entryVersion),
          lockProgress: (entryId) => progressOf(tx, entryId, true),
          saveInsights: (insights) => saveInsights(tx, insights),
          saveProgress: (entryId, progress) => saveProgress(tx, entryId, progress.insightsVersion, progress.settledVersion),
          appendEvents: (events) => appendToOutbox(tx, events, { keys, skipErased: true }),
        })),
    claimDue: (limit, leaseMs, now) => claimDueAnalyses(pool, limit, leaseMs, now),
    release: (entryId, entryVersion, dueAt) => releasePendingAnalysis(pool, entryId, entryVersion, dueAt),
    nextDueAt: () => nextDueAt(pool),
    insightsEnabled: (userId) => insightsEnabled(pool, userId),
    claudeCallsOn: (userId, day) => claudeCallsOn(pool, userId, day),
    reserveClaudeCall: (userId, day, dailyBudget) => reserveClaudeCall(pool, userId, day, dailyBudget),
  };
}

/** The insights projection's rows, in the projector's transaction. */
export function pgEntryWorkRows(tx: PoolClient): EntryWorkRows {
  return {
    insightsEnabled: (userId) => insightsEnabled(tx, userId),
    settledVersion: async (entryId) => (await progressOf(tx, entryId)).settledVersion,
    firstQueuedAt: (entryId) => firstQueuedAt(tx, entryId),
    queue: (work, firstQueued, dueAt) => queueAnalysis(tx, work, firstQueued, dueAt),
    async forget(entryId) {
      await dropPendingAnalysis(tx, entryId);
      await dropInsights(tx, entryId);
    },
  };
}
