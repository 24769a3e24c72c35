import { projectorConfigSchema } from '@mindflow/event-log';
import { z } from 'zod';
import { defaultClaudeModel } from '../adapters/anthropic/claude-entry-analyzer.js';

/** The insights projector's environment (docs/CONVENTIONS.md, "Configuration"): every projector's, and these. */
export const insightsProjectorConfigSchema = projectorConfigSchema.extend({
  /** The service's own database: insights, pending work, settings, budget and its outbox. */
  INSIGHTS_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write_insights'),
  /** Consumer group; by default `<KAFKA_TOPIC_PREFIX>.insights-projector`. */
  INSIGHTS_PROJECTOR_GROUP: z.string().optional(),
  /** Without it (or empty, as compose passes an unset one) nobody gets Claude: everyone gets the local analyzer. */
  ANTHROPIC_API_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  ANTHROPIC_BASE_URL: z.url().optional(),
  INSIGHTS_MODEL: z.string().min(1).default(defaultClaudeModel),
  /** Claude analyses per premium user and UTC day; past it, the local analyzer. */
  INSIGHTS_DAILY_BUDGET: z.coerce.number().int().min(0).default(50),
  /** Quiet time after an entry's latest edit before it is analysed. */
  INSIGHTS_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600_000).default(3_000),
  /** The longest an entry edited again and again waits for its analysis. */
  INSIGHTS_MAX_WAIT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** Time limit of one Claude call. */
  INSIGHTS_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  /** Claude calls in flight at once per process. */
  INSIGHTS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
});

export type InsightsProjectorConfig = z.infer<typeof insightsProjectorConfigSchema>;
