import type { AnyEvent } from '@mindflow/events';
import { inSpan, SpanKind, withLogContext, type Logger } from '@mindflow/platform';
import { traceContextOf } from '../tracing/event-trace-context.js';

/**
 * Applies one event as part of the flow that caused it: its log lines carry the event's correlation id,
 * and (tracing on) it is a span whose parent is the producer's span (the relay's publish, or in embedded
 * mode the command that wrote the outbox row), so one trace runs from the request to every read model.
 */
export function applyInTrace(projection: string, event: AnyEvent, log: Logger, apply: () => Promise<void>): Promise<void> {
  return withLogContext({ correlationId: event.correlationId }, () =>
    inSpan(
      `${projection} apply ${event.eventType}`,
      {
        kind: SpanKind.CONSUMER,
        parent: traceContextOf(event),
        attributes: {
          'mindflow.projection': projection,
          'mindflow.event_id': event.eventId,
          'mindflow.event_type': event.eventType,
          'mindflow.aggregate_id': event.aggregateId,
          'mindflow.aggregate_version': event.aggregateVersion,
        },
      },
      async () => {
        await apply();
        log.debug({ eventId: event.eventId, eventType: event.eventType, aggregateId: event.aggregateId, aggregateVersion: event.aggregateVersion }, 'event applied');
      },
    ));
}
