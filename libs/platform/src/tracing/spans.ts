import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Link, type Span } from '@opentelemetry/api';
import { tracingEnabled } from './tracing-state.js';

export { SpanKind };

/** A W3C `traceparent` value (`00-<trace id>-<span id>-<flags>`), as headers, metadata and the outbox carry it. */
export type Traceparent = string;

/** The header (HTTP, Kafka) and metadata key (gRPC) of W3C trace context. */
export const traceparentHeader = 'traceparent';

export interface SpanOptions {
  readonly kind?: SpanKind;
  /** The remote parent (an incoming `traceparent`); without one the active span, if any, is the parent. */
  readonly parent?: Traceparent | null | undefined;
  readonly attributes?: Attributes;
  /** Causes that are not the parent (e.g. the trace that produced an event handled in a batch). */
  readonly links?: readonly (Traceparent | null | undefined)[];
}

const tracer = () => trace.getTracer('mindflow');

/**
 * Runs `work` inside a new span (active for everything it awaits), ends it when `work` settles, and
 * records a thrown error on it. With tracing off it just runs `work`.
 */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return work(undefined);
  const parent = options.parent ? contextOf(options.parent) : context.active();
  const links = (options.links ?? []).flatMap((link): Link[] => {
    const spanContext = link ? trace.getSpanContext(contextOf(link)) : undefined;
    return spanContext ? [{ context: spanContext }] : [];
  });
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {}, links }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Starts a span that the caller ends (for work that ends in a callback, e.g. an HTTP response's
 * `finish`), and runs `work` with it active. With tracing off: `work` runs, and the returned `end` is a no-op.
 */
export function startSpan<T>(name: string, options: SpanOptions, work: () => T): { result: T; end: (error?: unknown) => void } {
  if (!tracingEnabled()) return { result: work(), end: () => {} };
  const parent = options.parent ? contextOf(options.parent) : context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} }, parent);
  const result = context.with(trace.setSpan(parent, span), work);
  return {
    result,
    end: (error?: unknown) => {
      // Anything may be thrown; String() is the last resort for a value that is not an Error.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a plain object reading [object Object] is accepted
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      span.end();
    },
  };
}

/** The active span's context as a `traceparent`, to send along (undefined with tracing off or no span). */
export function currentTraceparent(): Traceparent | undefined {
  if (!tracingEnabled()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier[traceparentHeader];
}

/** The active span's trace and span ids, for log lines (undefined with tracing off or no span). */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  if (!tracingEnabled()) return undefined;
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : undefined;
}

/** A `traceparent` header value as it arrives (string, list, Buffer); undefined when absent. */
export function traceparentFrom(value: unknown): Traceparent | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return undefined;
  const text = typeof first === 'string' ? first : Buffer.isBuffer(first) ? first.toString('utf8') : undefined;
  return text && /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/.test(text) ? text : undefined;
}

function contextOf(traceparent: Traceparent): Context {
  return propagation.extract(context.active(), { [traceparentHeader]: traceparent });
}
