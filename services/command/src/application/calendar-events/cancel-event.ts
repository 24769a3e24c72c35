import { findCalendarEvent } from '../../adapters/pg/calendar-event-rows.js';
import { decideCalendarEvent } from '../../domain/calendar-event/decide-calendar-event.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { recordFacts } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { calendarEventRecording, type CalendarEventWritten } from './calendar-event-recording.js';

/** Cancels a calendar event (every occurrence), decided against its row locked for the transaction. */
export async function cancelEvent(environment: CommandEnvironment, caller: Caller, calendarEventId: string): Promise<CalendarEventWritten | DomainError> {
  return runCommand(environment.pool, caller, 'CancelEvent', async (tx) => {
    const state = await findCalendarEvent(tx, calendarEventId, 'update');
    const context = commandContext(environment, 0);
    const decision = decideCalendarEvent({ type: 'CancelEvent', data: { calendarEventId, callerId: caller.userId } }, state, context);
    if (isDomainError(decision)) return decision;
    return recordFacts(tx, environment, caller, calendarEventRecording, state, decision, context.now);
  });
}
