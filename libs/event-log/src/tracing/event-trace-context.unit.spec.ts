import { describe, expect, it } from 'vitest';
import { sampleEvent } from '@mindflow/events/testing';
import { traceContextOf, withTraceContext } from './event-trace-context.js';

describe('trace context beside an event', () => {
  it('is kept per event object, never inside the envelope', () => {
    const traced = sampleEvent('JournalCreated');
    const untraced = sampleEvent('JournalCreated');
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(withTraceContext(traced, traceparent)).toBe(traced);
    withTraceContext(untraced, null);
    expect(traceContextOf(traced)).toBe(traceparent);
    expect(traceContextOf(untraced)).toBeUndefined();
    expect(JSON.stringify(traced)).not.toContain(traceparent);
  });
});
