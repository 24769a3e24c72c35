import { z } from 'zod';

/**
 * The scheduler's environment (docs/CONVENTIONS.md, "Configuration"); the notifications projector, which runs it,
 * extends its config with it. Every setting has a default: the projector runs without any.
 */
export const schedulerConfigSchema = z.object({
  /** Rows claimed (and fired) per transaction. */
  NOTIFICATIONS_SCHEDULER_BATCH_SIZE: z.coerce.number().int().min(1).max(2_000).default(200),
  /** Batches in flight at once per process, each its own transaction and connection. */
  NOTIFICATIONS_SCHEDULER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** The longest sleep between two looks at the schedule: the bound on lateness when a wake-up is lost. */
  NOTIFICATIONS_SCHEDULER_MAX_SLEEP_MS: z.coerce.number().int().min(50).max(10_000).default(1_000),
  /**
   * The look-ahead: rows due within this many ms are decided and staged ahead of their time (invisible), so that at
   * the fire time one set-wise statement per batch fires them; 0 turns it off (everything decided when due).
   */
  NOTIFICATIONS_SCHEDULER_LOOKAHEAD_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
  /** Staged firings fired per transaction at their time. */
  NOTIFICATIONS_SCHEDULER_FLIP_BATCH_SIZE: z.coerce.number().int().min(1).max(20_000).default(2_000),
});

export type SchedulerConfig = z.infer<typeof schedulerConfigSchema>;
