import { badInput, type IdentityError } from '../identity-error.js';

export const maxNameLength = 100;

/** A name is optional: absent or blank is no name; otherwise trimmed and bounded. */
export function checkName(raw: string | null | undefined): { name: string | null } | IdentityError {
  const name = raw?.trim() ?? '';
  if (name.length === 0) return { name: null };
  if ([...name].length > maxNameLength) return badInput('name', `name must be at most ${maxNameLength} characters`);
  if (/\p{Cc}/u.test(name)) return badInput('name', 'name must not contain control characters');
  return { name };
}
