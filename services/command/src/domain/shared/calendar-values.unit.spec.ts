import { describe, expect, it } from 'vitest';
import { validDay, validInstant, validTimeOfDay } from './calendar-values.js';

describe('calendar values', () => {
  it('days are real YYYY-MM-DD days within the plan range', () => {
    expect(validDay('date', '2028-02-29')).toBe('2028-02-29');
    for (const day of ['2026-02-30', '2026-2-3', '31/01/2026', '1999-12-31', '2200-01-01']) {
      expect(validDay('date', day)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    }
  });

  it('times of day are HH:MM', () => {
    expect(validTimeOfDay('dueTime', '09:30')).toBe('09:30');
    for (const time of ['9:30', '24:00', '12:60', '09:30:00']) expect(validTimeOfDay('dueTime', time)).toMatchObject({ field: 'dueTime' });
  });

  it('instants carry a zone and are answered in UTC', () => {
    expect(validInstant('startsAt', '2030-01-31T09:30:00+02:00')).toBe('2030-01-31T07:30:00.000Z');
    for (const instant of ['2030-01-31T09:30:00', 'tomorrow', '2030-13-01T00:00:00Z', '1990-01-01T00:00:00Z']) {
      expect(validInstant('startsAt', instant)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    }
  });
});
