import { apiError } from './errors.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id argument, lower-cased; anything that is not one is BAD_USER_INPUT naming the field. */
export function idArg(value: string, field: string): string {
  if (!uuid.test(value)) throw apiError('BAD_USER_INPUT', `${field} is not an id`, { field });
  return value.toLowerCase();
}

/** An optional id argument (AttachTarget's), as idArg. */
export function optionalIdArg(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : idArg(value, field);
}
