import { decideCalendarEvent } from '../../domain/calendar-event/decide-calendar-event.js';
import type { ScheduleEvent } from '../../domain/calendar-event/calendar-event-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { recordFacts } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { calendarEventRecording, type CalendarEventWritten } from './calendar-event-recording.js';

export async function scheduleEvent(
  environment: CommandEnvironment,
  caller: Caller,
  fields: Omit<ScheduleEvent['data'], 'ownerId'>,
): Promise<CalendarEventWritten | DomainError> {
  return runCommand(environment.pool, caller, 'ScheduleEvent', async (tx) => {
    const context = commandContext(environment);
    const decision = decideCalendarEvent({ type: 'ScheduleEvent', data: { ...fields, ownerId: caller.userId } }, null, context);
    if (isDomainError(decision)) return decision;
    return recordFacts(tx, environment, caller, calendarEventRecording, null, decision, context.now);
  });
}
