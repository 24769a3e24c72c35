import type { AnyEvent } from '@mindflow/events';
import { traceContextOf, withTraceContext } from '@mindflow/event-log';
import { currentTraceparent, SpanKind, startSpan } from '@mindflow/platform';

/**
 * One producer span per event, child of the span that wrote its outbox row; the event then travels with
 * this span's context (the Kafka `traceparent` header), so consumers continue the same trace. The spans
 * end when the batch is acknowledged (or failed). Without tracing: nothing happens.
 */
export async function publishInTrace(events: readonly AnyEvent[], publish: () => Promise<void>): Promise<void> {
  const spans = events.map((event) =>
    startSpan(
      `relay publish ${event.eventType}`,
      {
        kind: SpanKind.PRODUCER,
        parent: traceContextOf(event),
        attributes: {
          'messaging.system': 'kafka',
          'mindflow.event_id': event.eventId,
          'mindflow.event_type': event.eventType,
        },
      },
      () => withTraceContext(event, currentTraceparent()),
    ));
  try {
    await publish();
  } catch (error) {
    for (const span of spans) span.end(error);
    throw error;
  }
  for (const span of spans) span.end();
}
