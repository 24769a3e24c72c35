import { validInstant } from '../shared/calendar-values.js';
import { firstId, type CommandContext } from '../shared/command-context.js';
import { decideBy } from '../shared/decide-by.js';
import { badInput, isDomainError, notFound, type Decision, type DomainError } from '../shared/domain-error.js';
import { validRecurrence } from '../shared/recurrence-rule.js';
import { requiredText } from '../shared/text-rules.js';
import type { CalendarEventCommand, CancelEvent, ScheduleEvent } from './calendar-event-commands.js';
import type { CalendarEventEvent } from './calendar-event-events.js';
import { calendarEventLimits, type CalendarEvent } from './calendar-event.js';

export const decideCalendarEvent = decideBy<CalendarEventCommand, CalendarEvent | null, CalendarEventEvent>({
  ScheduleEvent: (command, _state, context) => schedule(command, context),
  CancelEvent: cancel,
});

function schedule({ data }: ScheduleEvent, context: CommandContext): Decision<CalendarEventEvent> {
  const title = requiredText('title', data.title, calendarEventLimits.title);
  if (isDomainError(title)) return title;
  const startsAt = validInstant('startsAt', data.startsAt);
  if (isDomainError(startsAt)) return startsAt;
  const endsAt = validInstant('endsAt', data.endsAt);
  if (isDomainError(endsAt)) return endsAt;
  if (endsAt < startsAt) return badInput('endsAt', 'endsAt must not be before startsAt');
  // Occurrences repeat the start's time of day (UTC) and the event's duration.
  const recurrence = validRecurrence(data.recurrence, new Date(startsAt));
  if (isDomainError(recurrence)) return recurrence;
  return [
    {
      type: 'CalendarEventScheduled',
      data: { calendarEventId: firstId(context), ownerId: data.ownerId, title, startsAt, endsAt, recurrence, scheduledAt: context.now },
    },
  ];
}

function cancel({ data }: CancelEvent, state: CalendarEvent | null, context: CommandContext): Decision<CalendarEventEvent> {
  const event = ownedLiveEvent(state, data.callerId);
  if (isDomainError(event)) return event;
  return [{ type: 'CalendarEventCancelled', data: { calendarEventId: event.id, cancelledAt: context.now } }];
}

/** Another owner's event answers exactly like a missing one: its existence is not ours to reveal. */
function ownedLiveEvent(state: CalendarEvent | null, callerId: string): CalendarEvent | DomainError {
  if (!state || state.ownerId !== callerId || state.cancelledAt !== null) return notFound('calendar event not found');
  return state;
}
