import { describe, expect, it } from 'vitest';
import { CalendarDate, DateTime } from './scalars.js';

describe('scalars', () => {
  it('DateTime answers UTC ISO-8601 and accepts instants with an offset', () => {
    expect(DateTime.serialize(new Date('2030-01-31T09:30:00+02:00'))).toBe('2030-01-31T07:30:00.000Z');
    expect(DateTime.parseValue('2030-01-31T09:30:00Z')).toEqual(new Date('2030-01-31T09:30:00Z'));
    expect(() => DateTime.parseValue('yesterday')).toThrow(/ISO-8601/);
  });

  it('Date is a plain YYYY-MM-DD', () => {
    expect(CalendarDate.serialize('2030-02-28')).toBe('2030-02-28');
    expect(CalendarDate.parseValue('2030-02-28')).toBe('2030-02-28');
    expect(() => CalendarDate.parseValue('2030-2-28')).toThrow(/YYYY-MM-DD/);
  });
});
