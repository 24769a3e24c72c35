import { traceContextOf } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import { inSpan, SpanKind, withLogContext, type Logger } from '@mindflow/platform';

/**
 * Publishes one event's notification as part of the flow that caused the event: log lines carry its
 * correlation id and (tracing on) the publish is a span whose parent is the event's producer span.
 */
export function notifyInTrace(event: AnyEvent, log: Logger, publish: () => Promise<void>): Promise<void> {
  return withLogContext({ correlationId: event.correlationId }, () =>
    inSpan(
      `notify ${event.eventType}`,
      { kind: SpanKind.CONSUMER, parent: traceContextOf(event), attributes: { 'mindflow.event_id': event.eventId, 'mindflow.event_type': event.eventType } },
      async () => {
        await publish();
        log.debug({ eventId: event.eventId, eventType: event.eventType, aggregateId: event.aggregateId }, 'notification published');
      },
    ));
}
