import { randomUUID } from 'node:crypto';
import { createPool, ensureDatabase } from '@mindflow/db';
import { createEventLog, projectorRuntimeOptions, runProjector, type EventLog, type ProjectorRuntimeConfig } from '@mindflow/event-log';
import { createLogger, type Logger } from '@mindflow/platform';
import type { Registry } from 'prom-client';
import { createClaudeEntryAnalyzer } from '../adapters/anthropic/claude-entry-analyzer.js';
import { createLocalEntryAnalyzer } from '../adapters/local/local-entry-analyzer.js';
import { migrateInsightsDatabase } from '../adapters/pg/insights-migrations.js';
import { pgAnalysisStore, pgEntryWorkRows } from '../adapters/pg/pg-analysis-store.js';
import { createAnalysisWorker, type AnalysisWorker } from '../application/analysis-worker.js';
import type { EntryAnalyzer } from '../application/entry-analyzer.js';
import { entryWork } from '../application/entry-work.js';
import { insightsProjectorConfigSchema, type InsightsProjectorConfig } from './config.js';

/** The projection's name in `projection_versions` and its default consumer group suffix. */
export const insightsProjection = 'insights';

export interface RunningInsightsProjector {
  ready(): Promise<void>;
  isReady(): boolean;
  isCaughtUp(): boolean;
  lag(): Promise<number>;
  /** The analysis loop (tests drive `runOnce` when they start with `startWorker: false`). */
  readonly worker: AnalysisWorker;
  close(): Promise<void>;
}

export interface InsightsProjectorDependencies {
  readonly log?: Logger;
  readonly metrics?: Registry;
  /** An event log to use instead of the configured one (tests). */
  readonly eventLog?: EventLog;
  /** Analyzers to use instead of the configured ones (tests). */
  readonly local?: EntryAnalyzer;
  readonly claude?: EntryAnalyzer;
  readonly now?: () => Date;
  /** Run the analysis loop (default); tests may drive `worker.runOnce()` themselves. */
  readonly startWorker?: boolean;
  readonly pollMs?: number;
}

/**
 * The insights projector: follows entry events into debounced work in the insights DB (exactly once per
 * entry version, via the projector runtime), and a worker that analyses due work and records
 * `AIInsightsGenerated`/`AIInsightsFailed` with the insights row in the insights outbox.
 */
export async function startInsightsProjector(
  input: Partial<InsightsProjectorConfig & ProjectorRuntimeConfig> = {},
  dependencies: InsightsProjectorDependencies = {},
): Promise<RunningInsightsProjector> {
  const config = insightsProjectorConfigSchema.parse(input);
  const log = dependencies.log ?? createLogger('insights-projector');
  const now = dependencies.now ?? (() => new Date());
  await ensureDatabase(config.INSIGHTS_DATABASE_URL);
  const pool = createPool(config.INSIGHTS_DATABASE_URL, { applicationName: 'insights-projector', max: 8 });
  const eventLog =
    dependencies.eventLog ??
    createEventLog({
      mode: config.MINDFLOW_MODE,
      log,
      clientId: 'insights-projector',
      kafkaBrokers: config.KAFKA_BROKERS,
      kafkaTopicPrefix: config.KAFKA_TOPIC_PREFIX,
      kafkaSessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      writeDatabaseUrl: config.WRITE_DATABASE_URL,
      readDatabaseUrl: config.INSIGHTS_DATABASE_URL,
    });
  try {
    const applied = await migrateInsightsDatabase(pool);
    if (applied.length > 0) log.info({ applied }, 'insights DB migrated');
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
    const worker = createAnalysisWorker({
      store: pgAnalysisStore(pool),
      local: dependencies.local ?? createLocalEntryAnalyzer(),
      ...(claude ? { claude } : {}),
      dailyBudget: config.INSIGHTS_DAILY_BUDGET,
      log,
      now,
      newId: randomUUID,
      ...(dependencies.pollMs !== undefined ? { pollMs: dependencies.pollMs } : {}),
      ...(dependencies.metrics ? { metrics: dependencies.metrics } : {}),
    });
    const projector = await runProjector({
      name: insightsProjection,
      group: config.INSIGHTS_PROJECTOR_GROUP ?? `${config.KAFKA_TOPIC_PREFIX}.insights-projector`,
      eventLog,
      readPool: pool,
      readModels: [entryWork({ debounce: { quietMs: config.INSIGHTS_DEBOUNCE_MS, maxWaitMs: config.INSIGHTS_MAX_WAIT_MS }, now, rows: pgEntryWorkRows })],
      ...projectorRuntimeOptions(input),
      log,
      metrics: dependencies.metrics,
    });
    if (dependencies.startWorker !== false) worker.start();
    let ready = false;
    let closing: Promise<void> | undefined;
    void projector.ready().then(() => {
      ready = true;
      log.info({ mode: eventLog.kind, claude: claude?.name ?? null }, 'insights projector consuming');
    });
    return {
      ready: () => projector.ready(),
      isReady: () => ready,
      isCaughtUp: () => projector.isCaughtUp(),
      lag: () => projector.lag(),
      worker,
      close() {
        closing ??= (async () => {
          await worker.stop();
          await projector.stop();
          if (!dependencies.eventLog) await eventLog.close();
          await pool.end();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (!dependencies.eventLog) await eventLog.close().catch(() => undefined);
    await pool.end();
    throw error;
  }
}
