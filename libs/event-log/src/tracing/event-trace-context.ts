import type { AnyEvent } from '@mindflow/events';
import type { Traceparent } from '@mindflow/platform';

/**
 * The trace an event was produced in travels beside the event, never inside it: the envelope is the
 * published contract, and trace context is transport metadata (an outbox column, a Kafka header). Readers
 * of the log note it here against the event object they hand out; consumers ask for it by event.
 */
const traceContexts = new WeakMap<AnyEvent, Traceparent>();

/** Notes the `traceparent` an event arrived with (nothing when there is none); returns the event. */
export function withTraceContext<E extends AnyEvent>(event: E, traceparent: Traceparent | null | undefined): E {
  if (traceparent) traceContexts.set(event, traceparent);
  return event;
}

/** The `traceparent` of the span that produced (or last forwarded) this event, if it was traced. */
export function traceContextOf(event: AnyEvent): Traceparent | undefined {
  return traceContexts.get(event);
}
