import { describe, expect, it } from 'vitest';
import { nextTaskReminder, oneOffReminderGraceMs, type TaskReminderPlan } from './task-reminder.js';

const plan = (overrides: Partial<TaskReminderPlan>): TaskReminderPlan => ({
  date: '2030-03-01',
  dueTime: '09:00',
  recurrence: null,
  remindAt: null,
  minutesBefore: null,
  completed: false,
  completedOccurrences: [],
  ...overrides,
});
const at = (iso: string) => new Date(iso);
const next = (p: TaskReminderPlan, zone: string, after: string) => {
  const found = nextTaskReminder(p, zone, at(after));
  return found && { fireAt: found.fireAt.toISOString(), occurrence: found.occurrence };
};

describe('a task reminder’s next fire time', () => {
  it('has none without a reminder', () => {
    expect(next(plan({}), 'UTC', '2030-01-01T00:00:00Z')).toBeNull();
  });

  it('fires a one-off remindAt at its instant, once', () => {
    const p = plan({ remindAt: at('2030-03-01T07:15:00Z') });
    expect(next(p, 'Europe/Berlin', '2030-03-01T07:00:00Z')).toEqual({ fireAt: '2030-03-01T07:15:00.000Z', occurrence: '2030-03-01T07:15:00.000Z' });
    expect(next(p, 'Europe/Berlin', '2030-03-01T07:15:00Z')).toBeNull();
    expect(next({ ...p, completed: true }, 'Europe/Berlin', '2030-03-01T07:00:00Z')).toBeNull();
  });

  it('fires a remindAt set up to 5 minutes late at once when asked to (a task event), never after it fired', () => {
    const p = plan({ remindAt: at('2030-03-01T06:57:00Z') });
    expect(nextTaskReminder(p, 'UTC', at('2030-03-01T07:00:00Z'), { oneOffGraceMs: oneOffReminderGraceMs })?.fireAt).toEqual(at('2030-03-01T06:57:00Z'));
    expect(nextTaskReminder(p, 'UTC', at('2030-03-01T07:02:00Z'), { oneOffGraceMs: oneOffReminderGraceMs })).toBeNull();
    expect(nextTaskReminder(p, 'UTC', at('2030-03-01T07:00:00Z'))).toBeNull();
  });

  it('reminds minutes before the date + dueTime in the user’s zone, 09:00 without a dueTime', () => {
    expect(next(plan({ minutesBefore: 30 }), 'Europe/Berlin', '2030-02-01T00:00:00Z')).toEqual({ fireAt: '2030-03-01T07:30:00.000Z', occurrence: '2030-03-01' });
    expect(next(plan({ minutesBefore: 0, dueTime: null }), 'America/New_York', '2030-02-01T00:00:00Z')).toEqual({ fireAt: '2030-03-01T14:00:00.000Z', occurrence: '2030-03-01' });
    // one-off task whose reminder has passed: nothing left
    expect(next(plan({ minutesBefore: 30 }), 'Europe/Berlin', '2030-03-01T07:30:00Z')).toBeNull();
  });

  it('takes whichever of remindAt and minutesBefore comes first', () => {
    const p = plan({ minutesBefore: 60, remindAt: at('2030-03-01T06:30:00Z') });
    expect(next(p, 'UTC', '2030-02-01T00:00:00Z')).toEqual({ fireAt: '2030-03-01T06:30:00.000Z', occurrence: '2030-03-01T06:30:00.000Z' });
    expect(next(p, 'UTC', '2030-03-01T06:30:00Z')).toEqual({ fireAt: '2030-03-01T08:00:00.000Z', occurrence: '2030-03-01' });
  });

  it('walks a recurring task’s occurrences, skipping completed ones and those already past', () => {
    const daily = plan({ recurrence: 'FREQ=DAILY', minutesBefore: 0, completedOccurrences: ['2030-03-02', '2030-03-03'] });
    expect(next(daily, 'UTC', '2030-03-01T08:00:00Z')).toEqual({ fireAt: '2030-03-01T09:00:00.000Z', occurrence: '2030-03-01' });
    expect(next(daily, 'UTC', '2030-03-01T09:00:00Z')).toEqual({ fireAt: '2030-03-04T09:00:00.000Z', occurrence: '2030-03-04' });
    // far in the series: the expansion starts near `after`, not at the series' start
    expect(next(daily, 'UTC', '2031-06-15T10:00:00Z')).toEqual({ fireAt: '2031-06-16T09:00:00.000Z', occurrence: '2031-06-16' });
    // the whole series completed (a V1 completion): nothing
    expect(next({ ...daily, completed: true }, 'UTC', '2030-03-01T08:00:00Z')).toBeNull();
  });

  it('follows the rule’s days and ends with the series', () => {
    const weekly = plan({ date: '2030-01-07', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3', minutesBefore: 15 }); // a Monday
    expect(next(weekly, 'UTC', '2030-01-07T09:00:00Z')).toEqual({ fireAt: '2030-01-10T08:45:00.000Z', occurrence: '2030-01-10' });
    expect(next(weekly, 'UTC', '2030-01-10T08:45:00Z')).toEqual({ fireAt: '2030-01-14T08:45:00.000Z', occurrence: '2030-01-14' });
    expect(next(weekly, 'UTC', '2030-01-14T08:45:00Z')).toBeNull();
  });

  it('reminds a week ahead of an occurrence: the first one whose reminder is still to come', () => {
    const daily = plan({ date: '2030-01-01', recurrence: 'FREQ=DAILY', minutesBefore: 10_080 });
    expect(next(daily, 'UTC', '2030-01-01T00:00:00Z')).toEqual({ fireAt: '2030-01-01T09:00:00.000Z', occurrence: '2030-01-08' });
  });

  describe('across DST transitions (Europe/Berlin, 2030: forward on 31 March, back on 27 October)', () => {
    const daily = (date: string, dueTime: string | null, minutesBefore: number) => plan({ date, dueTime, recurrence: 'FREQ=DAILY', minutesBefore });

    it('keeps the local time on the days around spring-forward (UTC+1 → UTC+2)', () => {
      const p = daily('2030-03-30', '09:00', 15);
      expect(next(p, 'Europe/Berlin', '2030-03-30T00:00:00Z')).toEqual({ fireAt: '2030-03-30T07:45:00.000Z', occurrence: '2030-03-30' });
      expect(next(p, 'Europe/Berlin', '2030-03-30T07:45:00Z')).toEqual({ fireAt: '2030-03-31T06:45:00.000Z', occurrence: '2030-03-31' });
    });

    it('moves a time the zone skips on by the gap (02:30 → 03:30 CEST)', () => {
      expect(next(daily('2030-03-31', '02:30', 0), 'Europe/Berlin', '2030-03-30T12:00:00Z')).toEqual({ fireAt: '2030-03-31T01:30:00.000Z', occurrence: '2030-03-31' });
    });

    it('counts minutes before as real minutes across the jump', () => {
      // 04:00 CEST is 02:00Z; three hours earlier is 23:00Z, i.e. 00:00 CET
      expect(next(daily('2030-03-31', '04:00', 180), 'Europe/Berlin', '2030-03-30T12:00:00Z')).toEqual({ fireAt: '2030-03-30T23:00:00.000Z', occurrence: '2030-03-31' });
    });

    it('keeps the local time around fall-back (UTC+2 → UTC+1) and takes the first of a repeated time', () => {
      const p = daily('2030-10-26', '09:00', 0);
      expect(next(p, 'Europe/Berlin', '2030-10-26T00:00:00Z')).toEqual({ fireAt: '2030-10-26T07:00:00.000Z', occurrence: '2030-10-26' });
      expect(next(p, 'Europe/Berlin', '2030-10-26T07:00:00Z')).toEqual({ fireAt: '2030-10-27T08:00:00.000Z', occurrence: '2030-10-27' });
      const repeated = daily('2030-10-27', '02:30', 0);
      expect(next(repeated, 'Europe/Berlin', '2030-10-26T12:00:00Z')).toEqual({ fireAt: '2030-10-27T00:30:00.000Z', occurrence: '2030-10-27' });
      // once per occurrence: the repeated 02:30 CET (01:30Z) of that day is not a second reminder
      expect(next(repeated, 'Europe/Berlin', '2030-10-27T00:30:00Z')).toEqual({ fireAt: '2030-10-28T01:30:00.000Z', occurrence: '2030-10-28' });
    });

    it('is the same UTC time every day in a zone without DST (Asia/Kolkata, UTC+5:30)', () => {
      const p = daily('2030-03-30', '09:00', 0);
      expect(next(p, 'Asia/Kolkata', '2030-03-29T00:00:00Z')).toEqual({ fireAt: '2030-03-30T03:30:00.000Z', occurrence: '2030-03-30' });
      expect(next(p, 'Asia/Kolkata', '2030-03-30T03:30:00Z')).toEqual({ fireAt: '2030-03-31T03:30:00.000Z', occurrence: '2030-03-31' });
      expect(next(p, 'Asia/Kolkata', '2030-10-26T12:00:00Z')).toEqual({ fireAt: '2030-10-27T03:30:00.000Z', occurrence: '2030-10-27' });
    });
  });
});
