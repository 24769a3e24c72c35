import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { markTracingEnabled } from './tracing-state.js';

/** Flushes the spans not yet exported and stops the exporter (a `Shutdown` closer). */
export type StopTracing = () => Promise<void>;

/**
 * Starts exporting this process's spans over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set and `OTEL_SDK_DISABLED` is not `true`; otherwise does
 * nothing and tracing stays off. The service name is the role (`OTEL_SERVICE_NAME` overrides it).
 * Spans are explicit, at the boundaries (see `spans.ts`); nothing is auto-instrumented. Call it once,
 * first thing in a `main.ts`: `shutdown.add('tracing', startTracing('relay'))`.
 */
export function startTracing(role: string, env: NodeJS.ProcessEnv = process.env): StopTracing {
  const url = tracesUrl(env);
  if (!url || env['OTEL_SDK_DISABLED'] === 'true' || env['OTEL_TRACES_EXPORTER'] === 'none') return async () => {};
  const scheduledDelayMillis = Number(env['OTEL_BSP_SCHEDULE_DELAY']);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env['OTEL_SERVICE_NAME'] || role }),
    // Batched export, off the request path (OTEL_BSP_SCHEDULE_DELAY: how long spans wait, default 5 s).
    // Headers and timeout come from the standard OTEL_EXPORTER_OTLP_* variables, which the exporter reads.
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url }), Number.isFinite(scheduledDelayMillis) && scheduledDelayMillis > 0 ? { scheduledDelayMillis } : {}),
    ],
  });
  // Registers the provider, the W3C trace-context propagator and an AsyncLocalStorage context manager.
  provider.register();
  markTracingEnabled(true);
  return async () => {
    markTracingEnabled(false);
    // A collector that is gone costs the last spans, never the shutdown.
    await provider.shutdown().catch(() => undefined);
  };
}

/** The traces URL: the signal-specific variable as is, or the base endpoint + `/v1/traces` (OTLP/HTTP rules). */
function tracesUrl(env: NodeJS.ProcessEnv): string | undefined {
  const traces = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'];
  if (traces) return traces;
  const base = env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}
