import type { AnyEvent } from '@mindflow/events';
import type { DeadLetter, DeadLetterReason, UnreadableMessage } from '../../dead-letter.js';
import { describeError } from './dead-letter-store.js';

export function letterOfEvent(event: AnyEvent, reason: DeadLetterReason, error: string | null, attempts: number): DeadLetter {
  return {
    reason,
    aggregateId: event.aggregateId.toLowerCase(),
    aggregateVersion: event.aggregateVersion,
    eventType: event.eventType,
    eventId: event.eventId,
    event,
    raw: null,
    position: event.position ?? null,
    error,
    attempts,
  };
}

export function letterOfUnreadable(message: UnreadableMessage): DeadLetter {
  return {
    reason: 'unreadable',
    aggregateId: message.aggregateId ?? null,
    aggregateVersion: message.aggregateVersion ?? null,
    eventType: message.eventType ?? null,
    eventId: message.eventId ?? null,
    event: null,
    raw: message.raw,
    position: message.position,
    error: describeError(message.error),
    attempts: message.attempts,
  };
}
