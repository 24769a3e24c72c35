import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { withLogContext } from './log-context.js';
import { currentTraceIds, currentTraceparent, inSpan, SpanKind, startSpan, traceparentFrom } from './spans.js';
import { startTracing, type StopTracing } from './start-tracing.js';

// Tracing on, exporting to a port nobody listens on: these tests look at propagation, not export
// (tools/src/e2e/tracing.e2e.spec.ts checks what reaches a collector).
describe('spans (tracing on)', () => {
  let stop: StopTracing;
  beforeAll(() => {
    stop = startTracing('unit', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_BSP_SCHEDULE_DELAY: '600000' });
  });
  afterAll(() => stop());

  const parts = (traceparent: string | undefined) => traceparentFrom(traceparent)?.split('-') ?? [];

  it('continues a remote parent and hands its own context on', async () => {
    const remote = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const [, traceId, spanId] = await inSpan('server', { kind: SpanKind.SERVER, parent: remote }, () => Promise.resolve(parts(currentTraceparent())));
    expect(traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(spanId).not.toBe('b7ad6b7169203331');
  });

  it('nests spans under the active one, across awaits', async () => {
    const [outer, inner] = await inSpan('outer', {}, async () => {
      const outerIds = currentTraceIds();
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [outerIds, await inSpan('inner', {}, () => Promise.resolve(currentTraceIds()))];
    });
    expect(inner?.traceId).toBe(outer?.traceId);
    expect(inner?.spanId).not.toBe(outer?.spanId);
    expect(currentTraceIds()).toBeUndefined();
  });

  it('records a failure and rethrows it', async () => {
    await expect(inSpan('failing', {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('keeps a caller-ended span active for its work', () => {
    const { result, end } = startSpan('request', { kind: SpanKind.SERVER }, () => currentTraceIds());
    expect(result?.traceId).toMatch(/^[\da-f]{32}$/);
    end();
  });

  it('writes the trace and span ids on log lines inside a span', async () => {
    const raw: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => { raw.push(chunk.toString()); done(); } });
    const log = createLogger('unit', 'info', sink);
    const ids = await withLogContext({ correlationId: 'c-9' }, () => inSpan('apply', {}, () => {
      log.info('applied');
      return Promise.resolve(currentTraceIds());
    }));
    expect(JSON.parse(raw[0]!)).toMatchObject({ msg: 'applied', correlationId: 'c-9', traceId: ids!.traceId, spanId: ids!.spanId });
  });

  it('accepts only well-formed traceparent values', () => {
    expect(traceparentFrom(['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'])).toBeDefined();
    expect(traceparentFrom(Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'))).toBeDefined();
    expect(traceparentFrom('not-a-traceparent')).toBeUndefined();
    expect(traceparentFrom(undefined)).toBeUndefined();
  });
});
