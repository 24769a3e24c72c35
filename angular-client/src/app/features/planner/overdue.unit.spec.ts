import { dueAt, isOverdue } from './overdue';
import { wallClock, zonedInstant } from './zoned-time';

describe('overdue tasks (due before now, not completed, in the user\'s time zone)', () => {
  const now = new Date('2030-03-10T12:00:00Z'); // 13:00 in Berlin, 08:00 in New York

  it('a task with a due time is overdue once that time has passed on its day', () => {
    const task = { date: '2030-03-10', dueTime: '12:30', completed: false };
    expect(isOverdue(task, now, 'Europe/Berlin')).toBe(true); // 13:00 > 12:30
    expect(isOverdue(task, now, 'America/New_York')).toBe(false); // 08:00 < 12:30
    expect(isOverdue({ ...task, dueTime: '13:00' }, now, 'Europe/Berlin')).toBe(true); // due at 13:00: due now
  });

  it('a task without a due time is overdue only once its whole day is over', () => {
    expect(isOverdue({ date: '2030-03-10', completed: false }, now, 'Europe/Berlin')).toBe(false);
    expect(isOverdue({ date: '2030-03-09', dueTime: null, completed: false }, now, 'Europe/Berlin')).toBe(true);
    // where it is still the 9th (19:00 in Los Angeles), the 9th is not over yet
    expect(isOverdue({ date: '2030-03-09', completed: false }, new Date('2030-03-10T03:00:00Z'), 'America/Los_Angeles')).toBe(false);
  });

  it('a completed task is never overdue', () => {
    expect(isOverdue({ date: '2030-01-01', dueTime: '09:00', completed: true }, now, 'UTC')).toBe(false);
  });

  it('judges each occurrence of a recurring task on its own day and completion', () => {
    const series = { date: '2030-03-01', dueTime: '09:00', recurrence: 'FREQ=DAILY' };
    const occurrence = (day: string, completed = false) => ({ ...series, date: day, occurrence: day, completed });
    expect(isOverdue(occurrence('2030-03-08'), now, 'UTC')).toBe(true);
    expect(isOverdue(occurrence('2030-03-09', true), now, 'UTC')).toBe(false); // that day was done
    expect(isOverdue(occurrence('2030-03-10'), now, 'UTC')).toBe(true); // 09:00 today has passed
    expect(isOverdue(occurrence('2030-03-11'), now, 'UTC')).toBe(false);
    expect(dueAt({ date: '2030-03-01', occurrence: '2030-03-11', completed: false })).toBe('2030-03-11T24:00');
  });
});

describe('wall-clock time in a time zone', () => {
  it('reads an instant as the zone\'s clock', () => {
    expect(wallClock(new Date('2030-07-01T22:30:00Z'), 'Europe/Berlin')).toBe('2030-07-02T00:30');
    expect(wallClock(new Date('2030-01-01T00:00:00Z'), 'UTC')).toBe('2030-01-01T00:00');
  });

  it('finds the instant a local day and time name, summer and winter time', () => {
    expect(zonedInstant('2030-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe('2030-07-01T07:00:00.000Z');
    expect(zonedInstant('2030-01-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2030-01-15T08:00:00.000Z');
    expect(zonedInstant('2030-01-15', '23:30', 'America/New_York').toISOString()).toBe('2030-01-16T04:30:00.000Z');
    expect(zonedInstant('2030-03-31', '12:00', 'Europe/Berlin').toISOString()).toBe('2030-03-31T10:00:00.000Z'); // the day clocks go forward
    expect(zonedInstant('2030-05-05', '10:15', 'UTC').toISOString()).toBe('2030-05-05T10:15:00.000Z');
  });
});
