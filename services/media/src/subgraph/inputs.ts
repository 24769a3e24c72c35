import { apiError } from './errors.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id argument, lower-cased; anything that is not one is BAD_USER_INPUT naming the field. */
export function idArg(value: string, field: string): string {
  if (!uuid.test(value)) throw apiError('BAD_USER_INPUT', `${field} is not an id`, { field });
  return value.toLowerCase();
}

/** An optional day argument (exportJournal's from / to): a real calendar day from 2000 on, else BAD_USER_INPUT naming the field. */
export function optionalDayArg(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  // The Date scalar checks the shape; 2031-02-30 has it and is no day.
  const day = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw apiError('BAD_USER_INPUT', `${field} is not a calendar day`, { field });
  if (value < '2000-01-01') throw apiError('BAD_USER_INPUT', `${field} must be 2000-01-01 or later: no entry is older`, { field });
  return value;
}

/** An optional id argument (AttachTarget's), as idArg. */
export function optionalIdArg(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : idArg(value, field);
}
