import type { AnyEvent } from '@mindflow/events';
import type { Analysis } from '../../domain/analysis/insights.js';
import type { AuthorPlan } from '../../domain/policies/analyzer-choice.js';

/** One entry version waiting to be analysed. */
export interface PendingAnalysis {
  readonly entryId: string;
  readonly userId: string;
  readonly entryVersion: number;
  readonly authorPlan: AuthorPlan;
  readonly title: string | null;
  readonly content: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/** Insights as stored and served (without `analysed`: the API has no field for it; AIInsightsGenerated carries it). */
export interface StoredInsights extends Omit<Analysis, 'analysed'> {
  readonly entryId: string;
  readonly userId: string;
  readonly entryVersion: number;
  readonly generatedBy: string;
  readonly generatedAt: Date;
}

/** The insights aggregate's progress for an entry: its last event version and the last entry version settled. */
export interface InsightsProgress {
  readonly insightsVersion: number;
  readonly settledVersion: number;
}

/** What settling one analysis writes, in one transaction of the insights DB. */
export interface SettlingTransaction {
  /** Removes the work if it is still this version (a newer edit or a delete leaves it alone): true when removed. */
  settlePending(entryId: string, entryVersion: number): Promise<boolean>;
  /** The entry's progress, locked until commit. */
  lockProgress(entryId: string): Promise<InsightsProgress>;
  saveInsights(insights: StoredInsights): Promise<void>;
  saveProgress(entryId: string, progress: InsightsProgress): Promise<void>;
  /** The insights outbox: the events commit with the rows. */
  appendEvents(events: readonly AnyEvent[]): Promise<void>;
}

/** The insights DB as the analysis worker sees it: due work, settings, the Claude budget, settling. */
export interface AnalysisStore {
  transaction<R>(work: (tx: SettlingTransaction) => Promise<R>): Promise<R>;
  /** Takes a lease on up to `limit` due entries nobody holds (or whose holder's lease ran out), oldest due first. */
  claimDue(limit: number, leaseMs: number, now: Date): Promise<PendingAnalysis[]>;
  /** Lets another attempt take the work at `dueAt` (the analysis could not be settled now). */
  release(entryId: string, entryVersion: number, dueAt: Date): Promise<void>;
  /** When the next queued work falls due, if any. */
  nextDueAt(): Promise<Date | undefined>;
  /** Whether the user wants insights (the default when they never said). */
  insightsEnabled(userId: string): Promise<boolean>;
  claudeCallsOn(userId: string, day: string): Promise<number>;
  /** Reserves one Claude analysis of the user's budget for `day` if `dailyBudget` allows it: true when reserved. */
  reserveClaudeCall(userId: string, day: string, dailyBudget: number): Promise<boolean>;
}
