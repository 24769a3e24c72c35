// Claude for premium users' weekly reflections (docs/CONVENTIONS.md, "Configuration"): the subgraph's
// generateWeeklyReflection and the projector's reflection preparer read these.
import type { Logger } from '@mindflow/platform';
import { createClaudeCaller, defaultClaudeModel } from '@mindflow/platform/claude';
import { z } from 'zod';
import { createClaudeReflectionWriter } from './claude-reflection-writer.js';
import type { ClaudeReflections } from './weekly-reflections.js';

export const reflectionClaudeConfigShape = {
  /** Without it (or empty, as compose passes an unset one) nobody's reflection is Claude's: everyone gets the local composition. */
  ANTHROPIC_API_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  ANTHROPIC_BASE_URL: z.url().optional(),
  REFLECTIONS_MODEL: z.string().min(1).default(defaultClaudeModel),
  /** Claude reflections per premium user and UTC day; past it, the local composition. */
  REFLECTIONS_DAILY_BUDGET: z.coerce.number().int().min(0).default(5),
  /** Time limit of one Claude call (a week of entries is a longer read than one entry). */
  REFLECTIONS_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(60_000),
};

interface ReflectionClaudeConfig {
  readonly ANTHROPIC_API_KEY?: string | undefined;
  readonly ANTHROPIC_BASE_URL?: string | undefined;
  readonly REFLECTIONS_MODEL: string;
  readonly REFLECTIONS_DAILY_BUDGET: number;
  readonly REFLECTIONS_TIMEOUT_MS: number;
}

/** Claude for reflections as configured; undefined without an API key. */
export function claudeReflectionsFrom(config: ReflectionClaudeConfig, log: Logger): ClaudeReflections | undefined {
  if (!config.ANTHROPIC_API_KEY) return undefined;
  const caller = createClaudeCaller({
    apiKey: config.ANTHROPIC_API_KEY,
    ...(config.ANTHROPIC_BASE_URL ? { baseURL: config.ANTHROPIC_BASE_URL } : {}),
    model: config.REFLECTIONS_MODEL,
    timeoutMs: config.REFLECTIONS_TIMEOUT_MS,
    concurrency: 2,
    log: log.child({ component: 'weekly-reflection' }),
  });
  return { writer: createClaudeReflectionWriter({ caller }), dailyBudget: config.REFLECTIONS_DAILY_BUDGET };
}
