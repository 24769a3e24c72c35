import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while handling one request or event carries. */
export interface LogContext {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `work` with `context` attached to every log line it writes (pino mixin, `createLogger`), across
 * awaits and callbacks. Independent of tracing: correlation ids are always on, traces only when configured.
 */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the request or event being handled here, if any. */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
