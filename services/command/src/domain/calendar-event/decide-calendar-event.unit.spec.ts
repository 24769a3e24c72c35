import { describe, it } from 'vitest';
import { deciderSpecification, testContext } from '../../test/decider-specification.js';
import type { CalendarEventCommand } from './calendar-event-commands.js';
import type { CalendarEventEvent } from './calendar-event-events.js';
import { decideCalendarEvent } from './decide-calendar-event.js';
import { evolveCalendarEvent } from './evolve-calendar-event.js';

const spec = deciderSpecification({
  stateFrom: (facts: readonly CalendarEventEvent[]) => facts.reduce(evolveCalendarEvent, null),
  decide: (command: CalendarEventCommand, state, context) => decideCalendarEvent(command, state, context),
});

const owner = '00000000-0000-4000-8000-000000000001';
const stranger = '00000000-0000-4000-8000-000000000002';
const calendarEventId = testContext.ids[0]!;
const schedule = (over: Record<string, unknown> = {}): CalendarEventCommand => ({
  type: 'ScheduleEvent',
  data: { ownerId: owner, title: ' Yoga ', startsAt: '2026-03-02T18:00:00+01:00', endsAt: '2026-03-02T19:00:00+01:00', ...over },
});
const scheduled: CalendarEventEvent = {
  type: 'CalendarEventScheduled',
  data: {
    calendarEventId, ownerId: owner, title: 'Yoga', startsAt: '2026-03-02T17:00:00.000Z', endsAt: '2026-03-02T18:00:00.000Z',
    recurrence: null, scheduledAt: testContext.now,
  },
};
const cancelled: CalendarEventEvent = { type: 'CalendarEventCancelled', data: { calendarEventId, cancelledAt: testContext.now } };

describe('ScheduleEvent', () => {
  it('schedules the event with its instants in UTC', () => spec().when(schedule()).then(scheduled));

  it('keeps a recurrence, written canonically', () =>
    spec().when(schedule({ recurrence: 'freq=weekly;byday=mo' })).then({ ...scheduled, data: { ...scheduled.data, recurrence: 'FREQ=WEEKLY;BYDAY=MO' } }));

  it('allows an event without duration', () =>
    spec().when(schedule({ endsAt: '2026-03-02T17:00:00Z' })).then({ ...scheduled, data: { ...scheduled.data, endsAt: '2026-03-02T17:00:00.000Z' } }));

  it.each([
    ['title', { title: '' }],
    ['startsAt', { startsAt: 'tomorrow' }],
    ['endsAt', { endsAt: '2026-03-02T16:59:59Z' }],
    ['recurrence', { recurrence: 'FREQ=SECONDLY' }],
    ['recurrence', { recurrence: 'FREQ=DAILY;COUNT=0' }],
  ])('refuses a bad %s, naming it', (field, over) => spec().when(schedule(over)).thenRefuses({ code: 'BAD_USER_INPUT', field }));
});

describe('CancelEvent', () => {
  const cancel = (callerId = owner): CalendarEventCommand => ({ type: 'CancelEvent', data: { calendarEventId, callerId } });

  it('cancels the event', () => spec(scheduled).when(cancel()).then(cancelled));

  it("answers NOT_FOUND for another owner's event, a cancelled one, and one that never existed", () => {
    spec(scheduled).when(cancel(stranger)).thenRefuses({ code: 'NOT_FOUND' });
    spec(scheduled, cancelled).when(cancel()).thenRefuses({ code: 'NOT_FOUND' });
    spec().when(cancel()).thenRefuses({ code: 'NOT_FOUND' });
  });
});
