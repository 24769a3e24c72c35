import { addDays, addMonths, startOfWeek, step, title, today, viewRange } from './calendar-dates';

describe('calendar dates (UTC days)', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(startOfWeek('2026-11-16')).toBe('2026-11-16');
  });

  it('covers a month with whole weeks, within the 92-day limit of calendar()', () => {
    const { start, end } = viewRange('month', '2026-11-22');
    expect(start).toBe('2026-10-26');
    expect(end).toBe('2026-12-06');
    expect(viewRange('week', '2026-11-22')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(viewRange('day', '2026-11-22')).toEqual({ start: '2026-11-22', end: '2026-11-22' });
  });

  it('steps by the view', () => {
    expect(step('day', '2026-11-22', 1)).toBe('2026-11-23');
    expect(step('week', '2026-11-22', -1)).toBe('2026-11-15');
    expect(step('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
  });

  it('titles views and reads today in UTC', () => {
    expect(title('month', '2026-11-22')).toBe('November 2026');
    expect(title('week', '2026-11-22')).toBe('Nov 16 – Nov 22');
    expect(today(new Date('2026-11-22T23:30:00-05:00'))).toBe('2026-11-23');
  });
});
