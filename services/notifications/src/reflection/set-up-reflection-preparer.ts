import { z } from 'zod';
import type { NotificationsWorkerContext } from '../projector/workers.js';
import { claudeReflectionsFrom, reflectionClaudeConfigShape } from './claude-config.js';
import { createReflectionPreparer, type ReflectionPreparer } from './reflection-preparer.js';

/** The preparer's settings, beside Claude's (claude-config.ts). */
export const reflectionPreparerConfigShape = {
  ...reflectionClaudeConfigShape,
  /** How long before a premium user's weekly reflection fires Claude writes it. */
  REFLECTIONS_LEAD_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
  /** Between two looks for reflections to prepare. */
  REFLECTIONS_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
};

/**
 * The reflection preparer wired to the notifications DB (`notificationsWorkers.reflections`): without an API key
 * it prepares nothing (the scheduler's firing composes every reflection locally).
 */
export function setUpReflectionPreparer(context: NotificationsWorkerContext): ReflectionPreparer {
  const config = z.object(reflectionPreparerConfigShape).parse(context.config);
  return createReflectionPreparer({
    pool: context.pool,
    claude: claudeReflectionsFrom(config, context.log),
    log: context.log,
    now: context.now,
    keys: context.keys,
    leadMs: config.REFLECTIONS_LEAD_MS,
    pollMs: config.REFLECTIONS_POLL_MS,
  });
}
