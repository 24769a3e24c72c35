import { decideCalendarEvent } from '../../domain/calendar-event/decide-calendar-event.js';
import type { ScheduleEvent } from '../../domain/calendar-event/calendar-event-commands.js';
import type { DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { decideAndRecord } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { calendarEventRecording, type CalendarEventWritten } from './calendar-event-recording.js';

export function scheduleEvent(
  environment: CommandEnvironment,
  caller: Caller,
  fields: Omit<ScheduleEvent['data'], 'ownerId'>,
): Promise<CalendarEventWritten | DomainError> {
  return runCommand(environment, caller, 'ScheduleEvent', (tx) =>
    decideAndRecord(tx, environment, caller, calendarEventRecording, null, (context) =>
      decideCalendarEvent({ type: 'ScheduleEvent', data: { ...fields, ownerId: caller.userId } }, null, context)));
}
