import type { CancelEventRequest, ScheduleEventRequest } from '@mindflow/proto';
import type { Logger } from '@mindflow/platform';
import { cancelEvent } from '../../application/calendar-events/cancel-event.js';
import { scheduleEvent } from '../../application/calendar-events/schedule-event.js';
import type { CommandEnvironment } from '../../application/command-environment.js';
import { badInput, isDomainError } from '../../domain/shared/domain-error.js';
import { calendarEventResult, deleteResult } from './messages.js';
import { requiredId } from './request-fields.js';
import { unary } from './unary.js';

export function calendarEventRpcs(environment: CommandEnvironment, log: Logger) {
  return {
    ScheduleEvent: unary('ScheduleEvent', log, async (request: ScheduleEventRequest, caller) => {
      const input = request.input;
      if (!input) return badInput('input', 'input is required');
      const written = await scheduleEvent(environment, caller, {
        title: input.title ?? '',
        startsAt: input.startsAt ?? '',
        endsAt: input.endsAt ?? '',
        recurrence: input.recurrence,
      });
      return isDomainError(written) ? written : calendarEventResult(written);
    }),

    CancelEvent: unary('CancelEvent', log, async (request: CancelEventRequest, caller) => {
      const calendarEventId = requiredId('id', request.id);
      if (isDomainError(calendarEventId)) return calendarEventId;
      const written = await cancelEvent(environment, caller, calendarEventId);
      if (isDomainError(written)) return written;
      const { state, consistencyToken } = written;
      return deleteResult({ id: state.id, version: state.version, deletedAt: state.cancelledAt, consistencyToken });
    }),
  };
}
