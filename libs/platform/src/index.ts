export { ConfigError, loadConfig, modeSchema, port, type Mode } from './config.js';
export { createLogger, type Logger } from './logger.js';
export { Shutdown } from './shutdown.js';
export { backoffDelay, defaultBackoff, pause, type BackoffPolicy } from './backoff.js';
export { freePort } from './free-port.js';
export { repoRoot } from './repo-root.js';
export { devCallerSecretWarning, runRole, type RoleContext, type RoleDefinition, type RunningRole } from './run-role.js';
export { startOpsServer, type OpsServer, type LivenessCheck, type ReadinessCheck } from './ops-server.js';
export { announceListening, listeningPrefix } from './announce.js';
export { correlationHeader, correlationIdFrom } from './correlation.js';
export {
  currentLogContext,
  currentTraceIds,
  currentTraceparent,
  inSpan,
  SpanKind,
  startSpan,
  startTracing,
  traceparentFrom,
  traceGraphQLRequests,
  traceparentHeader,
  tracingEnabled,
  withLogContext,
  type LogContext,
  type SpanOptions,
  type StopTracing,
  type Traceparent,
} from './tracing/index.js';
