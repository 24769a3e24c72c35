// Correlation in logs (always) and OpenTelemetry traces (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
export { startTracing, type StopTracing } from './start-tracing.js';
export { currentTraceIds, currentTraceparent, inSpan, SpanKind, startSpan, traceparentFrom, traceparentHeader, type SpanOptions, type Traceparent } from './spans.js';
export { currentLogContext, withLogContext, type LogContext } from './log-context.js';
export { tracingEnabled } from './tracing-state.js';
export { traceGraphQLRequests } from './graphql-requests.js';
