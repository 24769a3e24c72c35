import { z } from 'zod';

/** A configuration problem found at start-up: every bad variable is listed, so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a process's configuration from the environment, once, through a zod schema whose keys are the
 * variable names. Defaults live in the schema, so the embedded mode needs no variable at all.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
}

/** `MINDFLOW_MODE`: which adapters a process wires (see DESIGN.md, "Two ways to run"). */
export const modeSchema = z.enum(['embedded', 'distributed']).default('embedded');
export type Mode = z.infer<typeof modeSchema>;

/** An integer port from the environment, with its default. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
