import { Registry } from 'prom-client';
import type { z } from 'zod';
import { loadConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { startOpsServer, type LivenessCheck, type ReadinessCheck } from './ops-server.js';
import { Shutdown } from './shutdown.js';
import { startTracing } from './tracing/index.js';

/** What a role's `start` gets besides its configuration. */
export interface RoleContext {
  readonly log: Logger;
  /** The ops server's registry (`/metrics`): give it to whatever counts something. */
  readonly metrics: Registry;
  /**
   * Registers a part to close at shutdown (or when start-up fails after it): parts close in reverse order, before
   * tracing, after the ops server. A role made of one closable object need not: the object `start` returns is
   * closed as `closeAs`.
   */
  onClose: (name: string, close: () => Promise<void> | void) => void;
}

export interface RoleDefinition<S extends z.ZodObject, R> {
  /** The process's name: its logger, its spans' service (unless `tracingName`) and its ops metrics' `service` label. */
  readonly name: string;
  /** Its environment (`loadConfig`); `OPS_PORT` is where the ops server listens (0: the OS picks, announced). */
  readonly config: S;
  readonly start: (config: z.infer<S>, context: RoleContext) => Promise<R>;
  /** `/health/ready`'s checks, once started. */
  readonly ready?: (role: R, config: z.infer<S>) => Record<string, ReadinessCheck>;
  /** `/health/live`'s checks, once started (see `startOpsServer`). */
  readonly live?: (role: R, config: z.infer<S>) => Record<string, LivenessCheck>;
  /** More of `/health/ready`'s body (information only, see `startOpsServer`). */
  readonly details?: (role: R) => Record<string, unknown>;
  /** The name the returned object's `close()` runs under at shutdown (default: `name`). */
  readonly closeAs?: string;
  /** Warnings to log before starting (dev defaults in use): the falsy ones are skipped. */
  readonly warnings?: (config: z.infer<S>) => readonly (string | false | undefined)[];
  /** The "started" line: its message (default `<name> started`) and fields besides `opsPort`. */
  readonly started?: { readonly message?: string; readonly fields?: (role: R, config: z.infer<S>) => Record<string, unknown> };
  /** The spans' service name when it depends on the configuration (default: `name`). */
  readonly tracingName?: (config: z.infer<S>) => string;
}

/** Logged when a role's INTERNAL_CALLER_SECRET is the dev default: fine on a laptop, fatal in a deployment. */
export const devCallerSecretWarning = 'INTERNAL_CALLER_SECRET is the dev default: set one before deploying';

export interface RunningRole<R> {
  readonly role: R;
  readonly opsPort: number;
  readonly shutdown: Shutdown;
}

/**
 * Runs one role as a process: configuration from the environment, logger, tracing, SIGINT/SIGTERM handling, the
 * role itself, then its ops server (`/health/live`, `/health/ready` from the role's checks, `/metrics`) and the
 * "started" line. Shutdown closes the ops server first, then the role's parts in reverse, then tracing. When
 * start-up fails, whatever had started is closed, the error logged, and the process exits with status 1.
 */
export async function runRole<S extends z.ZodObject, R>(definition: RoleDefinition<S, R>): Promise<RunningRole<R>> {
  const config = loadConfig(definition.config);
  const log = createLogger(definition.name, (config as { LOG_LEVEL?: string }).LOG_LEVEL);
  for (const warning of definition.warnings?.(config) ?? []) if (warning) log.warn(warning);
  const shutdown = new Shutdown(log);
  shutdown.onSignals();
  shutdown.add('tracing', startTracing(definition.tracingName?.(config) ?? definition.name));
  const metrics = new Registry();
  try {
    const role = await definition.start(config, { log, metrics, onClose: (name, close) => shutdown.add(name, close) });
    if (isClosable(role)) shutdown.add(definition.closeAs ?? definition.name, () => role.close());
    const ops = await startOpsServer({
      port: (config as { OPS_PORT?: number }).OPS_PORT ?? 0,
      service: definition.name,
      metrics,
      ...(definition.ready ? { ready: definition.ready(role, config) } : {}),
      ...(definition.live ? { live: definition.live(role, config) } : {}),
      ...(definition.details ? { details: () => definition.details!(role) } : {}),
    });
    shutdown.add('ops server', () => ops.close());
    log.info({ ...definition.started?.fields?.(role, config), opsPort: ops.port }, definition.started?.message ?? `${definition.name} started`);
    return { role, opsPort: ops.port, shutdown };
  } catch (error) {
    log.error({ err: error }, `${definition.name} failed to start`);
    await shutdown.close();
    process.exit(1);
  }
}

function isClosable(value: unknown): value is { close(): Promise<void> | void } {
  return typeof value === 'object' && value !== null && typeof (value as { close?: unknown }).close === 'function';
}
