import { decideCalendarEvent } from '../../domain/calendar-event/decide-calendar-event.js';
import type { DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { changeAggregate } from '../change-aggregate.js';
import type { CommandEnvironment } from '../command-environment.js';
import { calendarEventRecording, type CalendarEventWritten } from './calendar-event-recording.js';

/** Cancels a calendar event (every occurrence), decided against its row locked for the transaction. */
export function cancelEvent(environment: CommandEnvironment, caller: Caller, calendarEventId: string): Promise<CalendarEventWritten | DomainError> {
  const command = { type: 'CancelEvent' as const, data: { calendarEventId, callerId: caller.userId } };
  return changeAggregate(environment, caller, calendarEventRecording, calendarEventId, command, decideCalendarEvent);
}
