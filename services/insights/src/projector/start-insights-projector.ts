import { randomUUID } from 'node:crypto';
import { erasingReadModels, ProjectionNotices, startProjection, type ProjectionDependencies, type ProjectorDefinition, type RunningProjection } from '@mindflow/event-log';
import { createClaudeEntryAnalyzer } from '../adapters/anthropic/claude-entry-analyzer.js';
import { createLocalEntryAnalyzer } from '../adapters/local/local-entry-analyzer.js';
import { migrateInsightsDatabase } from '../adapters/pg/insights-migrations.js';
import { pgAnalysisStore, pgEntryWorkRows } from '../adapters/pg/pg-analysis-store.js';
import { createAnalysisWorker, type AnalysisWorker } from '../application/analysis-worker.js';
import type { EntryAnalyzer } from '../application/entry-analyzer.js';
import { entryWork } from '../application/entry-work.js';
import { insightsProjectorConfigSchema, type InsightsProjectorConfig } from './config.js';
import { insightsUserEraser } from './user-erasure.js';

/** The projection's name in `projection_versions` and its default consumer group suffix. */
export const insightsProjection = 'insights';

/** What insights adds to a projection's dependencies (tests). */
export interface InsightsProjectorDependencies extends ProjectionDependencies {
  /** Analyzers to use instead of the configured ones (tests). */
  readonly local?: EntryAnalyzer;
  readonly claude?: EntryAnalyzer;
  readonly now?: () => Date;
  /** Run the analysis loop (default); tests may drive `worker.runOnce()` themselves. */
  readonly startWorker?: boolean;
  readonly pollMs?: number;
  readonly idlePollMs?: number;
}

/**
 * The insights projection: follows entry events into debounced work in the insights DB (exactly once per entry
 * version, via the projector runtime), and a worker that analyses due work and records
 * `AIInsightsGenerated`/`AIInsightsFailed` with the insights row in the insights outbox.
 */
export const insightsProjector = {
  name: insightsProjection,
  role: 'insights-projector',
  config: insightsProjectorConfigSchema,
  database: (config) => config.INSIGHTS_DATABASE_URL,
  group: (config) => config.INSIGHTS_PROJECTOR_GROUP,
  migrations: migrateInsightsDatabase,
  setUp({ config, pool, log, metrics, dependencies, keys, onClose }) {
    const now = dependencies.now ?? (() => new Date());
    const claude =
      dependencies.claude ??
      (config.ANTHROPIC_API_KEY
        ? createClaudeEntryAnalyzer({
            apiKey: config.ANTHROPIC_API_KEY,
            ...(config.ANTHROPIC_BASE_URL ? { baseURL: config.ANTHROPIC_BASE_URL } : {}),
            model: config.INSIGHTS_MODEL,
            timeoutMs: config.INSIGHTS_TIMEOUT_MS,
            concurrency: config.INSIGHTS_CONCURRENCY,
            log,
          })
        : undefined);
    // The projection's commits (NOTIFY projection_applied in the insights DB, where it queues the work) wake the
    // worker: idle, it sleeps instead of polling.
    const notices = new ProjectionNotices(config.INSIGHTS_DATABASE_URL, (error) => log.warn({ err: error }, 'insights worker: cannot listen for queued work; polling'));
    onClose(() => notices.close());
    const worker = createAnalysisWorker({
      store: pgAnalysisStore(pool, keys),
      local: dependencies.local ?? createLocalEntryAnalyzer(),
      ...(claude ? { claude } : {}),
      dailyBudget: config.INSIGHTS_DAILY_BUDGET,
      log,
      now,
      newId: randomUUID,
      ...(dependencies.pollMs !== undefined ? { pollMs: dependencies.pollMs } : {}),
      ...(dependencies.idlePollMs !== undefined ? { idlePollMs: dependencies.idlePollMs } : {}),
      workQueued: { arm: (maxWaitMs) => notices.arm(insightsProjection, maxWaitMs), get listening() { return notices.listening; } },
      ...(metrics ? { metrics } : {}),
    });
    return {
      // Each skips events of erased users; the last erases a user and acknowledges (issue 16, user-erasure.ts).
      readModels: erasingReadModels(
        [entryWork({ debounce: { quietMs: config.INSIGHTS_DEBOUNCE_MS, maxWaitMs: config.INSIGHTS_MAX_WAIT_MS }, now, rows: pgEntryWorkRows })],
        insightsUserEraser(insightsProjection, now),
      ),
      // listening first, so the worker's first sleep already counts on the notice
      ...(dependencies.startWorker !== false ? { start: () => void notices.start().then(() => worker.start()) } : {}),
      stop: () => worker.stop(),
      exposed: { worker },
      consuming: { claude: claude?.name ?? null },
    };
  },
  startedFields: (_, config) => ({ claude: config.ANTHROPIC_API_KEY ? config.INSIGHTS_MODEL : null }),
} satisfies ProjectorDefinition<typeof insightsProjectorConfigSchema, InsightsProjectorDependencies, { worker: AnalysisWorker }>;

/** The analysis loop (tests drive `runOnce` when they start with `startWorker: false`) beside the projection. */
export type RunningInsightsProjector = RunningProjection<{ readonly worker: AnalysisWorker }>;

/** Runs the insights projection (tests; its process is `projector-main.ts`). */
export const startInsightsProjector = (input: Partial<InsightsProjectorConfig> = {}, dependencies: InsightsProjectorDependencies = {}): Promise<RunningInsightsProjector> =>
  startProjection(insightsProjector, input, dependencies);
