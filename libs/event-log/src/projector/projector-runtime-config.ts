import { z } from 'zod';
import { defaultCaughtUpPolicy } from './lag-monitor.js';
import type { ProjectorOptions } from './run-projector.js';

/** Every projector process's runtime settings (docs/CONVENTIONS.md, "Configuration"); merge into its schema. */
export const projectorRuntimeConfigSchema = z.object({
  /** Attempts of a failing event (exponential backoff between) before it is parked as a dead letter. */
  PROJECTOR_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** `/health/ready` is false while the projector is more than this many events behind… */
  PROJECTOR_READY_MAX_LAG_EVENTS: z.coerce.number().int().min(0).default(defaultCaughtUpPolicy.maxLagEvents),
  /** …or more than this many milliseconds behind. */
  PROJECTOR_READY_MAX_LAG_MS: z.coerce.number().int().min(0).default(defaultCaughtUpPolicy.maxLagMs),
  /**
   * Events per projection transaction (at most): a chunk's events of a type are written set-based. Unset:
   * the projector's own default (`runProjector`'s `defaultChunkSize`, or what its service passes).
   */
  PROJECTOR_CHUNK_SIZE: z.coerce.number().int().min(1).max(5_000).optional(),
  /** `false` applies every event one by one (the reference path, for comparison); `true` writes sets. */
  PROJECTOR_SET_BASED: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(true),
  /** How often the projector measures its lag (readiness). */
  PROJECTOR_LAG_POLL_MS: z.coerce.number().int().min(100).default(defaultCaughtUpPolicy.pollMs),
  /**
   * `/health/live` fails once events have waited this long with none finished (a consumer that cannot join or
   * keeps crashing, a chunk that hangs): the orchestrator restarts the process. 0: never.
   */
  PROJECTOR_LIVE_MAX_STALL_MS: z.coerce.number().int().min(0).default(defaultCaughtUpPolicy.maxStallMs),
});

export type ProjectorRuntimeConfig = z.infer<typeof projectorRuntimeConfigSchema>;

/** The runProjector options these settings stand for. */
export function projectorRuntimeOptions(config: Partial<ProjectorRuntimeConfig>): Pick<ProjectorOptions, 'maxAttempts' | 'caughtUp' | 'chunkSize' | 'setBased'> {
  const c = projectorRuntimeConfigSchema.parse(config);
  return {
    maxAttempts: c.PROJECTOR_MAX_ATTEMPTS,
    chunkSize: c.PROJECTOR_CHUNK_SIZE,
    setBased: c.PROJECTOR_SET_BASED,
    caughtUp: { maxLagEvents: c.PROJECTOR_READY_MAX_LAG_EVENTS, maxLagMs: c.PROJECTOR_READY_MAX_LAG_MS, pollMs: c.PROJECTOR_LAG_POLL_MS, maxStallMs: c.PROJECTOR_LIVE_MAX_STALL_MS },
  };
}
